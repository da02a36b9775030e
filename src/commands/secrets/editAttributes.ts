import * as vscode from 'vscode';
import type { ItemProperties } from '../../azure/model';
import type { SecretWrite } from '../../azure/secretOps';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { askContentType, askDate } from '../prompts';
import { editTags } from './tagEditor';

export type Field = 'enabled' | 'expiry' | 'activation' | 'contentType' | 'tags';

interface FieldPick extends vscode.QuickPickItem {
  readonly field: Field;
}

/** What the tree listed for the secret or the version; from the palette or a link, the latest version's (one listing). */
async function currentProperties(services: Services, target: ItemTarget): Promise<ItemProperties> {
  if (target.properties) return target.properties;
  const { vault, name } = target;
  const latest = await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
  if (!latest) throw new Error(vscode.l10n.t('"{0}" was not found in {1}. Refresh the view.', name, vault.name));
  return latest;
}

const day = (d: Date | undefined): string => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : vscode.l10n.t('none'));

/**
 * Edit Attributes: enable/disable, expiry, activation (not before), content type or tags of a secret (its
 * latest version) or of the selected version. One change, one request. Returns the field changed. `field` skips the
 * "What do you want to change?" step (Edit Secret Expiry, an expired reference's quick fix).
 */
export function editSecretAttributes(services: Services, target: ItemTarget): Promise<{ name: string; version?: string; field: Field }> {
  return editSecretAttribute(services, target, undefined);
}

/** Edit Attributes with the field already chosen (`undefined`: ask). */
export async function editSecretAttribute(services: Services, target: ItemTarget, field: Field | undefined): Promise<{ name: string; version?: string; field: Field }> {
  const props = await currentProperties(services, target);
  if (props.managed) throw new Error(vscode.l10n.t("\"{0}\" belongs to the certificate of the same name: change the certificate's attributes instead.", target.name));
  const title = target.version ? vscode.l10n.t('Edit {0} ({1})', itemLabel(target), target.vault.name) : vscode.l10n.t('Edit {0} ({1}) — latest version', itemLabel(target), target.vault.name);
  const picked = field ? { field } : await services.ui.showQuickPick<FieldPick>(
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
      const current = expiry ? props.expiresOn : props.notBefore;
      const other = expiry ? props.notBefore : props.expiresOn;
      const date = await askDate(services, title, { which: expiry ? 'expiry' : 'activation', ...(current ? { current } : {}), ...(other ? { other } : {}) });
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
      write = { contentType: (await askContentType(services, title, props.contentType)) ?? '' };
      break;
    case 'tags':
      write = { tags: await editTags(services, title, props.tags) };
      break;
  }
  const { vault, name, version } = target;
  const updated = await request(services, { kind: 'secret', operation: 'update', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.updateSecret(vaults, url, name, version, write, options));
  services.log.info(`updated ${picked.field} of secret ${itemLabel(target)} in ${vault.name}`);
  services.view.refreshItem(target);
  services.ui.notify(vscode.l10n.t('Updated {0}', itemLabel(target)));
  return { name, ...(updated.version ? { version: updated.version } : {}), field: picked.field };
}
