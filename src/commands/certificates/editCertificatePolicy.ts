import type * as vscode from 'vscode';
import { parsePolicyJson } from '../../azure/certificatePolicy';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { detailsPath, explain, fail, vaultClients } from '../keys/common';
import { toJson } from '../keys/keyDocument';
import { resolveItem } from '../targets';
import { policyDocument } from './certificateDocument';

/**
 * Opens the certificate's policy as an editable `keyvault:` JSON document; saving it checks the JSON and the
 * service's rules first, then updates the policy (PATCH) and re-reads it into the editor. The next renewal
 * (or auto-renewal) uses it. Returns the editor.
 */
export async function editCertificatePolicy(services: Services, node?: TreeNode): Promise<vscode.TextEditor> {
  const target = await resolveItem(services, 'certificate', node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let policy;
  try {
    policy = await sdk.certificateOps.getCertificatePolicy(vaults, target.vault.vaultUrl, target.name);
  } catch (error) {
    fail(error, 'certificate', 'read', target.vault, target.name);
  }
  const path = detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy.edit');
  const save = async (text: string): Promise<void> => {
    const next = parsePolicyJson(text);
    try {
      await sdk.certificateOps.setCertificatePolicy(vaults, target.vault.vaultUrl, target.name, next);
    } catch (error) {
      throw new Error(explain(classifyError(error), 'certificate', 'update', target.vault, target.name));
    }
    services.log.info(`updated the policy of certificate ${target.name} in ${target.vault.name}`);
    services.ui.notify(`Saved the policy of ${target.name}: the next renewal uses it`);
  };
  return services.documents.openWritable(path, toJson(policyDocument(policy) ?? {}), save, 'json');
}
