// Which reader a bulk source file takes, by its name (pure): `.env`, `.env.*`, `*.env` → dotenv syntax; `*.json`
// → JSON settings (`local.settings.json`: its `Values`); `*.yaml` / `*.yml` → YAML.
import * as l10n from '@vscode/l10n';
import type { ParseOptions } from '../../references/uris';
import { readEnvSettings } from './envReader';
import { readJsonSettings, readYamlSettings } from './settingsReaders';
import type { SourceFormat, SourceRead } from './source';

/** The format of a file by its name; undefined when the name does not say. */
export function sourceFormatOf(fileName: string): SourceFormat | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/\.json$/i.test(base)) return 'json';
  if (/\.ya?ml$/i.test(base)) return 'yaml';
  if (/^\.env(\..+)?$/i.test(base) || /\.env$/i.test(base)) return 'env';
  return undefined;
}

/** Reads a source file's entries (format by name, else dotenv syntax). Throws when the file cannot be read as its format. */
export function readSource(fileName: string, text: string, options: ParseOptions = {}): SourceRead {
  const format = sourceFormatOf(fileName) ?? 'env';
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  switch (format) {
    case 'json':
      return readJsonSettings(text, base);
    case 'yaml':
      return readYamlSettings(text, base);
    case 'env': {
      const read = readEnvSettings(text, options);
      if (read.entries.length === 0 && read.passedOver.length === 0 && text.trim() !== '') throw new Error(l10n.t('{0} holds no KEY=value line.', base));
      return read;
    }
  }
}
