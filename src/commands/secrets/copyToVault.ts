import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { revealQuietly } from '../items/common';
import { recoverItem } from '../items/lifecycle';
import { withProgress } from '../progress';
import { askName } from '../prompts';
import { secretLifecycle } from './lifecycle';
import { nameStatus } from './nameInput';
import { readSecretValue } from '../items/secretValue';

/**
 * Copy to Another Vault: the latest value (or the selected version's) with its content type and tags, as a
 * new secret — or a new version when the name exists there — in a vault picked from the tree's vaults.
 * Returns where it went.
 */
export async function copySecretToVault(services: Services, source: ItemTarget): Promise<{ vault: string; name: string; version?: string }> {
  const vaults = listAllVaults(services).then((all) =>
    all
      .filter((v) => v.vaultUrl !== source.vault.vaultUrl)
      .map((vault) => ({ label: vault.name, description: vault.info ? `${vault.info.resourceGroup} · ${vault.info.location}` : vault.vaultUrl, vault })),
  );
  const picked = await services.ui.showQuickPick(vaults, { title: vscode.l10n.t('Copy {0} to which vault?', itemLabel(source)), placeHolder: vscode.l10n.t('Type to search vaults by name'), matchOnDescription: true });
  if (!picked) throw new UserCancelled();
  const target = picked.vault;
  const title = vscode.l10n.t('Copy {0} to {1}', itemLabel(source), target.name);
  const name = await askName(services, title, vscode.l10n.t('Name in the target vault'), source.name);

  const status = await nameStatus(services, target, name);
  if (status.status === 'deleted') {
    const recover = vscode.l10n.t('Recover');
    const choice = await services.ui.confirm(
      vscode.l10n.t('"{0}" is a deleted secret in {1}', name, target.name),
      vscode.l10n.t('Its name cannot be reused until it is recovered or purged. Recover it there first? (Then copy again to add this value as a new version.)'),
      recover,
    );
    if (choice === recover) await recoverItem(services, secretLifecycle, { vault: target, name });
    throw new UserCancelled();
  }
  if (status.status === 'exists') {
    const add = vscode.l10n.t('Add New Version');
    const choice = await services.ui.confirm(vscode.l10n.t('"{0}" already exists in {1}', name, target.name), vscode.l10n.t('Add the copied value as a new version there? Its current version stays in the history.'), add);
    if (choice !== add) throw new UserCancelled();
  }
  const secret = await readSecretValue(services, source);
  const write = {
    ...(secret.properties.contentType !== undefined ? { contentType: secret.properties.contentType } : {}),
    ...(secret.properties.tags !== undefined ? { tags: secret.properties.tags } : {}),
  };
  // The progress closes before a failure is shown (its "Recover" button waits for the user).
  const created = await request(
    services,
    { kind: 'secret', operation: 'write', vault: target, name },
    (sdk, clients, url) => withProgress(services, vscode.l10n.t('Copying {0} to {1}…', source.name, target.name), (abortSignal) => sdk.secretOps.setSecret(clients, url, name, secret.value, write, { abortSignal })),
    { recover: () => recoverItem(services, secretLifecycle, { vault: target, name }) },
  );
  services.log.info(`copied secret ${source.name} of ${source.vault.name} to ${name} in ${target.name}`);
  services.view.refreshGroup(target, 'secret');
  await revealQuietly(services, { vault: target, kind: 'secret', name });
  services.ui.notify(name !== source.name ? vscode.l10n.t('Copied {0} to {1} as {2}', source.name, target.name, name) : vscode.l10n.t('Copied {0} to {1}', source.name, target.name));
  return { vault: target.name, name, ...(created.version ? { version: created.version } : {}) };
}
