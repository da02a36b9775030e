import * as vscode from 'vscode';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { recoverItem } from '../items/lifecycle';
import { revealQuietly } from '../items/common';
import { withProgress } from '../progress';
import { askContentType, askDate, askTags, Steps } from '../prompts';
import { secretLifecycle } from './lifecycle';
import { promptNewSecretName } from './nameInput';
import { addNewVersion } from './newVersion';
import { promptSecretValue } from './valueInput';
import { revealAction } from '../notices';

/**
 * Create Secret (on a vault or its Secrets group; from the palette: pick the vault): name (validated live;
 * taken → offers a new version, soft-deleted → offers to recover), value (typed, generated, selection or file),
 * optional content type, expiry and tags. Every rule is checked before the one request that writes.
 * Returns the new secret's name and version.
 */
export async function createSecret(services: Services, vault: VaultTarget): Promise<{ name: string; version?: string } | undefined> {
  const title = vscode.l10n.t('Create a secret in {0}', vault.name);
  // Five things asked: each prompt's title says which step it is ("Create a secret in kv (2/5)").
  const steps = new Steps(title, 5);
  const named = await promptNewSecretName(services, vault, { title: steps.next() });
  const { name } = named;
  if (named.status === 'deleted') {
    const purgeDate = named.deleted.scheduledPurgeDate;
    const recover = vscode.l10n.t('Recover');
    const choice = await services.ui.confirm(
      vscode.l10n.t('"{0}" is a deleted secret in {1}', name, vault.name),
      purgeDate
        ? vscode.l10n.t('It can be recovered until {0}. Its name cannot be reused until it is recovered or purged. Recover it (with all its versions)?', purgeDate.toISOString().slice(0, 10))
        : vscode.l10n.t('It can be recovered. Its name cannot be reused until it is recovered or purged. Recover it (with all its versions)?'),
      recover,
    );
    if (choice === recover) {
      await recoverItem(services, secretLifecycle, { vault, name });
      return { name };
    }
    throw new Error(vscode.l10n.t('"{0}" is a deleted secret in {1}: recover it, or purge it (Deleted → Deleted secrets) before reusing the name.', name, vault.name));
  }
  if (named.status === 'exists') {
    const add = vscode.l10n.t('Add New Version');
    const choice = await services.ui.confirm(
      vscode.l10n.t('"{0}" already exists in {1}', name, vault.name),
      vscode.l10n.t('Add the value as a new version? The current version stays in its history, and apps using the unversioned identifier get the new value.'),
      add,
    );
    if (choice !== add) throw new UserCancelled();
    return addNewVersion(services, { vault, kind: 'secret', name });
  }

  const value = await promptSecretValue(services, steps.next());
  const contentType = await askContentType(services, steps.next(), value.suggestedContentType);
  const expiresOn = await askDate(services, steps.next(), { which: 'expiry' });
  const tags = await askTags(services, steps.next());
  const write = {
    ...(contentType ? { contentType } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(expiresOn ? { expiresOn } : {}),
  };
  // The progress closes before a failure is shown (its "Recover" button waits for the user).
  const created = await request(
    services,
    { kind: 'secret', operation: 'write', vault, name },
    (sdk, vaults, url) => withProgress(services, vscode.l10n.t('Creating {0} in {1}…', name, vault.name), (abortSignal) => sdk.secretOps.setSecret(vaults, url, name, value.value, write, { abortSignal })),
    { recover: () => recoverItem(services, secretLifecycle, { vault, name }) },
  );
  services.log.info(`created secret ${name} in ${vault.name} (value ${value.source})`);
  services.view.refreshGroup(vault, 'secret');
  await revealQuietly(services, { vault, kind: 'secret', name });
  services.ui.notify(vscode.l10n.t('Created {0} in {1}', name, vault.name), { actions: [revealAction(services, { vault, kind: 'secret', name })] });
  return { name, ...(created.version ? { version: created.version } : {}) };
}
