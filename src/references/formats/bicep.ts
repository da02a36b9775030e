// Bicep: an `existing` vault resource and `getSecret` (only allowed into a module's @secure() parameter), and
// `.bicepparam` files: `az.getSecret(subscription, resource group, vault, name[, version])`.
import * as l10n from '@vscode/l10n';
import { camelIdentifier, scopeParts } from '../names';
import { concat, field, join, maxTabStop, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';

export const bicepVaultApiVersion = '2023-07-01';

/** The symbol the entry declares for a vault: `kv-e2e-main` → `kvE2eMain`. */
export function bicepVaultSymbol(vaultName: string): string {
  return camelIdentifier(vaultName);
}

/** `resource sym 'Microsoft.KeyVault/vaults@…' existing = { name, scope }` (unknown scope parts: fields 1, 2). */
export function bicepVaultResource(t: ReferenceTarget): Template {
  const { sub, rg } = scopeParts(t, 1);
  return tpl`resource ${bicepVaultSymbol(t.vaultName)} 'Microsoft.KeyVault/vaults@${bicepVaultApiVersion}' existing = {
  name: '${t.vaultName}'
  scope: resourceGroup('${sub}', '${rg}')
}`;
}

/** `sym.getSecret('name'[, 'version'])`. */
export function bicepGetSecret(symbol: string, t: ReferenceTarget): Template {
  return [`${symbol}.getSecret('${t.name}'${t.version ? `, '${t.version}'` : ''})`];
}

/** One `existing` resource per vault, then a module whose @secure() parameters take every object. */
function bicepEntries(targets: readonly ReferenceTarget[]): Template {
  const vaults = new Map<string, ReferenceTarget>();
  for (const t of targets) if (!vaults.has(t.vaultName.toLowerCase())) vaults.set(t.vaultName.toLowerCase(), t);
  const resources = join([...vaults.values()].map(bicepVaultResource), '\n\n');
  const base = maxTabStop(resources);
  const params = concat(
    targets.map((t, i) => tpl`    ${field(base + 3 + i, camelIdentifier(t.name))}: ${bicep.value(t)}`),
    '\n',
  );
  return tpl`${resources}

module ${field(base + 1, 'app')} '${field(base + 2, './app.bicep')}' = {
  name: '${field(base + 1, 'app')}'
  params: {
${params}
  }
}`;
}

export const bicep: ReferenceFormat = {
  id: 'bicep',
  get label(): string {
    return l10n.t('Bicep: existing vault + getSecret');
  },
  get detail(): string {
    return l10n.t("{0} and {1} into a module's {2} parameter", 'resource … existing = {…}', "kv.getSecret('…')", '@secure()');
  },
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => bicepGetSecret(bicepVaultSymbol(t.vaultName), t),
  entry: (t) => bicepEntries([t]),
  entries: bicepEntries,
};

function getSecretCall(t: ReferenceTarget, first: number): Template {
  const { sub, rg } = scopeParts(t, first);
  return tpl`az.getSecret('${sub}', '${rg}', '${t.vaultName}', '${t.name}'${t.version ? `, '${t.version}'` : ''})`;
}

export const bicepparam: ReferenceFormat = {
  id: 'bicepparam',
  get label(): string {
    return l10n.t('Bicep parameters file: az.getSecret');
  },
  detail: "param x = az.getSecret('sub', 'rg', 'vault', 'name')",
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => getSecretCall(t, 1),
  entry: (t) => tpl`param ${field(1, camelIdentifier(t.name))} = ${getSecretCall(t, 2)}`,
};
