import * as vscode from 'vscode';
import { setSecret } from '../../azure/secretOps';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import { vaultClients, withProgress } from '../items/common';
import { recoverItem } from '../items/lifecycle';
import { promptContentType, promptDate, promptTags } from './attributesInput';
import { refreshSecrets, revealSecret } from './common';
import { secretFailure } from './errors';
import { secretLifecycle } from './lifecycle';
import { promptNewSecretName } from './nameInput';
import { addNewVersion } from './newVersion';
import { promptSecretValue } from './valueInput';

/**
 * Create Secret (on a vault or its Secrets group; from the palette: pick the vault): name (validated live;
 * taken → offers a new version, soft-deleted → offers to recover), value (typed, generated, selection or file),
 * optional content type, expiry and tags. Every rule is checked before the one request that writes.
 * Returns the new secret's name and version.
 */
export async function createSecret(services: Services, node?: TreeNode): Promise<{ name: string; version?: string } | undefined> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Create a secret in which vault?'));
  const title = vscode.l10n.t('Create a secret in {0}', vault.name);
  const named = await promptNewSecretName(services, vault, { title, ...(node ? { from: node } : {}) });
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
      await recoverItem(services, secretLifecycle, vault, name, node);
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
    return addNewVersion(services, { vault, kind: 'secret', name }, node);
  }

  const value = await promptSecretValue(services, title);
  const contentType = await promptContentType(services, title, value.suggestedContentType);
  const expiresOn = await promptDate(services, title, 'expiry', undefined, undefined);
  const tags = await promptTags(services, title, undefined);
  const vaults = await vaultClients(services);
  let created;
  try {
    created = await withProgress(vscode.l10n.t('Creating {0} in {1}…', name, vault.name), (abortSignal) =>
      setSecret(vaults, vault.vaultUrl, name, value.value, {
        ...(contentType ? { contentType } : {}),
        ...(Object.keys(tags).length ? { tags } : {}),
        ...(expiresOn ? { expiresOn } : {}),
      }, { abortSignal }),
    );
  } catch (error) {
    return secretFailure(services, error, { operation: 'write', vault, name }, { recover: () => recoverItem(services, secretLifecycle, vault, name, node) });
  }
  services.log.info(`created secret ${name} in ${vault.name} (value ${value.source})`);
  await refreshSecrets(services, vault, node);
  await revealSecret(services, vault, name);
  services.ui.notify(vscode.l10n.t('Created {0} in {1}', name, vault.name));
  return { name, ...(created.version ? { version: created.version } : {}) };
}
