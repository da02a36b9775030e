// What an Edit Value editor knows: the secret, the version it was opened at (to detect a newer one at save),
// and the attributes a new version keeps. Saving writes a new version (confirmed once per editor), then the
// session's baseline moves to it. A failure fails the save: VS Code says so and the editor stays dirty. A save is
// one operation (src/platform/operations.ts): cancellable, stopped by a sign-out, and holding the secret meanwhile.
// A secret deleted meanwhile fails the save with what happened and a Recover action (the tab says "(deleted)").
import * as vscode from 'vscode';
import type { AzureSdk } from '../../azure/lazy';
import { checkSecretValue } from '../../azure/rules';
import type { VaultClients } from '../../azure/sdk';
import type { VaultTarget } from '../../model/targets';
import { extensionForLanguage } from '../../platform/documents/language';
import { itemKey } from '../../platform/operations';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request, type CallOptions, type Operation } from '../failures';
import { withProgress } from '../progress';
import { recoverSecret } from './recoverSecret';
import { runOperation } from '../wrapper';

export interface EditBaseline {
  version: string | undefined;
  readonly contentType?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A save failure already worded for the user ("Not saved…"); `userNotified` when it was shown with its actions. */
class NotSaved extends Error {
  constructor(message: string, readonly userNotified = false) {
    super(message);
  }
}

/** The path prefix of a secret's Edit Value editor (`keyvault:` documents). */
export function editorFolder(vault: VaultTarget, name: string): string {
  return `/${vault.name}/secrets/${name}/edit/`;
}

export class EditSession {
  private confirmed = false;

  constructor(
    private readonly services: Services,
    readonly vault: VaultTarget,
    readonly name: string,
    readonly baseline: EditBaseline,
    /** The value's language: Compare shows both texts in it. */
    readonly languageId: string,
  ) {}

  /**
   * One request for the save: a failure (explained by the failures module) fails the save with "Not saved", so
   * the editor keeps the user's text; nothing is shown twice.
   */
  private async call<T>(operation: Operation, run: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, options: CallOptions) => Promise<T>): Promise<T> {
    try {
      return await request(this.services, { kind: 'secret', operation, vault: this.vault, name: this.name }, run);
    } catch (error) {
      if (error instanceof UserCancelled) throw new NotSaved(vscode.l10n.t('Not saved: you cancelled. Your changes are kept in the editor.'));
      throw new NotSaved(vscode.l10n.t('Not saved (your changes are kept): {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  /**
   * The save handler of the document: one operation "Saving {name}" that holds the secret (a second write on it
   * meanwhile is refused), cancelled by VS Code's cancellation of the save, stopped by a sign-out (said once, as
   * the save's failure); the write runs under a cancellable progress notification.
   */
  readonly save = async (text: string, cancellation?: vscode.CancellationToken): Promise<void> => {
    const problem = checkSecretValue(text);
    if (problem) throw new NotSaved(vscode.l10n.t('Not saved: {0}', problem));
    const title = vscode.l10n.t('Saving {0}', this.name);
    try {
      await runOperation(this.services, { title, items: [{ key: itemKey(this.vault.vaultUrl, 'secret', this.name), name: this.name }] }, async (op) => {
        const cancel = cancellation?.onCancellationRequested(() => op.cancel());
        try {
          await this.saveAs(text);
        } finally {
          cancel?.dispose();
        }
      });
    } catch (error) {
      // Refused (busy) or stopped (sign-out): those sentences are not explained failures yet.
      if (error instanceof NotSaved) throw error;
      throw new NotSaved(vscode.l10n.t('Not saved (your changes are kept): {0}', error instanceof Error ? error.message : String(error)));
    }
  };

  /** Checks for a newer version (or confirms the first save), then writes `text` as a new version. */
  private async saveAs(text: string): Promise<void> {
    const { services, vault, name } = this;
    const latest = await this.call('list', (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
    if (!latest) return this.gone();
    if (latest.version && this.baseline.version && latest.version !== this.baseline.version) {
      await this.resolveConflict(latest.version, text);
    } else if (!this.confirmed) {
      const saveAction = vscode.l10n.t('Save New Version');
      const choice = await services.ui.confirm(
        vscode.l10n.t('Save {0} as a new version in {1}?', name, vault.name),
        vscode.l10n.t('Saving creates a new version with this text as its value (content type and tags are kept). The current version stays in the history; apps using the unversioned identifier get the new value.'),
        saveAction,
      );
      if (choice !== saveAction) throw new NotSaved(vscode.l10n.t('Not saved: you cancelled. Your changes are kept in the editor.'));
    }
    this.confirmed = true;
    const write = {
      ...(this.baseline.contentType ? { contentType: this.baseline.contentType } : {}),
      ...(this.baseline.tags ? { tags: this.baseline.tags } : {}),
    };
    const created = await withProgress(services, vscode.l10n.t('Saving {0}…', name), () =>
      this.call('write', (sdk, vaults, url, options) => sdk.secretOps.setSecret(vaults, url, name, text, write, options)),
    );
    this.baseline.version = created.version;
    services.log.info(`saved secret ${name} in ${vault.name} as version ${created.version ?? '?'}`);
    services.view.refreshGroup(vault, 'secret');
    services.ui.notify(vscode.l10n.t('Saved {0} as new version {1}', name, created.version?.slice(0, 8) ?? ''));
  }

  /**
   * The secret is gone: deleted (recoverable until its purge date: say so, offer Recover) or purged. The tab is
   * marked; the save fails with that sentence, nothing else (no generic "Failed to save" on top).
   */
  private async gone(): Promise<never> {
    const { services, vault, name } = this;
    const getDeleted = () => this.call('list', (sdk, vaults, url, options) => sdk.secretOps.getDeletedSecret(vaults, url, name, options));
    let deleted = await getDeleted();
    // Deleted a moment ago: the vault lists it as deleted once the delete has completed (seconds).
    for (let wait = 500; !deleted && wait <= 2000; wait *= 2) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      deleted = await getDeleted();
    }
    services.documents.secretValues.markDeleted(editorFolder(vault, name), true);
    services.view.refreshGroup(vault, 'secret');
    if (!deleted) throw new NotSaved(vscode.l10n.t('Not saved: {0} no longer exists in {1}: it was deleted (look under Deleted once the delete completes) or purged. Your changes are kept in the editor.', name, vault.name));
    const until = deleted.scheduledPurgeDate?.toISOString().slice(0, 10);
    const message = until
      ? vscode.l10n.t('Not saved: {0} was deleted in {1} (recoverable until {2}). Recover it, then save again; your changes are kept in the editor.', name, vault.name, until)
      : vscode.l10n.t('Not saved: {0} was deleted in {1}. Recover it, then save again; your changes are kept in the editor.', name, vault.name);
    const recover = vscode.l10n.t('Recover');
    void Promise.resolve(services.ui.showErrorMessage(message, recover))
      .then(async (choice) => {
        if (choice !== recover) return;
        await recoverSecret(services, { vault, kind: 'secret', name, deleted }, []);
      })
      .then(undefined, (error: unknown) => services.ui.showErrorMessage(error instanceof Error ? error.message : String(error)));
    throw new NotSaved(message, true);
  }

  private async resolveConflict(latestVersion: string, text: string): Promise<void> {
    const { services, name } = this;
    const overwrite = vscode.l10n.t('Overwrite');
    const compare = vscode.l10n.t('Compare');
    const choice = await services.ui.confirm(
      vscode.l10n.t('{0} changed since you opened it', name),
      vscode.l10n.t(
        'Version {0} was added after the version you are editing ({1}). Overwrite adds your text as a newer version anyway; Compare shows the current value next to yours.',
        latestVersion.slice(0, 8), this.baseline.version?.slice(0, 8) ?? '?',
      ),
      overwrite,
      compare,
    );
    if (choice === overwrite) return;
    if (choice === compare) await this.compare(latestVersion, text);
    throw new NotSaved(vscode.l10n.t('Not saved: {0} has a newer version ({1}). Your changes are kept; save again to overwrite.', name, latestVersion.slice(0, 8)));
  }

  /**
   * Best effort: the current value beside the user's text, both in read-only documents (never dirty, so never
   * backed up); a failure only logs (the save says why it stopped).
   */
  private async compare(latestVersion: string, text: string): Promise<void> {
    const { services, vault, name, languageId } = this;
    try {
      const current = await request(services, { kind: 'secret', operation: 'read', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.getSecretValue(vaults, url, name, latestVersion, options));
      // Named by extension, so the diff colours both as the value's language.
      const ext = extensionForLanguage(languageId);
      const theirs = services.documents.putReadOnly(`/${vault.name}/secrets/${name}/${latestVersion}/${name}${ext}`, current.value);
      const yours = services.documents.putReadOnly(`/${vault.name}/secrets/${name}/yours/${name}${ext}`, text);
      await vscode.commands.executeCommand('vscode.diff', theirs, yours, vscode.l10n.t('{0}: {1} (current) ↔ yours', name, latestVersion.slice(0, 8)));
    } catch (error) {
      services.log.warn(`compare ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
