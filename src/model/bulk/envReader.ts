// A .env file as a bulk source (pure), read with the extension's one dotenv-syntax parser (src/references/envFile.ts,
// the `dotenv` package's grammar): its literal values are entries; a value that is already a Key Vault reference is
// passed over (it is where a secret is, not a secret), and so is an earlier definition of a name defined again
// (dotenv's last definition wins). The parser's entries are kept, so Convert can rewrite their values in place.
import * as l10n from '@vscode/l10n';
import { parseEnvFile, type EnvEntry } from '../../references/envFile';
import type { ParseOptions } from '../../references/uris';
import type { SourceEntry, SourceRead } from './source';

export interface EnvRead extends SourceRead {
  /** Every definition of the file, as the parser read it (offsets into the text). */
  readonly definitions: readonly EnvEntry[];
}

export function readEnvSettings(text: string, options: ParseOptions = {}): EnvRead {
  const definitions = parseEnvFile(text, options);
  const lastOf = new Map(definitions.map((d) => [d.name, d]));
  const entries: SourceEntry[] = [];
  const passedOver: SourceRead['passedOver'][number][] = [];
  for (const d of definitions) {
    const last = lastOf.get(d.name);
    if (last !== d) {
      passedOver.push({ key: d.name, line: d.line, reason: l10n.t('line {0}: defined again on line {1} (the last definition wins)', d.line + 1, (last?.line ?? 0) + 1) });
      continue;
    }
    switch (d.meaning.type) {
      case 'literal':
        entries.push({ key: d.name, value: d.value, line: d.line });
        break;
      case 'reference':
        passedOver.push({ key: d.name, line: d.line, reason: l10n.t('line {0}: already a Key Vault reference', d.line + 1) });
        break;
      case 'invalid':
        // The parser's message quotes the value: not repeated here.
        passedOver.push({ key: d.name, line: d.line, reason: l10n.t('line {0}: looks like a Key Vault reference but is not a valid one', d.line + 1) });
        break;
    }
  }
  return { format: 'env', entries, passedOver, definitions };
}

/**
 * The text of `<file>.keyvault`: each definition of a name in `references` (name → `kv://…`) has its value
 * replaced by the reference; everything else — other entries, comments, blank lines, line endings — stays as it was.
 */
export function withReferences(text: string, definitions: readonly EnvEntry[], references: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const d of [...definitions].sort((a, b) => a.valueStart - b.valueStart)) {
    const reference = references.get(d.name);
    if (reference === undefined) continue;
    if (d.valueEnd > d.valueStart) {
      out += text.slice(at, d.valueStart) + reference;
      at = d.valueEnd;
    } else {
      // `NAME=` (an earlier, empty definition of a converted name): the separator and its spaces become `=reference`.
      const separator = /^[ \t]*[=:][ \t]*/.exec(text.slice(d.nameEnd))?.[0] ?? '';
      out += `${text.slice(at, d.nameEnd)}=${reference}`;
      at = d.nameEnd + separator.length;
    }
  }
  return out + text.slice(at);
}
