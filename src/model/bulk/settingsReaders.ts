// Readers of nested settings files for a bulk import (pure): JSON (`appsettings.json` with comments and trailing
// commas, as .NET's JSON configuration provider accepts; `local.settings.json`: its `Values` object) and YAML. Nested
// keys are joined with `:` and array items keyed by their index (`Hosts:0`), the way .NET configuration flattens
// them; numbers and booleans become their text, null an empty value (flagged later). A value that is already a
// reference to a secret kept elsewhere is passed over, never imported as if it were the secret.
import * as l10n from '@vscode/l10n';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { isReference } from '../../references/literals/placeholders';
import type { SourceEntry, SourceRead } from './source';

type Passed = SourceRead['passedOver'][number];

/** A value that points at a secret instead of holding one (App Service / Functions references, `kv://`, variables). */
export function isSecretReference(value: string): boolean {
  return isReference(value) || /^kv:\/\//i.test(value.trim());
}

/** Every leaf of `value` as `a:b:0` → text, in document order. */
function flatten(value: unknown, prefix: string, entries: SourceEntry[], passedOver: Passed[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, prefix ? `${prefix}:${i}` : String(i), entries, passedOver));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}:${k}` : k, entries, passedOver);
    return;
  }
  if (!prefix) return;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
  if (isSecretReference(text)) passedOver.push({ key: prefix, reason: l10n.t('already a reference to a secret') });
  else entries.push({ key: prefix, value: text });
}

/** Whether the parsed JSON is a Functions `local.settings.json` (its settings are under `Values`). */
function isLocalSettings(fileName: string, root: unknown): root is { Values: Record<string, unknown>; IsEncrypted?: unknown } {
  const values = (root as { Values?: unknown } | null)?.Values;
  const shaped = typeof values === 'object' && values !== null && !Array.isArray(values);
  return shaped && (/(^|[\\/])local\.settings\.json$/i.test(fileName) || 'IsEncrypted' in (root as object));
}

/** The entries of a JSON settings file (comments and trailing commas allowed). Throws with the first syntax error. */
export function readJsonSettings(text: string, fileName: string): SourceRead {
  const errors: ParseError[] = [];
  const root: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new Error(l10n.t('{0} is not valid JSON: {1} on line {2}.', fileName, printParseErrorCode(first.error), line));
  }
  if (typeof root !== 'object' || root === null) throw new Error(l10n.t('{0} holds no settings object.', fileName));
  const entries: SourceEntry[] = [];
  const passedOver: Passed[] = [];
  if (isLocalSettings(fileName, root)) {
    if (root.IsEncrypted === true) throw new Error(l10n.t('{0} is encrypted (IsEncrypted: true): decrypt it with the Functions Core Tools first.', fileName));
    flatten(root.Values, '', entries, passedOver);
  } else {
    flatten(root, '', entries, passedOver);
  }
  return { format: 'json', entries, passedOver };
}

/** The entries of a YAML file (its first document), nested keys joined with `:`. Throws with the parser's message. */
export function readYamlSettings(text: string, fileName: string): SourceRead {
  let root: unknown;
  try {
    root = parseYaml(text, { uniqueKeys: false });
  } catch (error) {
    throw new Error(l10n.t('{0} is not valid YAML: {1}', fileName, error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)));
  }
  if (typeof root !== 'object' || root === null) throw new Error(l10n.t('{0} holds no settings object.', fileName));
  const entries: SourceEntry[] = [];
  const passedOver: Passed[] = [];
  flatten(root, '', entries, passedOver);
  return { format: 'yaml', entries, passedOver };
}
