import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { detailsPath, fail, vaultClients } from './common';
import { rotationPolicyDocument, toJson } from './keyDocument';

/** The key's rotation policy in a read-only JSON document (one GET; the service's default when none is set). */
export async function showKeyRotationPolicy(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'key', node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let policy;
  try {
    policy = await sdk.keyOps.getRotationPolicy(vaults, target.vault.vaultUrl, target.name);
  } catch (error) {
    fail(error, 'key', 'read', target.vault, target.name);
  }
  const doc = rotationPolicyDocument(target.name, target.vault.name, policy);
  await services.documents.showReadOnly(detailsPath(target.vault, 'key', target.name, 'policy', '-rotation-policy'), toJson(doc), 'json');
  return doc;
}
