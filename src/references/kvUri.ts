// The short form of a secret reference, `kv://{vault}/{name}[/{version}]` (issue 20): `{vault}` is a vault name, or
// its host (with a dot, a port or brackets — a vault attached by URL, a sovereign cloud, the emulator). Written by
// Convert .env to Key Vault References and Export Secrets as References (`.env.keyvault` files), read by Run / Debug /
// Terminal (envFile.ts: a whole value) and found in any text by the parser (findKvReferences: hovers, diagnostics,
// the workspace index, Find References, Rename). Only secrets: an environment variable holds text. Pure: no vscode.
import * as l10n from '@vscode/l10n';
import type { EnvValueMeaning } from './envFile';
import type { FoundReference, VaultLocator } from './types';
import { isVaultHost, type ParseOptions } from './uris';

const kvPattern = /^kv:\/\/([^/\s]+)\/([^/\s]+)(?:\/([^/\s]+))?\/?$/i;
const secretName = /^[0-9a-zA-Z-]{1,127}$/;
const versionId = /^[0-9a-fA-F]{32}$/;
const vaultName = /^[a-zA-Z0-9-]{3,24}$/;

/** A `kv://{vault}/{name}[/{version}]` value; `{vault}` is a vault name, or a host (with a dot, a port or brackets). */
export function parseKvReference(value: string, options: ParseOptions = {}): EnvValueMeaning {
  const m = kvPattern.exec(value);
  const shape = l10n.t('expected kv://{vault}/{secret name}[/{version}], where {vault} is a vault name or its host');
  if (!m) return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: {1}.', value, shape) };
  const [, where, name, version] = m as unknown as [string, string, string, string | undefined];
  if (!secretName.test(name)) return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: "{1}" is not a secret name (1–127 letters, digits and dashes).', value, name) };
  if (version !== undefined && !versionId.test(version)) return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: a version is 32 hexadecimal characters.', value) };
  const isHost = /[.:[]/.test(where);
  if (isHost) {
    const host = where.replace(/:\d{1,5}$/, '');
    if (!/^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(:\d{1,5})?$/.test(where) || !isVaultHost(host, options)) {
      return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: {1} is not a Key Vault host.', value, where) };
    }
  } else if (!vaultName.test(where)) {
    return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: "{1}" is not a vault name (3–24 letters, digits and dashes).', value, where) };
  }
  const vault: VaultLocator = isHost ? { by: 'url', url: `https://${where.toLowerCase()}` } : { by: 'name', name: where };
  return { type: 'reference', reference: { form: 'kv', vault, name, ...(version ? { version: version.toLowerCase() } : {}) } };
}

/** `kv://` where a token starts (not inside a word or another URI), up to a space, a quote or a delimiter of the file. */
const candidate = /(?<![\w.+/:-])kv:\/\/[^\s'"`#,;()<>[\]{}]+/gi;

/** Every valid `kv://…` reference of the text (format `kvUri`); one that is not valid (a bad name or host) is no reference. */
export function findKvReferences(text: string, options: ParseOptions = {}): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(candidate)) {
    const meaning = parseKvReference(m[0], options);
    if (meaning.type !== 'reference') continue;
    const { reference } = meaning;
    const where = m[0].slice('kv://'.length, m[0].indexOf('/', 'kv://'.length));
    const nameStart = m.index + 'kv://'.length + where.length + 1;
    found.push({
      format: 'kvUri', start: m.index, end: m.index + m[0].length, nameStart, nameEnd: nameStart + reference.name.length,
      vault: reference.vault, kind: 'secret', name: reference.name, ...(reference.version ? { version: reference.version } : {}),
    });
  }
  return found;
}
