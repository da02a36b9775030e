// The object's URI, and the .NET configuration key of a secret (`A--B` ↔ `A:B`,
// learn.microsoft.com/aspnet/core/security/key-vault-configuration). Typed as a property name of a JSON settings
// file, the key is relative to the enclosing object (`Storage` inside "ConnectionStrings"; `__` in a
// local.settings.json `Values`) and unique in it: jsonSettings.ts.
import * as l10n from '@vscode/l10n';
import { getNodePath } from 'jsonc-parser';
import { jsonSpotAt } from '../jsonPath';
import { dotnetKeyOf, objectUri, snakeIdentifier } from '../names';
import type { ReferenceTarget } from '../types';
import { afterEquals, asEntries, asValue, insideString, isJsonDocument, lineAfter, lineBefore, type Placement, type PlacementContext } from './context';
import { settingKeys } from './jsonSettings';
import type { ReferenceFormat } from './format';
import { allKinds, always, same, secretLike } from './format';
import { takenSet, uniqueName } from './uniqueNames';

export const uri: ReferenceFormat = {
  id: 'uri',
  get label(): string {
    return l10n.t('Key Vault URI');
  },
  detail: 'https://{vault host}/{secrets|keys|certificates}/{name}[/{version}]',
  kinds: allKinds,
  versionable: always,
  textKind: same,
  value: (t) => [objectUri(t)],
  entry: (t) => [objectUri(t)],
  place: placeUri,
};

/** A .env file: one `NAME=value` a line (a bare line is no setting: dotenv ignores it). */
const isEnvFile = (ctx: PlacementContext) => /(^|[\\/])\.env(\.[^\\/]*)?$/i.test(ctx.path) || ctx.languageId === 'dotenv';

/**
 * The URI where a value goes; in a .env file outside a value, one `NAME_URI=…` line per target (the secret's name in
 * upper snake case, the vault's first when two targets share a name), unique against the file's variables.
 */
function placeUri(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  // A value right after `=` or inside one; at the end of a complete `NAME=value` line or on an empty line: new lines.
  if (!isEnvFile(ctx) || afterEquals(ctx) || (lineBefore(ctx).includes('=') && lineAfter(ctx).trim() !== '')) return asValue(uri, targets);
  const taken = takenSet([...ctx.text.matchAll(/^\s*(?:export\s+)?([A-Za-z_][\w.]*)\s*=/gm)].map((m) => m[1]!));
  const shared = (t: ReferenceTarget) => targets.filter((o) => o.name.toLowerCase() === t.name.toLowerCase()).length > 1;
  const lines = targets.map((t) => `${uniqueName(`${snakeIdentifier(shared(t) ? `${t.vaultName}-${t.name}` : t.name).toUpperCase()}_URI`, taken)}=${objectUri(t)}`);
  return { mode: 'entry', template: [lines.join('\n')] };
}

export const dotnetKey: ReferenceFormat = {
  id: 'dotnetKey',
  get label(): string {
    return l10n.t('.NET configuration key');
  },
  get detail(): string {
    return l10n.t('secret {0} is {1} with the Key Vault configuration provider', 'A--B', 'configuration["A:B"]');
  },
  kinds: secretLike,
  versionable: () => false,
  textKind: same,
  value: (t) => [dotnetKeyOf(t.name)],
  entry: (t) => [`configuration["${dotnetKeyOf(t.name)}"]`],
  place: placeDotnetKey,
};

/** The vaults a C# file adds to its configuration (`AddAzureKeyVault(new Uri("https://host/"), …)`): their hosts. */
function registeredVaultHosts(text: string): string[] {
  return [...text.matchAll(/AddAzureKeyVault\(\s*new\s+Uri\(\s*"https:\/\/([^/"]+)/g)].map((m) => m[1]!.toLowerCase());
}

/**
 * A key names no vault: it reads whatever the app's Key Vault configuration provider loaded. Refused (before anything
 * is written) when the file adds other vaults only, or when two targets of different vaults share a key.
 */
function checkDotnetVaults(ctx: PlacementContext, targets: readonly ReferenceTarget[]): void {
  const hosts = registeredVaultHosts(ctx.text);
  const missing = hosts.length ? [...new Set(targets.filter((t) => !hosts.includes(new URL(t.vaultUrl).host.toLowerCase())).map((t) => t.vaultName))] : [];
  if (missing.length) {
    throw new Error(l10n.t('This file loads its configuration from other key vaults (AddAzureKeyVault): a .NET key would not read {0}. Add that vault with AddAzureKeyVault first, or insert its URI (Insert Reference As…).', missing.join(', ')));
  }
  const byKey = new Map<string, Set<string>>();
  for (const t of targets) byKey.set(dotnetKeyOf(t.name).toLowerCase(), (byKey.get(dotnetKeyOf(t.name).toLowerCase()) ?? new Set()).add(t.vaultName));
  const ambiguous = [...byKey.entries()].find(([, vaults]) => vaults.size > 1);
  if (ambiguous) {
    throw new Error(l10n.t('The key "{0}" cannot tell {1} apart: the configuration provider keeps one value per key. Insert them one vault at a time, or insert their URIs (Insert Reference As…).', ambiguous[0], [...ambiguous[1]].join(' and ')));
  }
}

/** Inside a JSON property name: the key relative to its object; inside another string: the key; elsewhere `configuration[…]`. */
function placeDotnetKey(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (!isJsonDocument(ctx)) checkDotnetVaults(ctx, targets);
  if (!insideString(ctx)) return asEntries(dotnetKey, targets);
  const key = isJsonDocument(ctx) ? jsonSpotAt(ctx.text, ctx.offset).keyString : undefined;
  if (!key?.parent?.parent) return asValue(dotnetKey, targets);
  const object = key.parent.parent;
  const keys = settingKeys(ctx.path, getNodePath(object), object, targets, key.value as string);
  return { mode: 'value', template: [keys.join('\n')] };
}
