import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { detailsPath, showDocument } from '../keys/common';
import { policyDocument } from './certificateDocument';
import { certificateWithPolicy } from './readPolicy';

/** The certificate's policy in a read-only JSON document (one GET). */
export async function showCertificatePolicy(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const { target, policy } = await certificateWithPolicy(services, node);
  return showDocument(services, detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy'), policyDocument(policy) ?? {});
}
