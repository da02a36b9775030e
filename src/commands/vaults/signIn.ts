import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/** The explicit sign-in action: VS Code's own Microsoft sign-in (or a check of the configured credential). */
export async function signIn(services: Services): Promise<void> {
  try {
    const account = await services.session.signIn();
    services.log.info(`signed in as ${account.label}`);
  } catch (error) {
    // VS Code's words when the user closes its sign-in prompt.
    if (error instanceof Error && /did not consent|cancel/i.test(error.message)) throw new UserCancelled();
    throw error;
  }
  services.view.refreshAll();
}
