import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { detailsPath, showDocument } from '../items/documents';
import { keyDocument } from './keyDocument';
import { currentKey } from './keyAttributes';

/**
 * Details of a key or key version in a read-only `keyvault:` JSON document: type, size or curve, operations,
 * state, dates, managed, HSM, tags and the public JWK (one GET; never private material). Returns the document.
 */
export async function showKeyDetails(services: Services, target: ItemTarget): Promise<Record<string, unknown>> {
  const details = await currentKey(services, target);
  return showDocument(services, detailsPath(target.vault, 'key', target.name, target.version), keyDocument(details, target.vault.name));
}
