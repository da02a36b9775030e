import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveSecret } from './common';
import { setSecretEnabled } from './setEnabled';

/** Disable: a secret (its latest version) or the selected version; its value can't be read until enabled. */
export async function disableSecret(services: Services, node?: TreeNode): Promise<unknown> {
  return setSecretEnabled(services, await resolveSecret(services, node), false);
}
