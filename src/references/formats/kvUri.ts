// The short form `kv://{vault}/{name}[/{version}]` of `.env.keyvault` files (src/references/kvUri.ts parses it; Run /
// Debug / Open Terminal with Key Vault Secrets resolve it). The vault by name when the tree lists it through ARM (it has
// an ARM id), else by host (attached by URL: its name alone may not find it). Only secrets — an environment variable
// holds text; a certificate is read through its secret (the PFX/PEM with its private key). An entry is `KEY=kv://…`,
// the key the secret's environment variable name (secretNames.ts envKeyOf: `db-password` → `DB_PASSWORD`), numbered
// when two targets or the file's own variables would take the same key (`DB_PASSWORD2`: dotenv keeps the last one).
import * as l10n from '@vscode/l10n';
import { envKeyOf } from '../secretNames';
import type { ReferenceTarget } from '../types';
import { afterEquals, asValue, lineAfter, lineBefore, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';
import { takenSet, uniqueName } from './uniqueNames';

/** `kv://{vault name or host}/{name}[/{version}]`. */
export function kvReference(t: ReferenceTarget): string {
  return `kv://${t.armId ? t.vaultName : new URL(t.vaultUrl).host}/${t.name}${t.version ? `/${t.version}` : ''}`;
}

/** One key per target, unique among themselves and against `taken` (lower case). */
export function envKeys(targets: readonly ReferenceTarget[], taken: Set<string> = new Set()): string[] {
  return targets.map((t) => uniqueName(envKeyOf(t.name), taken));
}

const lines = (targets: readonly ReferenceTarget[], keys: readonly string[]): string => targets.map((t, i) => `${keys[i]!}=${kvReference(t)}`).join('\n');

/** After `=` or inside a value: the reference; elsewhere one `KEY=kv://…` line per target, keys unique in the file. */
function placeKv(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (afterEquals(ctx) || (lineBefore(ctx).includes('=') && lineAfter(ctx).trim() !== '')) return asValue(kvUri, targets);
  const taken = takenSet([...ctx.text.matchAll(/^\s*(?:export\s+)?([\w.-]+)\s*[=:]/gm)].map((m) => m[1]!));
  return { mode: 'entry', template: [lines(targets, envKeys(targets, taken))] };
}

export const kvUri: ReferenceFormat = {
  id: 'kvUri',
  get label(): string {
    return l10n.t('Environment file reference (kv://)');
  },
  detail: 'KEY=kv://{vault}/{name}[/{version}]',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => [kvReference(t)],
  entry: (t) => [`${envKeyOf(t.name)}=${kvReference(t)}`],
  entries: (targets) => [lines(targets, envKeys(targets))],
  place: placeKv,
};
