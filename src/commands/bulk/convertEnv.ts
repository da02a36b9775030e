// Convert .env to Key Vault References… (issue 20): the literal values of a .env become secrets of a vault (the user
// unticks what is not a secret — PORT=3000 — in a pick showing `KEY → secret-name`), through the bulk engine's plan →
// preview → confirm → write; then `<file>.keyvault` is written beside it, each converted definition's value replaced
// by `kv://{vault}/{secret-name}` (the short form of src/references/envFile.ts, which Run / Debug / Terminal read),
// everything else as it was. The original is left untouched; the final notification offers to delete it for good
// (not to the trash: a copy there would still be the secrets on disk) and to add it to .gitignore when git does not
// ignore it.
import * as vscode from 'vscode';
import { readEnvSettings, withReferences } from '../../model/bulk/envReader';
import { mapEntries } from '../../model/bulk/mapping';
import type { SourceEntry } from '../../model/bulk/source';
import type { VaultTarget } from '../../model/targets';
import type { NoticeAction } from '../../platform/ui';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { pickVault } from '../targets';
import { bulkReport, planEntries, previewAndConfirm, showReport, writePlanned, type BulkReport } from './engine';
import { addToGitignore, notIgnoredIn } from './gitignore';
import { baseName, pickFile, readSourceFile } from './sourceFile';

export interface ConvertTarget {
  readonly file?: vscode.Uri;
  readonly vault?: VaultTarget;
}

export interface ConvertReport extends BulkReport {
  /** The references file written, when one was. */
  readonly referencesFile?: string;
}

/** Values that are settings rather than secrets: offered unticked. */
const plainSetting = /^(?:\d+(?:\.\d+)?|true|false|yes|no|on|off|development|production|staging|test|debug|info|warn(?:ing)?|error)$/i;

/** `kv://{vault}/{name}`: the vault by name, or by host when it was attached by URL (its name may be ambiguous). */
function shortReference(vault: VaultTarget, name: string): string {
  return `kv://${vault.attached ? new URL(vault.vaultUrl).host : vault.name}/${name}`;
}

/** The .env the command acts on: the argument, the active editor's .env-like file, or one picked. */
async function envFileOf(services: Services, given?: vscode.Uri): Promise<vscode.Uri> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && /(^|\.)env(\.[^.]+)?$/i.test(baseName(active)) && !/\.keyvault$/i.test(active.path)) return active;
  return pickFile(services, vscode.l10n.t('Convert a .env file to Key Vault references'), vscode.l10n.t('Convert'), { [vscode.l10n.t('Environment files')]: ['env', 'local', 'development', 'production'], [vscode.l10n.t('All files')]: ['*'] });
}

/** Asks before replacing an existing references file; false when the user declined. */
async function mayWrite(services: Services, target: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    return true;
  }
  const replace = vscode.l10n.t('Replace');
  return (await services.ui.confirm(vscode.l10n.t('{0} already exists. Replace it?', baseName(target)), vscode.l10n.t('It will hold the references of this conversion; the entries you do not convert are copied from the original as they are.'), replace)) === replace;
}

/** The notification's buttons: delete the original for good (after a modal confirmation), add it to .gitignore. */
async function originalActions(services: Services, original: vscode.Uri): Promise<NoticeAction[]> {
  const name = baseName(original);
  const actions: NoticeAction[] = [
    {
      title: vscode.l10n.t('Delete {0}', name),
      run: async () => {
        const action = vscode.l10n.t('Delete Permanently');
        const detail = vscode.l10n.t('It is deleted for good, not moved to the trash: a copy in the trash would still be a copy of the secrets on disk. Entries that were not converted are in {0}.keyvault as they were.', name);
        if ((await services.ui.confirm(vscode.l10n.t('Delete {0} permanently?', name), detail, action)) !== action) return;
        await vscode.workspace.fs.delete(original, { useTrash: false });
        services.ui.notify(vscode.l10n.t('Deleted {0}.', name));
      },
    },
  ];
  const repository = await notIgnoredIn(original);
  if (repository) {
    actions.push({
      title: vscode.l10n.t('Add {0} to .gitignore', name),
      run: async () => {
        await addToGitignore(repository, original);
        services.ui.notify(vscode.l10n.t('Added {0} to .gitignore.', name));
      },
    });
  }
  return actions;
}

export async function convertEnv(services: Services, target: ConvertTarget): Promise<ConvertReport> {
  const uri = await envFileOf(services, target.file);
  const file = await readSourceFile(uri);
  const read = readEnvSettings(file.text, services.session.referenceParseOptions());
  if (read.entries.length === 0) throw new Error(vscode.l10n.t('{0} holds no literal value to convert ({1} entries are references already or repeated).', file.name, read.passedOver.length));
  const names = mapEntries(read.entries);
  const items = read.entries.map((entry, i) => ({
    label: `${entry.key} → ${names[i]!.name || '?'}`,
    description: vscode.l10n.t('line {0}', (entry.line ?? 0) + 1),
    picked: !plainSetting.test(entry.value.trim()),
    entry,
  }));
  const chosen = await services.ui.pickMany(items, {
    title: vscode.l10n.t('Which entries of {0} are secrets? Those ticked become Key Vault secrets.', file.name),
    placeHolder: vscode.l10n.t('Untick settings that are not secrets (ports, flags); they stay in the references file as they are'),
  });
  if (!chosen || chosen.length === 0) throw new UserCancelled();
  const entries: SourceEntry[] = chosen.map((c) => c.entry);
  const referencesUri = uri.with({ path: `${uri.path}.keyvault` });
  if (!(await mayWrite(services, referencesUri))) throw new UserCancelled();
  const vault = target.vault ?? (await pickVault(services, vscode.l10n.t('Store {0} secrets of {1} in which vault?', entries.length, file.name), 'secret'));
  const heading = { title: vscode.l10n.t('Convert {0} to references in {1}', file.name, vault.name), passedOver: read.passedOver };
  const plan = await planEntries(services, vault, entries);
  // All already in the vault: nothing to write, but the references file is still worth writing.
  const answer = await previewAndConfirm(services, vault, heading, plan, `convert ${file.name} (preview).md`, false);
  if (answer === 'declined' || (answer === 'nothing' && plan.counts.unchanged === 0)) {
    if (answer === 'nothing') services.ui.notify(vscode.l10n.t('Nothing to convert: no ticked entry can be written to {0} (see the preview).', vault.name));
    return bulkReport(vault, file.name, plan, false);
  }
  const run = answer === 'write' ? await writePlanned(services, vault, plan, (row) => entries[row.index]!.value) : { outcomes: [], stopped: false };
  // Converted: what the vault now holds with the file's value (written now, or there already).
  const written = new Set(run.outcomes.filter((o) => o.status === 'written').map((o) => o.row.index));
  const converted = plan.rows.filter((r) => r.status === 'unchanged' || written.has(r.index));
  let extra = vscode.l10n.t('No entry was converted: {0} was not written.', baseName(referencesUri));
  let referencesFile: string | undefined;
  if (converted.length > 0) {
    const references = new Map(converted.map((r) => [r.key, shortReference(vault, r.name)]));
    await vscode.workspace.fs.writeFile(referencesUri, new TextEncoder().encode(withReferences(file.text, read.definitions, references)));
    referencesFile = referencesUri.fsPath;
    const literal = read.entries.length - converted.length;
    extra = literal > 0
      ? vscode.l10n.t('Wrote {0} with {1} references; {2} entries stay literal values in it. {3} is untouched.', baseName(referencesUri), converted.length, literal, file.name)
      : vscode.l10n.t('Wrote {0} with {1} references. {2} is untouched.', baseName(referencesUri), converted.length, file.name);
  }
  const actions = converted.length > 0 ? await originalActions(services, uri) : [];
  await showReport(services, vault, heading, plan, run, `convert ${file.name} (report).md`, extra, actions);
  return { ...bulkReport(vault, file.name, plan, true, run), ...(referencesFile ? { referencesFile } : {}) };
}
