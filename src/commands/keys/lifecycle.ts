// Enable/disable for keys and certificates (generic over the kind), and what their delete, recover and purge
// need from the shared flows of ../items/lifecycle: the service calls and how failures are explained.
import * as vscode from 'vscode';
import type { AzureSdk } from '../../azure/lazy';
import { loadAzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label, vaultClients } from '../items/common';
import { managedRefusal, type ItemLifecycle, type LifecycleOperation } from '../items/lifecycle';
import { resolveItem } from '../targets';
import { explain, fail, isManaged, refreshCertificateGroups, refreshItem, type Operation, type OwnKind } from './common';

const setEnabledOps: Record<OwnKind, (sdk: AzureSdk, vaults: VaultClients, url: string, name: string, version: string | undefined, enabled: boolean) => Promise<unknown>> = {
  key: (sdk, v, url, name, version, enabled) => sdk.keyOps.updateKey(v, url, name, version, { enabled }),
  certificate: (sdk, v, url, name, version, enabled) => sdk.certificateOps.updateCertificate(v, url, name, version, { enabled }),
};

/** Enable or disable the current version (from an item) or the chosen version (from a version node). */
export async function setEnabled(services: Services, kind: OwnKind, enabled: boolean, node?: TreeNode): Promise<{ name: string; version?: string; enabled: boolean }> {
  const target = await resolveItem(services, kind, node);
  if (isManaged(target.node)) throw managedRefusal(kind, [target.name], enabled ? 'enable' : 'disable');
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    await setEnabledOps[kind](sdk, vaults, target.vault.vaultUrl, target.name, target.version, enabled);
  } catch (error) {
    fail(error, kind, 'update', target.vault, target.name);
  }
  services.log.info(`${enabled ? 'enabled' : 'disabled'} ${kind} ${label(target)} in ${target.vault.name}`);
  if (kind === 'certificate') await refreshCertificateGroups(services, target.vault, target.node);
  else await refreshItem(services, target);
  services.ui.notify(enabled ? vscode.l10n.t('Enabled {0}', label(target)) : vscode.l10n.t('Disabled {0}', label(target)));
  return { name: target.name, ...(target.version ? { version: target.version } : {}), enabled };
}

const operation = (op: LifecycleOperation): Operation => (op === 'list' ? 'read' : op);

/** Failures of keys and certificates: one explained Error (see ./common). */
function ownFailures(kind: OwnKind): Pick<ItemLifecycle, 'explain' | 'fail'> {
  return {
    explain: (failure, op, vault, name) => explain(failure, kind, operation(op), vault, name),
    fail: (_services, error, op, vault, name) => fail(error, kind, operation(op), vault, name),
  };
}

export const keyLifecycle: ItemLifecycle = {
  kind: 'key',
  changes: ['key'],
  remove: async (vaults, url, name) => (await loadAzureSdk()).keyOps.deleteKey(vaults, url, name),
  recover: async (vaults, url, name) => (await loadAzureSdk()).keyOps.recoverKey(vaults, url, name),
  purge: async (vaults, url, name) => (await loadAzureSdk()).keyOps.purgeKey(vaults, url, name),
  ...ownFailures('key'),
};

/** A certificate's key and secret (same name) are deleted, recovered and purged with it. */
export const certificateLifecycle: ItemLifecycle = {
  kind: 'certificate',
  changes: ['certificate', 'key', 'secret'],
  goesWithIt: () => ({ delete: vscode.l10n.t('Its key and secret (same name) go with it.'), purge: vscode.l10n.t('Its key and secret are purged with it.') }),
  remove: async (vaults, url, name) => (await loadAzureSdk()).certificateOps.deleteCertificate(vaults, url, name),
  recover: async (vaults, url, name) => (await loadAzureSdk()).certificateOps.recoverCertificate(vaults, url, name),
  purge: async (vaults, url, name) => (await loadAzureSdk()).certificateOps.purgeCertificate(vaults, url, name),
  ...ownFailures('certificate'),
};
