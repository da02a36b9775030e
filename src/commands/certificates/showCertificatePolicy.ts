import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { detailsPath, fail, vaultClients } from '../keys/common';
import { toJson } from '../keys/keyDocument';
import { resolveItem } from '../targets';
import { policyDocument } from './certificateDocument';

/** The certificate's policy in a read-only JSON document (one GET). */
export async function showCertificatePolicy(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'certificate', node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let policy;
  try {
    policy = await sdk.certificateOps.getCertificatePolicy(vaults, target.vault.vaultUrl, target.name);
  } catch (error) {
    fail(error, 'certificate', 'read', target.vault, target.name);
  }
  const doc = policyDocument(policy) ?? {};
  await services.documents.showReadOnly(detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy'), toJson(doc), 'json');
  return doc;
}
