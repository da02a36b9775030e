// Bicep: an `existing` vault resource and `getSecret` (only allowed into a module's @secure() parameter), and
// `.bicepparam` files: `az.getSecret(subscription, resource group, vault, name[, version])`.
import * as l10n from '@vscode/l10n';
import { camelIdentifier, scopeParts } from '../names';
import { concat, field, join, maxTabStop, toText, tpl, type Template } from '../template';
import type { FoundReference, ReferenceTarget, VaultLocator } from '../types';
import { afterColon, afterEquals, asEntries, asValue, endOfContent, valuesOf, type Placement, type PlacementContext } from './context';
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

/** Bicep symbols already declared for vaults in the text: vault name (lower case) → symbol. */
export function bicepVaultSymbols(text: string): Map<string, string> {
  const symbols = new Map<string, string>();
  for (const m of text.matchAll(/\bresource\s+([A-Za-z_]\w*)\s+'Microsoft\.KeyVault\/vaults@[^']*'\s+existing\s*=\s*\{[^{}]*?\bname:\s*'([^']+)'/gi)) {
    symbols.set(m[2]!.toLowerCase(), m[1]!);
  }
  return symbols;
}

/** Vaults declared in the file: `getSecret` on their symbols; one value after `:`/`=`: the resource appended. */
function placeBicep(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const symbols = bicepVaultSymbols(ctx.text);
  if (targets.every((t) => symbols.has(t.vaultName.toLowerCase()))) {
    return { mode: 'value', template: valuesOf(bicep, targets, (t) => bicepGetSecret(symbols.get(t.vaultName.toLowerCase())!, t)) };
  }
  if (targets.length === 1 && (afterColon(ctx) || afterEquals(ctx))) {
    const t = targets[0]!;
    return { mode: 'value', template: bicep.value(t), extras: [{ offset: endOfContent(ctx), text: `\n\n${toText(bicepVaultResource(t))}\n` }] };
  }
  return asEntries(bicep, targets);
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
  place: placeBicep,
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
  place: (ctx, targets) => (afterEquals(ctx) ? asValue(bicepparam, targets) : asEntries(bicepparam, targets)),
};

/** Bicep `sym.getSecret(…)` on an `existing` vault resource of the file. */
export function parseBicep(text: string): FoundReference[] {
  const vaults = new Map<string, VaultLocator>();
  for (const m of text.matchAll(/\bresource\s+([A-Za-z_]\w*)\s+'Microsoft\.KeyVault\/vaults@[^']*'\s+existing\s*=\s*\{([^{}]*)\}/gi)) {
    const body = m[2] ?? '';
    const name = /\bname:\s*'([^']+)'/.exec(body)?.[1];
    if (!name) continue;
    const scope = /\bscope:\s*resourceGroup\(\s*'([^']+)'\s*(?:,\s*'([^']+)'\s*)?\)/.exec(body);
    const sub = scope?.[2] ? scope[1] : undefined;
    const rg = scope?.[2] ?? scope?.[1];
    vaults.set(m[1]!, { by: 'name', name, ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}) });
  }
  if (vaults.size === 0) return [];
  const found: FoundReference[] = [];
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\.getSecret\(\s*'([^'\r\n]+)'\s*(?:,\s*'([^'\r\n]+)'\s*)?\)/dg)) {
    const vault = vaults.get(m[1]!);
    if (!vault) continue;
    found.push({
      format: 'bicep', start: m.index, end: m.index + m[0].length, nameStart: m.indices![2]![0], nameEnd: m.indices![2]![1],
      vault, kind: 'secret', name: m[2]!, ...(m[3] ? { version: m[3].toLowerCase() } : {}),
    });
  }
  return found;
}
