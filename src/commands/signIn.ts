import { getArmSession } from '../auth/session';
import type { Services } from '../services';

/** Signs in with VS Code's own Microsoft account (interactive: this is the explicit sign-in action). */
export async function signIn(services: Services): Promise<void> {
  const session = await getArmSession(true);
  if (session) services.log.info(`signed in as ${session.account.label}`);
  services.tree.refresh();
}
