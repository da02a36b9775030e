// Import Secrets into Vault… (issue 21): a .env, a JSON settings file (appsettings.json nested, local.settings.json's
// Values) or a YAML file into a vault's secrets. From a vault row (pick the file), the explorer or editor context
// menu on a file (pick the vault) or the palette (the file, then the vault). Plan → preview (a read-only Markdown
// document: counts per status, one row per entry, no value) → modal confirmation → writes under a cancellable
// progress → report (notification + document). A re-run plans again: what is already written is "unchanged".
import * as vscode from 'vscode';
import { readSource } from '../../model/bulk/readers';
import { kindsOf, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { pickVault } from '../targets';
import { bulkReport, planEntries, previewAndConfirm, showReport, writePlanned, type BulkReport } from './engine';
import { pickFile, readSourceFile } from './sourceFile';

/** What Import acts on: a vault (from its row), a file (from the explorer), or neither (the palette). */
export interface ImportTarget {
  readonly vault?: VaultTarget;
  readonly file?: vscode.Uri;
}

export const importFilters = (): Record<string, string[]> => ({
  [vscode.l10n.t('Settings files (.env, JSON, YAML)')]: ['env', 'json', 'yaml', 'yml', 'local', 'development', 'production'],
  [vscode.l10n.t('All files')]: ['*'],
});

export async function importSecrets(services: Services, target: ImportTarget): Promise<BulkReport> {
  const uri = target.file ?? (await pickFile(services, vscode.l10n.t('Import secrets from a .env, JSON or YAML file'), vscode.l10n.t('Import'), importFilters()));
  const file = await readSourceFile(uri);
  const source = readSource(file.name, file.text, services.session.referenceParseOptions());
  if (source.entries.length === 0) throw new Error(vscode.l10n.t('{0} holds no value to import ({1} entries passed over: references or repeated names).', file.name, source.passedOver.length));
  const vault = target.vault ?? (await pickVault(services, vscode.l10n.t('Import {0} entries of {1} into which vault?', source.entries.length, file.name), 'secret'));
  if (!kindsOf(vault).includes('secret')) throw new Error(vscode.l10n.t('{0} is a Managed HSM: it holds keys only, no secrets.', vault.name));
  const heading = { title: vscode.l10n.t('Import {0} into {1}', file.name, vault.name), passedOver: source.passedOver };
  const plan = await planEntries(services, vault, source.entries);
  if ((await previewAndConfirm(services, vault, heading, plan, `import ${file.name} (preview).md`)) !== 'write') return bulkReport(vault, file.name, plan, false);
  const run = await writePlanned(services, vault, plan, (row) => source.entries[row.index]!.value);
  await showReport(services, vault, heading, plan, run, `import ${file.name} (report).md`);
  return bulkReport(vault, file.name, plan, true, run);
}
