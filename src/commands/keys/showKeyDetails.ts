import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { detailsPath, request, showDocument } from './common';
import { keyDocument } from './keyDocument';

/**
 * Details of a key or key version in a read-only `keyvault:` JSON document: type, size or curve, operations,
 * state, dates, managed, HSM, tags and the public JWK (one GET; never private material). Returns the document.
 */
export async function showKeyDetails(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'key', node);
  const details = await request(services, 'key', 'read', target, (sdk, vaults, url) => sdk.keyOps.getKeyDetails(vaults, url, target.name, target.version));
  return showDocument(services, detailsPath(target.vault, 'key', target.name, target.version), keyDocument(details, target.vault.name));
}
