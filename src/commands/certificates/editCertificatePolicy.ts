import * as vscode from 'vscode';
import { parsePolicyJson } from '../../azure/certificatePolicy';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { vaultClients } from '../items/common';
import { detailsPath, explain } from '../keys/common';
import { toJson } from '../keys/keyDocument';
import { policyDocument } from './certificateDocument';
import { certificateWithPolicy } from './readPolicy';

/**
 * Opens the certificate's policy as an editable `keyvault:` JSON document; saving it checks the JSON and the
 * service's rules first, then updates the policy (PATCH) and re-reads it into the editor. The next renewal
 * (or auto-renewal) uses it. Returns the editor.
 */
export async function editCertificatePolicy(services: Services, node?: TreeNode): Promise<vscode.TextEditor> {
  const { target, policy } = await certificateWithPolicy(services, node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const path = detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy.edit');
  const save = async (text: string): Promise<void> => {
    const next = parsePolicyJson(text);
    try {
      await sdk.certificateOps.setCertificatePolicy(vaults, target.vault.vaultUrl, target.name, next);
    } catch (error) {
      throw new Error(explain(classifyError(error), 'certificate', 'update', target.vault, target.name));
    }
    services.log.info(`updated the policy of certificate ${target.name} in ${target.vault.name}`);
    services.ui.notify(vscode.l10n.t('Saved the policy of {0}: the next renewal uses it', target.name));
  };
  return services.documents.openWritable(path, toJson(policyDocument(policy) ?? {}), save, 'json');
}
