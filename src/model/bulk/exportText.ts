// The texts of Export Secrets as References… and Export Secret Values… (issue 21), pure. A references export is
// written by the reference formats' own writers (src/references/formats) — never a value in it:
// - `.env.keyvault`: `KEY=kv://{vault}/{name}` lines (formats/kvUri.ts), which Run / Debug / Open Terminal with Key
//   Vault Secrets resolve in memory;
// - App Service settings JSON: the array `az webapp config appsettings set --settings @file.json` takes, the shape
//   `az webapp config appsettings list` prints — `[{ "name", "value", "slotSetting" }]`
//   (learn.microsoft.com/cli/azure/webapp/config/appsettings; learn.microsoft.com/azure/app-service/configure-common,
//   "Edit app settings in bulk") — each value `@Microsoft.KeyVault(SecretUri=…/)` (formats/appService.ts), the name
//   the secret's environment variable name (`__` for a nesting level: Linux app settings take no `:`);
// - Bicep parameters: a `.bicepparam` file with `using` and one `param x = az.getSecret(…)` per secret
//   (formats/bicep.ts).
// A with-values export is a `.env` whose every value reads back exactly through dotenv (the quoting below).
import * as l10n from '@vscode/l10n';
import { appServiceUri } from '../../references/formats/appService';
import { bicepparam } from '../../references/formats/bicep';
import { envKeys, kvUri } from '../../references/formats/kvUri';
import { toText } from '../../references/template';
import type { ReferenceTarget } from '../../references/types';

export type ReferencesExportFormat = 'envKeyvault' | 'appServiceJson' | 'bicepparam';

export const referencesExportFormats: readonly ReferencesExportFormat[] = ['envKeyvault', 'appServiceJson', 'bicepparam'];

/** The file name a save dialog proposes. */
export function exportFileName(format: ReferencesExportFormat, vaultName: string): string {
  switch (format) {
    case 'envKeyvault':
      return '.env.keyvault';
    case 'appServiceJson':
      return `${vaultName}.appsettings-references.json`;
    case 'bicepparam':
      return `${vaultName}.bicepparam`;
  }
}

/** The references file of `targets` (secrets of one vault) in `format`. */
export function referencesText(format: ReferencesExportFormat, targets: readonly ReferenceTarget[]): string {
  switch (format) {
    case 'envKeyvault': {
      const heading = l10n.t('# Key Vault references (no values): resolved by Run / Debug / Open Terminal with Key Vault Secrets.');
      return `${heading}\n${toText(kvUri.entries!(targets))}\n`;
    }
    case 'appServiceJson': {
      const keys = envKeys(targets);
      const settings = targets.map((t, i) => ({ name: keys[i]!, value: toText(appServiceUri.value(t)), slotSetting: false }));
      return `${JSON.stringify(settings, null, 2)}\n`;
    }
    case 'bicepparam':
      return `${toText(bicepparam.place({ text: '', offset: 0, languageId: 'bicep-params', path: 'main.bicepparam' }, targets).template)}\n`;
  }
}

/**
 * A value as dotenv reads it back exactly: single quotes (nothing inside is interpreted), else backticks, else double
 * quotes with `\n` and `\r` escapes (the only ones dotenv applies, and only there), else unquoted. A line break is
 * kept as it is in single quotes and backticks; a carriage return only survives escaped (dotenv reads CRLF as LF).
 * Undefined when nothing reads back the same (all three quotes with a line break, a carriage return or a `#`).
 */
export function dotenvQuoted(value: string): string | undefined {
  if (!value.includes('\r')) {
    if (!value.includes("'")) return `'${value}'`;
    if (!value.includes('`')) return `\`${value}\``;
  }
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
  // Unquoted, as written: one line, no comment sign, no quote first, no space at either end (dotenv trims).
  if (value !== '' && !/[\r\n#]/.test(value) && !/^['"`]/.test(value) && value === value.trim()) return value;
  return undefined;
}

export interface ValuesExport {
  readonly text: string;
  /** The names written, with their keys. */
  readonly written: readonly { readonly name: string; readonly key: string }[];
  /** Names whose value no quoting of .env syntax can hold exactly. */
  readonly unwritable: readonly string[];
}

/** The `.env` of `values` (secret name → value, in order): `KEY='value'` lines, keys as the references export names them. */
export function valuesEnvText(vaultName: string, values: readonly { readonly name: string; readonly value: string }[], now: Date): ValuesExport {
  const quoted = values.map((v) => ({ ...v, quoted: dotenvQuoted(v.value) }));
  const writable = quoted.filter((v) => v.quoted !== undefined);
  const keys = envKeys(writable.map((v) => ({ vaultUrl: '', vaultName, kind: 'secret', name: v.name })));
  const lines = [
    l10n.t('# Secret values of vault {0}, exported {1}. PLAIN TEXT: keep this file private and delete it when done.', vaultName, now.toISOString()),
    ...writable.map((v, i) => `${keys[i]!}=${v.quoted!}`),
  ];
  return {
    text: `${lines.join('\n')}\n`,
    written: writable.map((v, i) => ({ name: v.name, key: keys[i]! })),
    unwritable: quoted.filter((v) => v.quoted === undefined).map((v) => v.name),
  };
}
