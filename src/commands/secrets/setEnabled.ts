import * as vscode from 'vscode';
import { updateSecret } from '../../azure/secretOps';
import type { Services } from '../../services';
import type { ItemTarget } from '../targets';
import { label, vaultClients } from '../items/common';
import { refreshAfterUpdate } from './common';
import { secretFailure } from './errors';

/** Enables or disables a secret (its latest version) or one version. Returns the version's new state. */
export async function setSecretEnabled(services: Services, target: ItemTarget, enabled: boolean): Promise<{ name: string; version?: string; enabled: boolean }> {
  const vaults = await vaultClients(services);
  let props;
  try {
    props = await updateSecret(vaults, target.vault.vaultUrl, target.name, target.version, { enabled });
  } catch (error) {
    return secretFailure(services, error, { operation: 'update', vault: target.vault, name: target.name });
  }
  services.log.info(`${enabled ? 'enabled' : 'disabled'} secret ${label(target)} in ${target.vault.name}`);
  await refreshAfterUpdate(services, target);
  const shown = label({ name: target.name, ...(props.version ? { version: props.version } : {}) });
  services.ui.notify(enabled ? vscode.l10n.t('Enabled {0}', shown) : vscode.l10n.t('Disabled {0}', shown));
  return { name: target.name, ...(props.version ? { version: props.version } : {}), enabled: props.enabled !== false };
}
