import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveSecret } from './common';
import { setSecretEnabled } from './setEnabled';

/** Enable: a secret (its latest version) or the selected version. */
export async function enableSecret(services: Services, node?: TreeNode): Promise<unknown> {
  return setSecretEnabled(services, await resolveSecret(services, node), true);
}
