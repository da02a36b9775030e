// Enable or disable a key or a certificate (the current version, or the version of the row): one PATCH, refused
// before any request for a key owned by a certificate. A certificate's key and secret follow it, so their groups
// are re-listed too.
import * as vscode from 'vscode';
import type { AzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf, refreshCertificateGroups } from './common';
import { managedRefusal } from './lifecycle';

/** The kinds this flow serves (secrets have their own, with buttons). */
export type KeyOrCertificate = 'key' | 'certificate';

const updates: Record<KeyOrCertificate, (sdk: AzureSdk, vaults: VaultClients, url: string, target: ItemTarget, enabled: boolean) => Promise<unknown>> = {
  key: (sdk, vaults, url, t, enabled) => sdk.keyOps.updateKey(vaults, url, t.name, t.version, { enabled }),
  certificate: (sdk, vaults, url, t, enabled) => sdk.certificateOps.updateCertificate(vaults, url, t.name, t.version, { enabled }),
};

export async function setEnabled(services: Services, kind: KeyOrCertificate, target: ItemTarget, enabled: boolean): Promise<{ name: string; version?: string; enabled: boolean }> {
  if (target.managed) throw managedRefusal(kind, [target.name], enabled ? 'enable' : 'disable');
  await request(services, contextOf(target, 'update'), (sdk, vaults, url) => updates[kind](sdk, vaults, url, target, enabled));
  services.log.info(`${enabled ? 'enabled' : 'disabled'} ${kind} ${itemLabel(target)} in ${target.vault.name}`);
  if (kind === 'certificate') refreshCertificateGroups(services, target.vault);
  else services.view.refreshItem(target);
  services.ui.notify(enabled ? vscode.l10n.t('Enabled {0}', itemLabel(target)) : vscode.l10n.t('Disabled {0}', itemLabel(target)));
  return { name: target.name, ...(target.version ? { version: target.version } : {}), enabled };
}
