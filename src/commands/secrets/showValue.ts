import { itemLabel, type ItemTarget } from '../../model/targets';
import { extensionForLanguage } from '../../platform/documents/language';
import type { Services } from '../../services';
import { readSecretValue, secretLanguage } from '../items/secretValue';

/**
 * Show Value: the value in a read-only editor of a `keyvault:` document (memory only: never a file, never
 * dirty so never backed up; dropped when closed). Language from the content type. Returns the document's URI.
 */
export async function showSecretValue(services: Services, target: ItemTarget): Promise<{ uri: string; languageId: string; version?: string }> {
  const secret = await readSecretValue(services, target);
  const version = secret.properties.version ?? target.version ?? 'latest';
  const languageId = await secretLanguage(secret.properties.contentType, secret.value);
  const path = `/${target.vault.name}/secrets/${target.name}/${version}/${target.name}${extensionForLanguage(languageId)}`;
  const editor = await services.documents.showReadOnly(path, secret.value, languageId);
  services.log.info(`showing secret ${itemLabel({ name: target.name, version })} of ${target.vault.name} (read-only, in memory)`);
  return { uri: editor.document.uri.toString(), languageId: editor.document.languageId, ...(secret.properties.version ? { version: secret.properties.version } : {}) };
}
