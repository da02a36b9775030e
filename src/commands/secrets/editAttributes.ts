import * as vscode from 'vscode';
import type { ItemProperties } from '../../azure/model';
import { latestSecretProperties, updateSecret, type SecretWrite } from '../../azure/secretOps';
import type { Services } from '../../services';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import { VersionNode } from '../../tree/VersionNode';
import type { ItemTarget } from '../targets';
import { UserCancelled } from '../wrapper';
import { label, vaultClients } from '../items/common';
import { promptContentType, promptDate } from './attributesInput';
import { refreshAfterUpdate, resolveSecret } from './common';
import { secretFailure } from './errors';
import { editTags } from './tagEditor';

type Field = 'enabled' | 'expiry' | 'activation' | 'contentType' | 'tags';

interface FieldPick extends vscode.QuickPickItem {
  readonly field: Field;
}

async function currentProperties(services: Services, target: ItemTarget): Promise<ItemProperties> {
  if (target.node instanceof VersionNode) return target.node.version;
  if (target.node instanceof ItemNode) return target.node.item;
  let latest;
  try {
    latest = await latestSecretProperties(await vaultClients(services), target.vault.vaultUrl, target.name);
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault: target.vault, name: target.name });
  }
  if (!latest) throw new Error(vscode.l10n.t('"{0}" was not found in {1}. Refresh the view.', target.name, target.vault.name));
  return latest;
}

const day = (d: Date | undefined): string => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : vscode.l10n.t('none'));

/**
 * Edit Attributes: enable/disable, expiry, activation (not before), content type or tags of a secret (its
 * latest version) or of the selected version. One change, one request. Returns the field changed.
 */
export async function editSecretAttributes(services: Services, node?: TreeNode): Promise<{ name: string; version?: string; field: Field }> {
  const target = await resolveSecret(services, node);
  const props = await currentProperties(services, target);
  if (props.managed) throw new Error(vscode.l10n.t("\"{0}\" belongs to the certificate of the same name: change the certificate's attributes instead.", target.name));
  const title = target.version ? vscode.l10n.t('Edit {0} ({1})', label(target), target.vault.name) : vscode.l10n.t('Edit {0} ({1}) — latest version', label(target), target.vault.name);
  const picked = await services.ui.showQuickPick<FieldPick>(
    [
      props.enabled === false
        ? { label: `$(pass) ${vscode.l10n.t('Enable')}`, description: vscode.l10n.t('its value can be read again'), field: 'enabled' }
        : { label: `$(circle-slash) ${vscode.l10n.t('Disable')}`, description: vscode.l10n.t('its value can no longer be read'), field: 'enabled' },
      { label: `$(calendar) ${vscode.l10n.t('Expiry date…')}`, description: day(props.expiresOn), field: 'expiry' },
      { label: `$(clock) ${vscode.l10n.t('Activation date (not before)…')}`, description: day(props.notBefore), field: 'activation' },
      { label: `$(symbol-string) ${vscode.l10n.t('Content type…')}`, description: props.contentType ?? vscode.l10n.t('none'), field: 'contentType' },
      { label: `$(tag) ${vscode.l10n.t('Tags…')}`, description: Object.keys(props.tags ?? {}).join(', ') || vscode.l10n.t('none'), field: 'tags' },
    ],
    { title, placeHolder: vscode.l10n.t('What do you want to change?') },
  );
  if (!picked) throw new UserCancelled();
  let write: SecretWrite;
  switch (picked.field) {
    case 'enabled':
      write = { enabled: props.enabled === false };
      break;
    case 'expiry':
    case 'activation': {
      const expiry = picked.field === 'expiry';
      const date = await promptDate(services, title, expiry ? 'expiry' : 'activation', expiry ? props.expiresOn : props.notBefore, expiry ? props.notBefore : props.expiresOn);
      if (!date) {
        throw new Error(
          expiry
            ? vscode.l10n.t('Key Vault cannot remove the expiry date of an existing version: set a new date, or add a new version without one.')
            : vscode.l10n.t('Key Vault cannot remove the activation date of an existing version: set a new date, or add a new version without one.'),
        );
      }
      write = expiry ? { expiresOn: date } : { notBefore: date };
      break;
    }
    case 'contentType':
      write = { contentType: (await promptContentType(services, title, props.contentType)) ?? '' };
      break;
    case 'tags':
      write = { tags: await editTags(services, title, props.tags) };
      break;
  }
  let updated;
  try {
    updated = await updateSecret(await vaultClients(services), target.vault.vaultUrl, target.name, target.version, write);
  } catch (error) {
    return secretFailure(services, error, { operation: 'update', vault: target.vault, name: target.name });
  }
  services.log.info(`updated ${picked.field} of secret ${label(target)} in ${target.vault.name}`);
  await refreshAfterUpdate(services, target);
  services.ui.notify(vscode.l10n.t('Updated {0}', label(target)));
  return { name: target.name, ...(updated.version ? { version: updated.version } : {}), field: picked.field };
}
