// azureKeyVault_listVaults: the vaults the user sees (the Key Vault view's), with cloud, subscription, directory,
// resource group, location and the protections that matter before a write (soft delete, purge protection, RBAC).
import { kindsOf } from '../../model/targets';
import { inputObject, optionalInteger, optionalString } from './input';
import { vaultPlaces } from './places';
import { bounded, defaultMaxRows, maxRowsLimit, nameMatches } from './rows';
import { tool } from './tool';

export const listVaults = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['nameContains', 'maxResults']);
    return { nameContains: optionalString(input, 'nameContains'), max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows };
  },
  prepare: () => ({ invocationMessage: 'Listing your key vaults' }),
  run: async (services, input) => {
    const cloud = services.session.cloud();
    const cloudName = cloud.ok ? `cloud ${cloud.cloud.name}` : 'an unknown cloud';
    const places = (await vaultPlaces(services)).filter((p) => nameMatches(p.vault.name, input.nameContains));
    const rows = places.map(({ vault, subscription, directory }) => {
      const info = vault.info;
      const facts = [
        vault.vaultUrl,
        info?.kind === 'managedHsm' ? 'Managed HSM (keys only)' : `holds ${kindsOf(vault).join(', ')}`,
        vault.attached ? 'attached by URL' : `subscription ${subscription ?? info?.subscriptionId ?? '?'}`,
        ...(directory ? [`directory ${directory}`] : []),
        ...(info ? [`resource group ${info.resourceGroup}`, `location ${info.location}`] : []),
        ...(info ? [info.softDeleteEnabled ? `soft delete on (${info.softDeleteRetentionInDays ?? 90} days)` : 'soft delete OFF', `purge protection ${info.purgeProtectionEnabled ? 'on' : 'off'}`, info.rbacAuthorization ? 'Azure RBAC' : 'access policies'] : []),
      ];
      return `- ${vault.name} — ${facts.join(', ')}`;
    });
    return [`${places.length} vault(s) in ${cloudName}${input.nameContains ? ` whose name contains "${input.nameContains}"` : ''}:`, ...bounded(rows, input.max, 'use nameContains')];
  },
});
