// Enable/disable, delete (soft), recover and purge for keys and certificates: the same safety rules as secrets
// (a modal confirmation that says how long a delete stays recoverable or that it is permanent; purge refused
// before any request under purge protection, and only after typing the name). Generic over the kind.
import { deleteIsPermanent, purgeAllowed } from '../../azure/rules';
import type { DeletedItemProperties } from '../../azure/model';
import type { AzureSdk } from '../../azure/lazy';
import { loadAzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { resolveItem, resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import {
  fail, isManaged, label, refreshCertificateGroups, refreshGroupAndDeleted, refreshItem, revealItem, selectedDeleted, selectedItems, vaultClients, withProgress,
  type OwnKind,
} from './common';

interface KindOps {
  setEnabled(sdk: AzureSdk, vaults: VaultClients, url: string, name: string, version: string | undefined, enabled: boolean): Promise<unknown>;
  remove(sdk: AzureSdk, vaults: VaultClients, url: string, name: string): Promise<unknown>;
  recover(sdk: AzureSdk, vaults: VaultClients, url: string, name: string): Promise<unknown>;
  purge(sdk: AzureSdk, vaults: VaultClients, url: string, name: string): Promise<unknown>;
}

const ops: Record<OwnKind, KindOps> = {
  key: {
    setEnabled: (sdk, v, url, name, version, enabled) => sdk.keyOps.updateKey(v, url, name, version, { enabled }),
    remove: (sdk, v, url, name) => sdk.keyOps.deleteKey(v, url, name),
    recover: (sdk, v, url, name) => sdk.keyOps.recoverKey(v, url, name),
    purge: (sdk, v, url, name) => sdk.keyOps.purgeKey(v, url, name),
  },
  certificate: {
    setEnabled: (sdk, v, url, name, version, enabled) => sdk.certificateOps.updateCertificate(v, url, name, version, { enabled }),
    remove: (sdk, v, url, name) => sdk.certificateOps.deleteCertificate(v, url, name),
    recover: (sdk, v, url, name) => sdk.certificateOps.recoverCertificate(v, url, name),
    purge: (sdk, v, url, name) => sdk.certificateOps.purgeCertificate(v, url, name),
  },
};

/** After a change of this kind: certificates also change their key and secret. */
async function refreshAfter(services: Services, kind: OwnKind, vault: VaultTarget, from: TreeNode | undefined, deleted: boolean): Promise<void> {
  if (kind === 'certificate') await refreshCertificateGroups(services, vault, from, deleted);
  else await refreshGroupAndDeleted(services, vault, kind, from);
}

function managedRefusal(kind: OwnKind, name: string, verb: string): Error {
  return new Error(`The ${kind} "${name}" belongs to the certificate of the same name: ${verb} the certificate instead. Nothing was sent to Azure.`);
}

/** Enable or disable the current version (from an item) or the chosen version (from a version node). */
export async function setEnabled(services: Services, kind: OwnKind, enabled: boolean, node?: TreeNode): Promise<{ name: string; version?: string; enabled: boolean }> {
  const target = await resolveItem(services, kind, node);
  if (isManaged(target.node)) throw managedRefusal(kind, target.name, enabled ? 'enable' : 'disable');
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    await ops[kind].setEnabled(sdk, vaults, target.vault.vaultUrl, target.name, target.version, enabled);
  } catch (error) {
    fail(error, kind, 'update', target.vault, target.name);
  }
  services.log.info(`${enabled ? 'enabled' : 'disabled'} ${kind} ${label(target)} in ${target.vault.name}`);
  if (kind === 'certificate') await refreshCertificateGroups(services, target.vault, target.node);
  else await refreshItem(services, target);
  services.ui.notify(`${enabled ? 'Enabled' : 'Disabled'} ${label(target)}`);
  return { name: target.name, ...(target.version ? { version: target.version } : {}), enabled };
}

interface Doomed {
  readonly vault: VaultTarget;
  readonly name: string;
  readonly recoveryLevel?: string;
  readonly managed?: boolean;
  readonly node?: TreeNode;
}

/** Soft-delete one or several selected items of a vault, after a modal confirmation. Returns the names. */
export async function deleteItems(services: Services, kind: OwnKind, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<{ deleted: string[]; permanent: boolean }> {
  const selected = selectedItems(kind, node, nodes);
  let doomed: Doomed[];
  if (selected.length) {
    doomed = selected.map((n) => ({ vault: n.group.vaultNode.vault, name: n.name, recoveryLevel: n.item.recoveryLevel, managed: n.item.managed, node: n }));
  } else {
    const target = await resolveItem(services, kind, node);
    doomed = [{ vault: target.vault, name: target.name, node: target.node }];
  }
  const managed = doomed.find((d) => d.managed);
  if (managed) throw managedRefusal(kind, managed.name, 'delete');
  if (new Set(doomed.map((d) => d.vault.vaultUrl)).size > 1) throw new Error(`Select ${kind}s of one vault at a time. Nothing was deleted.`);
  const vault = doomed[0]!.vault;
  const names = doomed.map((d) => d.name);
  const permanent = vault.info ? !vault.info.softDeleteEnabled : doomed.some((d) => deleteIsPermanent(d.recoveryLevel) === true);
  const days = vault.info?.softDeleteRetentionInDays ?? (vault.info?.softDeleteEnabled ? 90 : undefined);
  const what = names.length === 1 ? `${kind} "${names[0]}"` : `${names.length} ${kind}s`;
  const alsoOwned = kind === 'certificate' ? ' Its key and secret (same name) go with it.' : '';
  const detail = [
    names.length > 1 ? names.join(', ') : undefined,
    permanent
      ? `Soft delete is OFF on this vault: the delete is PERMANENT. Every version is destroyed and cannot be recovered.${alsoOwned}`
      : `All versions move to Deleted, where they can be recovered${days ? ` for ${days} days` : ' until the vault’s retention period ends'}${vault.info?.purgeProtectionEnabled ? ' (purge protection is on: the name stays taken until then)' : ''}.${alsoOwned} Apps using ${names.length === 1 ? 'it' : 'them'} fail until recovered.`,
  ].filter(Boolean).join('\n\n');
  const action = permanent ? 'Delete Permanently' : 'Delete';
  if ((await services.ui.confirm(`Delete ${what} from ${vault.name}?`, detail, action)) !== action) throw new UserCancelled();

  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const done: string[] = [];
  try {
    await withProgress(`Deleting ${what} from ${vault.name}…`, async (signal) => {
      for (const name of names) {
        if (signal.aborted) break;
        try {
          await ops[kind].remove(sdk, vaults, vault.vaultUrl, name);
        } catch (error) {
          fail(error, kind, 'delete', vault, name);
        }
        done.push(name);
        services.log.info(`deleted ${kind} ${name} from ${vault.name}${permanent ? ' (permanent)' : ''}`);
      }
    });
  } finally {
    await refreshAfter(services, kind, vault, doomed[0]!.node, true);
  }
  services.ui.notify(permanent ? `Deleted ${what} permanently` : `Deleted ${what}: recoverable from Deleted`);
  return { deleted: done, permanent };
}

export interface DeletedTarget {
  readonly vault: VaultTarget;
  readonly item: DeletedItemProperties;
  readonly node?: TreeNode;
}

/** The deleted items selected in the tree, or one picked (vault, then its deleted items of the kind). */
export async function resolveDeleted(services: Services, kind: OwnKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined, verb: string): Promise<DeletedTarget[]> {
  const selected = selectedDeleted(kind, node, nodes);
  if (selected.length) return selected.map((n) => ({ vault: n.parent.deletedGroup.vaultNode.vault, item: n.item, node: n }));
  const { vault } = await resolveVault(services, node, `${verb}: choose the vault`);
  const items = (async () => {
    const vaults = await vaultClients(services);
    const all: DeletedItemProperties[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await vaults.listDeleted(vault.vaultUrl, kind, { continuationToken: token, pageSize: 25 });
        all.push(...page.items);
        token = page.continuationToken;
      } while (token);
    } catch (error) {
      fail(error, kind, 'read', vault);
    }
    if (!all.length) throw new Error(`${vault.name} has no deleted ${kind}s.`);
    return all.map((item) => ({ label: item.name, description: item.deletedOn ? `deleted ${item.deletedOn.toISOString().slice(0, 10)}` : 'deleted', item }));
  })();
  const picked = await services.ui.showQuickPick(items, { title: `${verb}: choose a deleted ${kind} in ${vault.name}` });
  if (!picked) throw new UserCancelled();
  return [{ vault, item: picked.item }];
}

/** Recover the selected (or picked) deleted items; waits until each is back, then reveals it. */
export async function recoverItems(services: Services, kind: OwnKind, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const targets = await resolveDeleted(services, kind, node, nodes, 'Recover');
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const recovered: string[] = [];
  for (const t of targets) {
    const name = t.item.name;
    try {
      await withProgress(`Recovering ${kind} ${name} in ${t.vault.name}…`, () => ops[kind].recover(sdk, vaults, t.vault.vaultUrl, name));
    } catch (error) {
      await refreshAfter(services, kind, t.vault, t.node, true);
      fail(error, kind, 'recover', t.vault, name);
    }
    services.log.info(`recovered ${kind} ${name} in ${t.vault.name}`);
    recovered.push(name);
    await refreshAfter(services, kind, t.vault, t.node, true);
    await revealItem(services, t.vault, kind, name);
  }
  services.ui.notify(`Recovered ${recovered.join(', ')}`);
  return recovered;
}

/** Why this deleted item cannot be purged now (purge protection), before any request; or undefined. */
export function purgeRefusal(kind: OwnKind, t: DeletedTarget): string | undefined {
  const protectedVault = t.vault.info?.purgeProtectionEnabled === true || purgeAllowed(t.item.recoveryLevel) === false;
  if (!protectedVault) return undefined;
  const when = t.item.scheduledPurgeDate ? ` Key Vault purges it automatically on ${t.item.scheduledPurgeDate.toISOString().slice(0, 10)};` : '';
  return `The ${kind} "${t.item.name}" cannot be purged: purge protection is on for ${t.vault.name}.${when} until then it can only be recovered. Nothing was sent to Azure.`;
}

/** Purge for good, after typing the name; refused before any request under purge protection. */
export async function purgeItems(services: Services, kind: OwnKind, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const targets = await resolveDeleted(services, kind, node, nodes, 'Purge');
  for (const t of targets) {
    const refusal = purgeRefusal(kind, t);
    if (refusal) throw new Error(refusal);
  }
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const purged: string[] = [];
  for (const t of targets) {
    const name = t.item.name;
    const owned = kind === 'certificate' ? ' Its key and secret are purged with it.' : '';
    const typed = await services.ui.showInputBox({
      title: `Purge ${kind} ${name} from ${t.vault.name} — permanent`,
      prompt: `Purging destroys every version of "${name}" for good: it cannot be recovered.${owned} Type the name to confirm.`,
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === name ? undefined : `Type ${name} exactly to purge it.`),
    });
    if (typed === undefined) throw new UserCancelled();
    if (typed !== name) throw new Error(`The name you typed does not match "${name}": nothing was purged.`);
    try {
      await ops[kind].purge(sdk, vaults, t.vault.vaultUrl, name);
    } catch (error) {
      fail(error, kind, 'purge', t.vault, name);
    }
    services.log.info(`purged ${kind} ${name} from ${t.vault.name}`);
    purged.push(name);
    await refreshAfter(services, kind, t.vault, t.node, true);
  }
  services.ui.notify(`Purged ${purged.join(', ')}`);
  return purged;
}
