// Bicep: an `existing` vault resource and `getSecret` (only allowed into a module's @secure() parameter), and
// `.bicepparam` files: `az.getSecret(subscription, resource group, vault, name[, version])`.
// Sources: learn.microsoft.com/azure/azure-resource-manager/bicep/key-vault-parameter ("Use getSecret function",
// "Use getSecret in a .bicepparam file"), …/bicep/existing-resource, …/bicep/parameter-files (a parameters file
// names its template with `using`), and the diagnostics BCP028 (a symbol declared twice) and BCP025 (a property
// declared twice in one object, e.g. a module's `params`).
// Into an existing file: a vault the file already declares `existing` with the literal name is reused (its symbol);
// a new vault resource takes a symbol no declaration of the file has (`contosoKv`, else `contosoKv2`…); module
// parameters and .bicepparam `param`s get names unique in their object/file (the vault first when two targets share
// a secret name: `prodKvDbPassword`).
import * as l10n from '@vscode/l10n';
import { camelIdentifier, scopeParts } from '../names';
import { concat, field, join, maxTabStop, shift, toText, tpl, type Template } from '../template';
import type { FoundReference, ReferenceTarget, VaultLocator } from '../types';
import { bicepBlockAt, bicepDeclaredSymbols, bicepScope, bicepVaults } from './bicep/declarations';
import { afterColon, afterEquals, asValue, endOfContent, valuesOf, type Insertion, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';
import { parameterNames, takenSet, uniqueName } from './uniqueNames';

export { bicepDeclaredSymbols } from './bicep/declarations';

export const bicepVaultApiVersion = '2023-07-01';

/** The symbol the entry declares for a vault: `kv-e2e-main` → `kvE2eMain`. */
export function bicepVaultSymbol(vaultName: string): string {
  return camelIdentifier(vaultName);
}

/** `resource sym 'Microsoft.KeyVault/vaults@…' existing = { name, scope }` (unknown scope parts: fields 1, 2). */
export function bicepVaultResource(t: ReferenceTarget, symbol = bicepVaultSymbol(t.vaultName)): Template {
  const { sub, rg } = scopeParts(t, 1);
  return tpl`resource ${symbol} 'Microsoft.KeyVault/vaults@${bicepVaultApiVersion}' existing = {
  name: '${t.vaultName}'
  scope: resourceGroup('${sub}', '${rg}')
}`;
}

/** `sym.getSecret('name'[, 'version'])`. */
export function bicepGetSecret(symbol: string, t: ReferenceTarget): Template {
  return [`${symbol}.getSecret('${t.name}'${t.version ? `, '${t.version}'` : ''})`];
}

/** Bicep symbols already declared for vaults in the text (`existing`, literal name): vault name (lower case) → symbol. */
export function bicepVaultSymbols(text: string): Map<string, string> {
  const symbols = new Map<string, string>();
  for (const v of bicepVaults(text)) if (v.existing && v.name && !symbols.has(v.name.toLowerCase())) symbols.set(v.name.toLowerCase(), v.symbol);
  return symbols;
}

/** Which symbol reads each vault in this text, and the vault resources still to declare (with free symbols). */
interface VaultPlan {
  readonly symbolOf: (t: ReferenceTarget) => string;
  readonly missing: readonly { target: ReferenceTarget; symbol: string }[];
  /** Every symbol of the file, the new ones included (lower case). */
  readonly taken: Set<string>;
}

function planVaults(text: string, targets: readonly ReferenceTarget[]): VaultPlan {
  const declared = bicepVaultSymbols(text);
  const taken = bicepDeclaredSymbols(text);
  const symbols = new Map(declared);
  const missing: { target: ReferenceTarget; symbol: string }[] = [];
  for (const t of targets) {
    const key = t.vaultName.toLowerCase();
    if (symbols.has(key)) continue;
    const symbol = uniqueName(bicepVaultSymbol(t.vaultName), taken);
    symbols.set(key, symbol);
    missing.push({ target: t, symbol });
  }
  return { symbolOf: (t) => symbols.get(t.vaultName.toLowerCase())!, missing, taken };
}

/** The vault resources the file lacks, then a module whose @secure() parameters take every object. */
function bicepEntries(text: string, targets: readonly ReferenceTarget[]): Template {
  const plan = planVaults(text, targets);
  const resources = join(plan.missing.map((m) => bicepVaultResource(m.target, m.symbol)), '\n\n');
  const base = maxTabStop(resources);
  const names = parameterNames(targets);
  const params = concat(targets.map((t, i) => tpl`    ${field(base + 3 + i, names[i]!)}: ${bicepGetSecret(plan.symbolOf(t), t)}`), '\n');
  const module = uniqueName('app', plan.taken);
  return tpl`${resources.length ? tpl`${resources}\n\n` : []}module ${field(base + 1, module)} '${field(base + 2, './app.bicep')}' = {
  name: '${field(base + 1, module)}'
  params: {
${params}
  }
}`;
}

/** Text after the cursor on its line goes to the next line (a declaration ends at its line's end). */
function ownLine(ctx: PlacementContext, template: Template): Template {
  const end = ctx.endOffset ?? ctx.offset;
  const lineEnd = ctx.text.indexOf('\n', end);
  return ctx.text.slice(end, lineEnd < 0 ? undefined : lineEnd).trim() ? [...template, '\n'] : template;
}

/** Declarations appended after the file's last one (a blank line between; the file's own final line break kept). */
function atEnd(ctx: PlacementContext, text: string): Insertion {
  const end = endOfContent(ctx);
  return { offset: end, text: `${end ? '\n\n' : ''}${text}${end < ctx.text.length ? '' : '\n'}` };
}

/** The vault resources the plan adds, appended at the end of the file. */
function appendedResources(ctx: PlacementContext, plan: VaultPlan): Placement['extras'] {
  if (!plan.missing.length) return undefined;
  const resources = plan.missing.map((m) => toText(bicepVaultResource(m.target, m.symbol))).join('\n\n');
  return [atEnd(ctx, resources)];
}

/**
 * After `:`/`=`: `getSecret` on the vault's symbol (its resource appended when the file lacks it). Inside a module's
 * `params: { … }`: one parameter line per target. At the top level: the resources and a module. Inside any other
 * block (a declaration's body, an array): the resources and module go to the end of the file.
 */
function placeBicep(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const plan = planVaults(ctx.text, targets);
  const extras = appendedResources(ctx, plan);
  if (afterColon(ctx) || afterEquals(ctx)) {
    return { mode: 'value', template: valuesOf(bicep, targets, (t) => bicepGetSecret(plan.symbolOf(t), t)), ...(extras ? { extras } : {}) };
  }
  const block = bicepBlockAt(ctx.text, ctx.offset);
  if (block?.bracket === '{' && block.key === 'params') {
    const names = parameterNames(targets, takenSet(block.keys));
    const lines = join(targets.map((t, i) => tpl`${field(1, names[i]!)}: ${bicepGetSecret(plan.symbolOf(t), t)}`), '\n');
    return { mode: 'entry', template: ownLine(ctx, lines), ...(extras ? { extras } : {}) };
  }
  if (block) return { mode: 'value', template: [], extras: [atEnd(ctx, toText(bicepEntries(ctx.text, targets)))] };
  return { mode: 'entry', template: ownLine(ctx, bicepEntries(ctx.text, targets)) };
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
  entry: (t) => bicepEntries('', [t]),
  entries: (targets) => bicepEntries('', targets),
  place: placeBicep,
};

function getSecretCall(t: ReferenceTarget, first: number): Template {
  const { sub, rg } = scopeParts(t, first);
  return tpl`az.getSecret('${sub}', '${rg}', '${t.vaultName}', '${t.name}'${t.version ? `, '${t.version}'` : ''})`;
}

/** `param x = az.getSecret(…)` lines, names unique in the file; a file without `using` gets one first. */
function bicepparamEntries(text: string, targets: readonly ReferenceTarget[]): Template {
  const names = parameterNames(targets, bicepDeclaredSymbols(text));
  return join(targets.map((t, i) => tpl`param ${field(1, names[i]!)} = ${getSecretCall(t, 2)}`), '\n');
}

const hasUsing = (text: string) => /^[ \t]*using[ \t]/m.test(text);
const usingLine = "using './main.bicep'\n\n";

function placeBicepparam(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (afterEquals(ctx)) return asValue(bicepparam, targets);
  const entries = ownLine(ctx, bicepparamEntries(ctx.text, targets));
  if (hasUsing(ctx.text)) return { mode: 'entry', template: entries };
  if (ctx.text.trim() === '') return { mode: 'entry', template: tpl`using '${field(1, './main.bicep')}'\n\n${shift(entries, 1)}` };
  return { mode: 'entry', template: entries, extras: [{ offset: 0, text: usingLine }] };
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
  entry: (t) => bicepparamEntries('', [t]),
  entries: (targets) => bicepparamEntries('', targets),
  place: placeBicepparam,
};

/** Bicep `sym.getSecret(…)` on an `existing` vault resource of the file (whose name is a literal). */
export function parseBicep(text: string): FoundReference[] {
  const vaults = new Map<string, VaultLocator>();
  for (const v of bicepVaults(text)) {
    if (!v.existing || !v.name) continue;
    const { sub, rg } = bicepScope(v.body);
    vaults.set(v.symbol, { by: 'name', name: v.name, ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}) });
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
