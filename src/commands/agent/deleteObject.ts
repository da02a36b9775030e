// azureKeyVault_deleteObject: soft-delete a secret, key or certificate — recoverable from the vault's Deleted group
// for its retention period. A delete that would be permanent (soft delete off) is refused: that stays a decision made
// in the Key Vault view, with its own warning. Purge is not offered to agents at all.
import * as vscode from 'vscode';
import { deleteIsPermanent } from '../../azure/rules';
import { request } from '../failures';
import { someVersion } from './inventory';
import { inputObject, requiredKind, requiredString, ToolRefusal } from './input';
import { findVault } from './places';
import { tool } from './tool';

export const deleteObject = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['vault', 'kind', 'name']);
    return { vault: requiredString(input, 'vault'), kind: requiredKind(input), name: requiredString(input, 'name') };
  },
  prepare: (_services, input) => ({
    invocationMessage: vscode.l10n.t('Deleting {0} "{1}" from {2}', input.kind, input.name, input.vault),
    confirmation: {
      title: vscode.l10n.t('Delete a {0}?', input.kind),
      message: vscode.l10n.t('The {0} "{1}" is deleted from vault {2}: all its versions move to Deleted, where they can be recovered until the vault’s retention period ends. Apps using it fail until it is recovered.', input.kind, input.name, input.vault),
      action: vscode.l10n.t('Delete'),
    },
  }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const { kind, name } = input;
    const found = await someVersion(services, vault, kind, name);
    if (!found) throw new ToolRefusal(`There is no ${kind} "${name}" in ${vault.name}. Nothing was deleted.`);
    if (found.managed) throw new ToolRefusal(`The ${kind} "${name}" belongs to the certificate of the same name: delete the certificate instead. Nothing was deleted.`);
    const permanent = vault.info ? !vault.info.softDeleteEnabled : deleteIsPermanent(found.recoveryLevel) === true;
    if (permanent) throw new ToolRefusal(`Soft delete is off in ${vault.name}: a delete there is permanent, and agents may only make recoverable ones. The user can delete it in the Key Vault view. Nothing was deleted.`);
    const changes = kind === 'certificate' ? (['certificate', 'key', 'secret'] as const) : ([kind] as const);
    await request<unknown>(services, { kind, operation: 'delete', vault, name }, (sdk, vaults, url, options) => {
      switch (kind) {
        case 'secret':
          return sdk.secretOps.deleteSecret(vaults, url, name, options);
        case 'key':
          return sdk.keyOps.deleteKey(vaults, url, name, options);
        case 'certificate':
          return sdk.certificateOps.deleteCertificate(vaults, url, name, options);
      }
    });
    services.view.refreshGroupsAndDeleted(vault, changes);
    services.log.info(`agent tool: deleted ${kind} ${name} from ${vault.name} (recoverable)`);
    const days = vault.info?.softDeleteRetentionInDays;
    return [`Deleted the ${kind} "${name}" from vault ${vault.name}: recoverable from its Deleted group${days ? ` for ${days} days` : ''} (the user can recover it in the Key Vault view).`];
  },
});
