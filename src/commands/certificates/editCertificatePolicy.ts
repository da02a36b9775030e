import * as vscode from 'vscode';
import { parsePolicyJson } from '../../azure/certificatePolicy';
import type { ItemTarget } from '../../model/targets';
import { itemKey } from '../../platform/operations';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { runOperation } from '../wrapper';
import { detailsPath, toJson } from '../items/documents';
import { policyDocument } from './certificateDocument';
import { readPolicy } from './readPolicy';

/**
 * Opens the certificate's policy as an editable `keyvault:` JSON document; saving it checks the JSON and the
 * service's rules first, then updates the policy (PATCH) and re-reads it into the editor. The next renewal
 * (or auto-renewal) uses it. Returns the editor.
 */
export async function editCertificatePolicy(services: Services, target: ItemTarget): Promise<vscode.TextEditor> {
  const policy = await readPolicy(services, target);
  const path = detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy.edit');
  // A failed save rejects with the explained sentence: VS Code keeps the editor dirty and says the save failed.
  // One operation per save: the certificate locked meanwhile, stopped by a sign-out (the save fails saying so).
  const save = async (text: string): Promise<void> => {
    const next = parsePolicyJson(text);
    const title = vscode.l10n.t('Saving the policy of {0}', target.name);
    await runOperation(services, { title, items: [{ key: itemKey(target.vault.vaultUrl, 'certificate', target.name), name: target.name }] }, () =>
      request(services, contextOf(target, 'update'), (sdk, vaults, url, options) => sdk.certificateOps.setCertificatePolicy(vaults, url, target.name, next, options)),
    );
    services.log.info(`updated the policy of certificate ${target.name} in ${target.vault.name}`);
    services.ui.notify(vscode.l10n.t('Saved the policy of {0}: the next renewal uses it', target.name));
  };
  return services.documents.openWritable(path, toJson(policyDocument(policy) ?? {}), save, 'json');
}
