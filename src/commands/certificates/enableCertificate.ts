import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { setEnabled } from '../keys/lifecycle';

/** Enable the certificate (current version, or the chosen version); its key and secret follow. */
export function enableCertificate(services: Services, node?: TreeNode) {
  return setEnabled(services, 'certificate', true, node);
}
