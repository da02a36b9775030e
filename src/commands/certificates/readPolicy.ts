import type { CertificatePolicyInfo } from '../../azure/certificateModel';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { request } from '../keys/common';
import { resolveItem, type ItemTarget } from '../targets';

/** The certificate of the node (or picked from the palette) and its policy: one GET. */
export async function certificateWithPolicy(services: Services, node?: TreeNode): Promise<{ target: ItemTarget; policy: CertificatePolicyInfo }> {
  const target = await resolveItem(services, 'certificate', node);
  const policy = await request(services, 'certificate', 'read', target, (sdk, vaults, url) => sdk.certificateOps.getCertificatePolicy(vaults, url, target.name));
  return { target, policy };
}
