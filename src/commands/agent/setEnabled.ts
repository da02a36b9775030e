// azureKeyVault_setEnabled: enable or disable a secret, key or certificate (its current version), with the shared
// PATCH of src/commands/items/setEnabled.ts. A key or secret a certificate manages is refused (the certificate's
// own state governs it). Disabling says how many workspace files use it, when the index knows.
import * as vscode from 'vscode';
import { request } from '../failures';
import { updateEnabled } from '../items/setEnabled';
import { someVersion } from './inventory';
import { inputObject, requiredBoolean, requiredKind, requiredString, ToolRefusal } from './input';
import { findVault } from './places';
import { tool } from './tool';

export const setEnabled = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['vault', 'kind', 'name', 'enabled']);
    return { vault: requiredString(input, 'vault'), kind: requiredKind(input), name: requiredString(input, 'name'), enabled: requiredBoolean(input, 'enabled') };
  },
  prepare: (_services, input) => ({
    invocationMessage: input.enabled ? vscode.l10n.t('Enabling {0} "{1}" in {2}', input.kind, input.name, input.vault) : vscode.l10n.t('Disabling {0} "{1}" in {2}', input.kind, input.name, input.vault),
    confirmation: input.enabled
      ? { title: vscode.l10n.t('Enable a {0}?', input.kind), message: vscode.l10n.t('The {0} "{1}" in vault {2} is enabled: its current version can be read again.', input.kind, input.name, input.vault), action: vscode.l10n.t('Enable') }
      : {
          title: vscode.l10n.t('Disable a {0}?', input.kind),
          message: vscode.l10n.t('The {0} "{1}" in vault {2} is disabled: apps and deployments that read it fail until it is enabled again.', input.kind, input.name, input.vault),
          action: vscode.l10n.t('Disable'),
        },
  }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const { kind, name, enabled } = input;
    const found = await someVersion(services, vault, kind, name);
    if (!found) throw new ToolRefusal(`There is no ${kind} "${name}" in ${vault.name}. Nothing was changed.`);
    if (found.managed) throw new ToolRefusal(`The ${kind} "${name}" belongs to the certificate of the same name: ${enabled ? 'enable' : 'disable'} the certificate instead. Nothing was changed.`);
    const target = { vault, kind, name };
    const usage = enabled ? undefined : services.workspaceReferences.filesUsing({ vaultUrl: vault.vaultUrl, vaultName: vault.name, kind, name });
    const changed = await request(services, { kind, operation: 'update', vault, name }, (sdk, vaults, url, options) => updateEnabled[kind](sdk, vaults, url, target, enabled, options));
    services.view.refreshItem(target);
    services.log.info(`agent tool: ${enabled ? 'enabled' : 'disabled'} ${kind} ${name} in ${vault.name}`);
    return [
      `${enabled ? 'Enabled' : 'Disabled'} the ${kind} "${name}" in vault ${vault.name}${changed.version ? ` (version ${changed.version})` : ''}.`,
      ...(usage ? [`${usage} file(s) of the workspace reference it.`] : []),
    ];
  },
});
