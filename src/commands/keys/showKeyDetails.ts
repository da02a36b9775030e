import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { detailsPath, fail, vaultClients } from './common';
import { keyDocument, toJson } from './keyDocument';

/**
 * Details of a key or key version in a read-only `keyvault:` JSON document: type, size or curve, operations,
 * state, dates, managed, HSM, tags and the public JWK (one GET; never private material). Returns the document.
 */
export async function showKeyDetails(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'key', node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let details;
  try {
    details = await sdk.keyOps.getKeyDetails(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    fail(error, 'key', 'read', target.vault, target.name);
  }
  const doc = keyDocument(details, target.vault.name);
  await services.documents.showReadOnly(detailsPath(target.vault, 'key', target.name, target.version), toJson(doc), 'json');
  return doc;
}
