import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';

/** Enables or disables a secret (its latest version) or one version. Returns the version's new state. */
export async function setSecretEnabled(services: Services, target: ItemTarget, enabled: boolean): Promise<{ name: string; version?: string; enabled: boolean }> {
  const { vault, name, version } = target;
  const props = await request(services, { kind: 'secret', operation: 'update', vault, name }, (sdk, vaults, url) => sdk.secretOps.updateSecret(vaults, url, name, version, { enabled }));
  services.log.info(`${enabled ? 'enabled' : 'disabled'} secret ${itemLabel(target)} in ${vault.name}`);
  services.view.refreshItem(target);
  const shown = itemLabel({ name, ...(props.version ? { version: props.version } : {}) });
  services.ui.notify(enabled ? vscode.l10n.t('Enabled {0}', shown) : vscode.l10n.t('Disabled {0}', shown));
  return { name, ...(props.version ? { version: props.version } : {}), enabled: props.enabled !== false };
}
