// Enable or disable a secret, key or certificate (the current version, or the version of the row): one PATCH, refused
// before any request for a key or secret owned by a certificate. A certificate's key and secret follow it, so their
// groups are re-listed too. Disabling what files of the workspace use asks first, naming how many (./usage).
import * as vscode from 'vscode';
import type { AzureSdk } from '../../azure/lazy';
import type { ObjectKind } from '../../azure/model';
import type { VaultClients } from '../../azure/sdk';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request, type CallOptions } from '../failures';
import { revealAction, undoAction } from '../notices';
import { contextOf, refreshCertificateGroups } from './common';
import { managedRefusal } from './lifecycle';
import { kindName } from '../../model/kindWords';
import { confirmWithUsage, usageOf } from './usage';

/** One PATCH of the `enabled` attribute per kind (also the references' Enable quick fix); resolves with the version it changed, when the service says. */
export const updateEnabled: Record<ObjectKind, (sdk: AzureSdk, vaults: VaultClients, url: string, target: ItemTarget, enabled: boolean, options?: CallOptions) => Promise<{ version?: string; enabled?: boolean }>> = {
  secret: (sdk, vaults, url, t, enabled, options) => sdk.secretOps.updateSecret(vaults, url, t.name, t.version, { enabled }, options),
  key: (sdk, vaults, url, t, enabled, options) => sdk.keyOps.updateKey(vaults, url, t.name, t.version, { enabled }, options),
  certificate: (sdk, vaults, url, t, enabled, options) => sdk.certificateOps.updateCertificate(vaults, url, t.name, t.version, { enabled }, options),
};

/** Enables or disables the target (its current version, or its version). Returns the version's new state. */
export async function setEnabled(services: Services, target: ItemTarget, enabled: boolean): Promise<{ name: string; version?: string; enabled: boolean }> {
  const { kind, name } = target;
  if (target.managed) throw managedRefusal(kind, [name], enabled ? 'enable' : 'disable');
  // Disabling what files of the workspace use: say so first (nothing is asked when nothing uses it).
  const usage = enabled ? undefined : usageOf(services, [target]);
  if (usage) {
    const what = target.version ? vscode.l10n.t('version {0} of {1} "{2}"', target.version.slice(0, 8), kindName(kind), name) : vscode.l10n.t('{0} "{1}"', kindName(kind), name);
    const detail = vscode.l10n.t('Its value cannot be read while it is disabled: apps and deployments that read it fail until it is enabled again.');
    await confirmWithUsage(services, usage, vscode.l10n.t('Disable {0} in {1}?', what, target.vault.name), detail, vscode.l10n.t('Disable'));
  }
  const changed = await request(services, contextOf(target, 'update'), (sdk, vaults, url, options) => updateEnabled[kind](sdk, vaults, url, target, enabled, options));
  services.log.info(`${enabled ? 'enabled' : 'disabled'} ${kind} ${itemLabel(target)} in ${target.vault.name}`);
  if (kind === 'certificate') refreshCertificateGroups(services, target.vault);
  else services.view.refreshItem(target);
  const version = changed.version ?? target.version;
  // The row's own version is named; the current version is what the secret/key/certificate row stands for.
  const shown = target.version ? vscode.l10n.t('version {0} of {1} "{2}"', target.version.slice(0, 8), kindName(kind), name) : vscode.l10n.t('{0} "{1}"', kindName(kind), name);
  const undoTitle = enabled ? vscode.l10n.t('Disable {0}', shown) : vscode.l10n.t('Enable {0}', shown);
  const message = enabled ? vscode.l10n.t('Enabled {0} in {1}', shown, target.vault.name) : vscode.l10n.t('Disabled {0} in {1}', shown, target.vault.name);
  services.ui.notify(message, {
    actions: [revealAction(services, target), undoAction(services, target, undoTitle, () => setEnabled(services, target, !enabled))],
  });
  return { name, ...(version ? { version } : {}), enabled: changed.enabled ?? enabled };
}
