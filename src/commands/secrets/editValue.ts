import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { editorFolder, EditSession } from './editSession';
import { readSecretValue } from '../items/secretValue';
import { secretLanguage } from '../items/secretValue';

/**
 * Edit Value: the value (latest, or the selected version's as a starting point) in the secret value editor of
 * `keyvault:` documents, in memory only: not a text editor, because VS Code backs up dirty text editors to disk
 * (src/platform/documents/secretEditor.ts). An explicit save (never an auto-save) adds a new version (confirmed the first time); if a newer
 * version appeared since the editor opened, the save stops and offers Compare / Overwrite. Returns the editor's URI.
 */
export async function editSecretValue(services: Services, target: ItemTarget): Promise<{ uri: string; version?: string }> {
  const { vault, name } = target;
  const folder = editorFolder(vault, name);
  // Already being edited: show that editor (it may hold unsaved changes) instead of reading the value again.
  const open = await services.documents.showOpen(folder);
  if (open) return { uri: open.toString() };
  const secret = await readSecretValue(services, target);
  if (secret.properties.managed) throw new Error(vscode.l10n.t('"{0}" belongs to the certificate of the same name: renew or import the certificate instead.', name));
  let baselineVersion = secret.properties.version;
  if (target.version) {
    // Opened from an older version: a conflict means "newer than the latest at open time".
    const latest = await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
    baselineVersion = latest?.version;
  }
  // The language of the value only colours Compare's read-only documents.
  const languageId = await secretLanguage(secret.properties.contentType, secret.value);
  const session = new EditSession(services, vault, name, {
    version: baselineVersion,
    ...(secret.properties.contentType ? { contentType: secret.properties.contentType } : {}),
    ...(secret.properties.tags ? { tags: secret.properties.tags } : {}),
  }, languageId);
  const hint = vscode.l10n.t('Unsaved changes stay in memory only: VS Code keeps no backup of them. Save (Ctrl+S here) adds a new version of {0} in {1}; auto-save never does.', name, vault.name);
  const uri = await services.documents.openSecretValue(`${folder}${name}`, secret.value, session.save, name, hint);
  services.log.info(`editing secret ${name} of ${vault.name} (in memory; saving adds a version)`);
  return { uri: uri.toString(), ...(baselineVersion ? { version: baselineVersion } : {}) };
}
