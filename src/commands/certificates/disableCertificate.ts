import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { setEnabled } from '../keys/lifecycle';

/** Disable the certificate (current version, or the chosen version); its key and secret follow. */
export function disableCertificate(services: Services, node?: TreeNode) {
  return setEnabled(services, 'certificate', false, node);
}
