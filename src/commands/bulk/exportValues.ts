// Export Secret Values… (issue 21): a vault's secret values in a `.env` file — a command of its own, never an option
// of the references export. The vault's secrets are listed (disabled ones offered unticked: a disabled secret's value
// cannot be read), a modal warning says how many values go in plain text to a file, a save dialog starts in the home
// folder (never the workspace, where the file could be committed), then one GET per ticked secret (4 at a time; a
// disabled one is skipped and reported) and the file is written with mode 0600 where it is created (owner-only; on
// Windows the mode does not restrict other accounts, and the warning says so). Only a local file: any other scheme
// (a remote or virtual workspace) is refused before a value is read, as no owner-only mode can be set there. The
// values live in memory until the file is written; the log, the notification and the returned report hold names only.
import * as vscode from 'vscode';
import { mapWithConcurrency } from '../../azure/concurrency';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import type { ItemProperties } from '../../azure/model';
import { valuesEnvText } from '../../model/bulk/exportText';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { explainFailure, vaultClients } from '../failures';
import { startFolder, writeOwnerOnly, type FileProtection } from '../items/ownerOnlyFile';
import { withProgress } from '../progress';
import { exportVault, listSecrets, pickSecrets } from './exportPick';
import { baseName } from './sourceFile';

const READS_AT_ONCE = 4;

/** What the export wrote (the e2e suite reads it): names only, never a value. */
export interface ValuesExportReport {
  readonly file: string;
  readonly protection: FileProtection;
  readonly written: readonly { readonly name: string; readonly key: string }[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

type Read = { readonly name: string; readonly value: string } | { readonly name: string; readonly skipped: string };

/** One secret's current value, or why it is not exported (disabled, unreadable: the failure explained, no value). */
async function readValue(services: Services, vault: VaultTarget, item: ItemProperties, signal: AbortSignal): Promise<Read> {
  if (item.enabled === false) return { name: item.name, skipped: vscode.l10n.t('disabled: its value cannot be read') };
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    const secret = await sdk.secretOps.getSecretValue(vaults, vault.vaultUrl, item.name, undefined, { abortSignal: signal });
    return { name: item.name, value: secret.value };
  } catch (error) {
    if (signal.aborted) throw new UserCancelled();
    const failure = classifyError(error);
    services.log.warn(`export values: ${item.name} of ${vault.name} not read (${failure.status ?? ''} ${failure.innerCode ?? failure.code ?? failure.kind})`);
    return { name: item.name, skipped: explainFailure(failure, { kind: 'secret', operation: 'read', vault, name: item.name }) };
  }
}

/** The modal warning; false when the user did not confirm. */
async function confirmed(services: Services, vault: VaultTarget, count: number): Promise<boolean> {
  const action = vscode.l10n.t('Export Values');
  const where = process.platform === 'win32'
    ? vscode.l10n.t('On Windows the file is NOT restricted to your account: it gets the access of the folder you choose.')
    : vscode.l10n.t('The file is created readable and writable by your account only (mode 0600).');
  const detail = vscode.l10n.t('This writes {0} secret values in plain text to a file you choose: anyone who can read the file can read the secrets. {1} Keep it out of workspaces, source control, synced folders and backups, and delete it when you are done. Disabled secrets are skipped.', count, where);
  return (await services.ui.confirm(vscode.l10n.t('Export {0} secret values of {1} in plain text?', count, vault.name), detail, action)) === action;
}

export async function exportValues(services: Services, target: { readonly vault?: VaultTarget }): Promise<ValuesExportReport> {
  const vault = await exportVault(services, target.vault, vscode.l10n.t('Export the secret values of which vault?'));
  const items = await listSecrets(services, vault);
  if (items.length === 0) throw new Error(vscode.l10n.t('{0} holds no secret to export.', vault.name));
  const chosen = await pickSecrets(
    services,
    items,
    vscode.l10n.t('Which secret values of {0}? They are written in plain text.', vault.name),
    vscode.l10n.t('Disabled secrets are offered unticked: their values cannot be read'),
    (item) => item.enabled === false,
  );
  if (!(await confirmed(services, vault, chosen.length))) throw new UserCancelled();
  const folder = startFolder();
  const uri = await services.ui.showSaveDialog({
    title: vscode.l10n.t('Save {0} secret values of {1} (plain text)', chosen.length, vault.name),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${vault.name}.secrets.env`) } : {}),
    filters: { [vscode.l10n.t('Environment files')]: ['env'], [vscode.l10n.t('All files')]: ['*'] },
  });
  if (!uri) throw new UserCancelled();
  if (uri.scheme !== 'file') {
    throw new Error(vscode.l10n.t('Secret values are only exported to a local file, created readable by your account only; {0} is on the {1}: file system, where that cannot be set. Nothing was read.', baseName(uri), uri.scheme));
  }
  const reads = await withProgress(
    services,
    vscode.l10n.t('Reading {0} secret values of {1}', chosen.length, vault.name),
    async (signal, report) => {
      let done = 0;
      return mapWithConcurrency(chosen, READS_AT_ONCE, async (item) => {
        if (signal.aborted) throw new UserCancelled();
        const read = await readValue(services, vault, item, signal);
        report(vscode.l10n.t('{0} of {1} read', ++done, chosen.length));
        return read;
      });
    },
    vault,
  );
  const values = reads.flatMap((r) => ('value' in r ? [r] : []));
  const exported = valuesEnvText(vault.name, values, new Date());
  const skipped = [
    ...reads.flatMap((r) => ('skipped' in r ? [{ name: r.name, reason: r.skipped }] : [])),
    ...exported.unwritable.map((name) => ({ name, reason: vscode.l10n.t('its value holds characters no quoting of .env syntax keeps exactly') })),
  ];
  if (exported.written.length === 0) throw new Error(vscode.l10n.t('No value of {0} could be exported ({1}): nothing was written.', vault.name, skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')));
  const protection = await writeOwnerOnly(uri, new TextEncoder().encode(exported.text));
  services.log.info(`exported ${exported.written.length} secret values of ${vault.name} to a file the user chose (${protection}); skipped ${skipped.length}`);
  const care = protection === 'ownerOnly' ? vscode.l10n.t('Only your account can read it.') : vscode.l10n.t('It is not restricted to your account: keep it safe.');
  const skippedText = skipped.length ? ` ${vscode.l10n.t('Skipped {0}: {1}.', skipped.length, skipped.map((s) => `${s.name} (${s.reason})`).join('; '))}` : '';
  const message = `${vscode.l10n.t('Wrote {0} secret values of {1} to {2}.', exported.written.length, vault.name, uri.fsPath)} ${care}${skippedText}`;
  services.ui.notify(message);
  return { file: uri.toString(), protection, written: exported.written, skipped };
}
