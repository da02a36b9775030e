// Environment files (dotenv syntax) whose values may be Key Vault secret references: `.env.keyvault` files read by
// Run / Debug / Open Terminal with Key Vault Secrets (src/commands/run), and the `env` values of a launch
// configuration. Pure: no vscode.
//
// The syntax is the `dotenv` package's (its default `parse`, v16–v18): `KEY=VALUE` or `KEY: VALUE`, an optional
// `export ` prefix, `#` comments (a whole line, or after an unquoted value), values in single, double or backtick
// quotes (any of them may span lines), `\n` and `\r` escapes in double quotes only, CRLF read as LF, the last
// definition of a name winning. The unit tests compare every literal with the real package's `parse`. Each entry
// keeps where it was written (line, offsets of the name and of the raw value in the original text), so a caller can
// point at it (errors say `file:line`) or rewrite it in place (Convert .env to Key Vault References).
//
// A value is a secret reference when the WHOLE value is one of:
//   @Microsoft.KeyVault(SecretUri=https://{vault host}/secrets/{name}[/{version}])      (App Service)
//   @Microsoft.KeyVault(VaultName={vault};SecretName={name}[;SecretVersion={version}])  (App Service)
//   https://{vault host}/secrets/{name}[/{version}]                                     (object URI)
//   kv://{vault name or host}/{name}[/{version}]                                        (short form)
// A `/keys/` or `/certificates/` URI is refused (an environment variable holds text: a certificate's PFX/PEM is
// read through its `/secrets/` URI), and so is a value that starts like a reference but is not a valid one.
import * as l10n from '@vscode/l10n';
import { parseKvReference } from './kvUri';
import { findReferences } from './parse';
import type { VaultLocator } from './types';
import { parseObjectUri, type ParseOptions } from './uris';

export { parseKvReference } from './kvUri';

/** A secret a value refers to (never a value). */
export interface EnvSecretReference {
  readonly form: 'appService' | 'uri' | 'kv';
  readonly vault: VaultLocator;
  readonly name: string;
  readonly version?: string;
}

/** What a value means: plain text, a secret to read, or a reference that cannot be used (why, in a sentence). */
export type EnvValueMeaning =
  | { readonly type: 'literal' }
  | { readonly type: 'reference'; readonly reference: EnvSecretReference }
  | { readonly type: 'invalid'; readonly message: string };

/** One `NAME=value` of a file. Offsets are UTF-16 indexes into the original text (CRLF kept), `end` exclusive. */
export interface EnvEntry {
  readonly name: string;
  /** The value as dotenv reads it (quotes removed, escapes of double quotes applied). */
  readonly value: string;
  /** Zero-based line of the name. */
  readonly line: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The value as written (quotes included; empty range for `NAME=`). */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly meaning: EnvValueMeaning;
}

// dotenv's grammar of one definition (the `m` flag: `^`/`$` at line boundaries; leading `\s*` may cross blank
// lines). Groups: 1 name, 2 raw value.
const definition = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

/** The value of a raw match the way dotenv derives it. */
function valueOf(raw: string): string {
  const trimmed = raw.trim();
  const unquoted = trimmed.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  return trimmed[0] === '"' ? unquoted.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : unquoted;
}

/** Maps offsets of the LF-normalised text back to the original (each CRLF lost one character). */
function originalOffsets(text: string): { normalised: string; toOriginal: (offset: number) => number } {
  const dropped: number[] = [];
  let normalised = '';
  let last = 0;
  for (const m of text.matchAll(/\r\n?/g)) {
    normalised += `${text.slice(last, m.index)}\n`;
    last = m.index + m[0].length;
    if (m[0].length === 2) dropped.push(normalised.length - 1);
  }
  normalised += text.slice(last);
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  return { normalised, toOriginal };
}

/** Every definition of the text, in order (a name defined twice appears twice: the last one is the one used). */
export function parseEnvFile(text: string, options: ParseOptions = {}): EnvEntry[] {
  const { normalised, toOriginal } = originalOffsets(text);
  const entries: EnvEntry[] = [];
  for (const m of normalised.matchAll(definition)) {
    const name = m[1]!;
    const [nameStart, nameEnd] = m.indices![1]!;
    const rawRange = m.indices![2];
    const raw = m[2] ?? '';
    const lead = raw.length - raw.trimStart().length;
    const valueStart = rawRange ? rawRange[0] + lead : nameEnd;
    const valueEnd = rawRange ? rawRange[0] + raw.trimEnd().length : valueStart;
    const value = valueOf(raw);
    let line = 0;
    for (let i = normalised.indexOf('\n'); i !== -1 && i < nameStart; i = normalised.indexOf('\n', i + 1)) line++;
    entries.push({
      name,
      value,
      line,
      nameStart: toOriginal(nameStart),
      nameEnd: toOriginal(nameEnd),
      valueStart: toOriginal(valueStart),
      valueEnd: toOriginal(Math.max(valueStart, valueEnd)),
      meaning: envValueMeaning(value, options),
    });
  }
  return entries;
}

/** The name → value map dotenv would produce (the last definition of a name wins). */
export function envValues(entries: readonly EnvEntry[]): Map<string, EnvEntry> {
  return new Map(entries.map((e) => [e.name, e]));
}

const notText = (value: string): EnvValueMeaning => ({
  type: 'invalid',
  message: l10n.t('"{0}" names a key or a certificate: an environment variable can only hold a secret. For a certificate, use its /secrets/ URI (the certificate with its private key).', value),
});

/** What a value means (see the top of this file). */
export function envValueMeaning(value: string, options: ParseOptions = {}): EnvValueMeaning {
  if (/^kv:\/\//i.test(value)) return parseKvReference(value, options);
  if (/^@Microsoft\.KeyVault\(/i.test(value)) {
    const [found, ...more] = findReferences(value, options);
    const whole = found && more.length === 0 && found.start === 0 && found.end === value.length && (found.format === 'appServiceUri' || found.format === 'appServiceName');
    if (!whole) {
      return { type: 'invalid', message: l10n.t('"{0}" is not a Key Vault reference: expected @Microsoft.KeyVault(SecretUri=https://…/secrets/…) or @Microsoft.KeyVault(VaultName=…;SecretName=…).', value) };
    }
    if (found.kind !== 'secret') return notText(value);
    return { type: 'reference', reference: { form: 'appService', vault: found.vault, name: found.name, ...(found.version ? { version: found.version } : {}) } };
  }
  if (/^https:\/\//i.test(value)) {
    const uri = parseObjectUri(value, options);
    if (!uri) return { type: 'literal' };
    if (uri.kind !== 'secret') return notText(value);
    return { type: 'reference', reference: { form: 'uri', vault: { by: 'url', url: uri.vaultUrl }, name: uri.name, ...(uri.version ? { version: uri.version } : {}) } };
  }
  return { type: 'literal' };
}
