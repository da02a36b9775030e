// What a command acts on — the ONE place that turns a command's arguments into a target: a tree row (its `target`),
// a hover link's or quick fix's plain-JSON argument, or — from the command palette — quick picks (vault, then item).
// Commands declare a spec (`vault()`, `item('secret')`, …) and the wrapper resolves it once before they run.
import * as vscode from 'vscode';
import { listVaultPlaces, noteVaultAccess, unreadableVaults } from '../auth/vaultDirectory';
import { classifyError } from '../azure/errors';
import type { KeyDetails } from '../azure/keyModel';
import type { DeletedItemProperties, ItemProperties, ObjectKind } from '../azure/model';
import { allPages } from '../azure/paging';
import { asReferencedObject, itemOfReferenced } from '../model/referenced';
import { kindsOf, vaultOfTarget, type ItemTarget, type NodeTarget, type VaultTarget } from '../model/targets';
import { kindName, kindNames } from '../model/kindWords';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';
import { fail, request } from './failures';
import { UserCancelled } from './cancelled';

/** How a command's arguments become its target and selection. */
export interface TargetSpec<T> {
  resolve(services: Services, args: readonly unknown[]): Promise<{ readonly target: T; readonly selection: readonly T[] }>;
}

const one = <T>(target: T) => ({ target, selection: [target] as readonly T[] });

/** The row's target, when the argument is a row of the vaults view. */
function rowTarget(arg: unknown): NodeTarget | undefined {
  return isRow(arg) ? arg.target : undefined;
}

/** The arguments a tree command was invoked with (clicked row, selection), the clicked one first. */
function rowArgs(args: readonly unknown[]): unknown[] {
  const [first, all] = args;
  const selection: readonly unknown[] = Array.isArray(all) ? all : [];
  return selection.length > 0 ? [first, ...selection.filter((n) => n !== first)] : [first];
}

/** The targets of the rows a tree command was invoked on: the clicked row first, then the rest of the selection. */
function rows(args: readonly unknown[]): NodeTarget[] {
  return rowArgs(args)
    .map(rowTarget)
    .filter((t): t is NodeTarget => t !== undefined);
}

const isRow = (arg: unknown): arg is TreeNode => typeof arg === 'object' && arg !== null && 'id' in arg && 'getTreeItem' in arg;

/** The command's own arguments, as given (commands that take an id, a URI, a range, a URL…). */
export function args(): TargetSpec<readonly unknown[]> {
  return { resolve: (_services, given) => Promise.resolve(one(given)) };
}

/** The row itself, for the view's own commands (Load more, Filter…, Refresh); undefined from the palette. */
export function row(): TargetSpec<TreeNode | undefined> {
  return {
    resolve: (_services, given) => {
      const selection = rowArgs(given).filter(isRow);
      return Promise.resolve({ target: selection[0], selection });
    },
  };
}

/**
 * Why a vault could not be read, in a few words, when the failure says the user has no access (a role, the access
 * policy, the firewall); undefined for other failures (those may pass: nothing is marked).
 */
export function accessProblem(error: unknown): string | undefined {
  const failure = classifyError(error);
  if (failure.kind !== 'forbidden') return undefined;
  switch (failure.forbiddenReason) {
    case 'rbac':
      return vscode.l10n.t('no data-plane role on this vault');
    case 'policy':
      return vscode.l10n.t('its access policies do not include you');
    case 'firewall':
      return vscode.l10n.t('its firewall blocks your network');
    default:
      return failure.message;
  }
}

/** Remembers whether listing a vault worked (clears its mark) or was refused (marks it in later pickers). */
export async function noteListing(services: Services, vault: VaultTarget, error?: unknown): Promise<void> {
  await noteVaultAccess(services.context, vault.vaultUrl, error === undefined ? undefined : accessProblem(error));
}

/**
 * A vault picked from every vault the user can see; each says its subscription and directory (as the Azure
 * Resources pickers do), and one the user could not read the last time is marked with the reason, not hidden.
 */
export async function pickVault(services: Services, title: string, holds?: ObjectKind): Promise<VaultTarget> {
  const items = listVaultPlaces(services).then((places) => {
    const unreadable = unreadableVaults(services.context);
    // A Managed HSM holds keys only: it is not offered for secrets or certificates.
    return places.filter(({ vault }) => !holds || kindsOf(vault).includes(holds)).map(({ vault, subscription, directory }) => {
      const where = vault.attached ? [vscode.l10n.t('attached'), vault.vaultUrl] : [subscription ?? vault.info?.subscriptionId, directory, vault.info?.resourceGroup];
      const problem = unreadable[vault.vaultUrl];
      return {
        label: problem ? `$(warning) ${vault.name}` : vault.name,
        description: where.filter(Boolean).join(' · '),
        ...(problem ? { detail: vscode.l10n.t('Could not read this vault last time: {0}', problem) } : {}),
        vault,
      };
    });
  });
  const picked = await services.ui.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to search vaults by name'), matchOnDescription: true });
  if (!picked) throw new UserCancelled();
  return picked.vault;
}

/** The vault of the row (a vault, or anything in one), or one picked; the selection holds every selected vault row. */
export function vault(title: () => string = () => vscode.l10n.t('Choose a key vault'), holds?: ObjectKind): TargetSpec<VaultTarget> {
  return {
    async resolve(services, given) {
      const selected = rows(given);
      const fromRow = vaultOfTarget(selected[0]);
      if (fromRow) return { target: fromRow, selection: selected.flatMap((t) => (t.type === 'vault' ? [t.vault] : [])) };
      return one(await pickVault(services, title(), holds));
    },
  };
}

/**
 * The attached vaults a Detach acts on: the selected attached vault rows, or — from the palette, or when no
 * attached vault is selected — one picked among the attached vaults only (not every vault, as `vault()` would).
 */
export function attachedVault(): TargetSpec<VaultTarget> {
  return {
    async resolve(services, given) {
      const attached = rows(given).flatMap((t) => (t.type === 'vault' && t.vault.attached ? [t.vault] : []));
      if (attached[0]) return { target: attached[0], selection: attached };
      const picked = await services.ui.showQuickPick(
        services.attachedVaults.list().map((v) => ({ label: v.name, description: v.url, vault: { name: v.name, vaultUrl: v.url, attached: true } })),
        { title: vscode.l10n.t('Detach a vault'), placeHolder: vscode.l10n.t('Vault to remove from the view') },
      );
      if (!picked) throw new UserCancelled();
      return { target: picked.vault, selection: [picked.vault] };
    },
  };
}

/** What the row stands for, or a picked vault. */
export function anyTarget(title: () => string): TargetSpec<NodeTarget> {
  return {
    async resolve(services, given) {
      const selected = rows(given);
      if (selected[0]) return { target: selected[0], selection: selected };
      return one({ type: 'vault', vault: await pickVault(services, title()) });
    },
  };
}

/**
 * A secret, key or certificate (or a version, or a deleted one) of `kind`: from its row, from a link's argument, or
 * picked (vault first, then the item by name). The selection holds every selected row of that kind.
 */
export function item(kind: ObjectKind, usable?: KeyUse): TargetSpec<ItemTarget> {
  return {
    async resolve(services, given) {
      const selected = rows(given).flatMap((t) => (t.type === 'item' && t.item.kind === kind ? [t.item] : []));
      if (selected[0]) return { target: selected[0], selection: selected };
      const referenced = asReferencedObject(given[0]);
      if (referenced && referenced.kind === kind) return one(itemOfReferenced(referenced));
      const fromRow = vaultOfTarget(rows(given)[0]);
      const inVault = fromRow ?? (await pickVault(services, vscode.l10n.t('Choose the vault of the {0}', kindName(kind)), kind));
      const picked = await services.ui.showQuickPick(listNames(services, inVault, kind, usable), {
        title: usable ? usable.title(inVault.name) : vscode.l10n.t('Choose a {0} in {1}', kindName(kind), inVault.name),
        placeHolder: vscode.l10n.t('Type to search {0} by name', kindNames(kind)),
      });
      if (!picked) throw new UserCancelled();
      return one({ vault: inVault, kind, name: picked.label, ...(picked.managed ? { managed: true } : {}) });
    },
  };
}

/** Deleted items of `kind`: the selected deleted rows, or one picked (vault, then its deleted items of the kind). */
export function deletedItem(kind: ObjectKind, verb: 'recover' | 'purge'): TargetSpec<ItemTarget> {
  return {
    async resolve(services, given) {
      const selected = rows(given).flatMap((t) => (t.type === 'item' && t.item.kind === kind && t.item.deleted ? [t.item] : []));
      if (selected[0]) return { target: selected[0], selection: selected };
      const fromRow = vaultOfTarget(rows(given)[0]);
      const inVault = fromRow ?? (await pickVault(services, verb === 'recover' ? vscode.l10n.t('Recover: choose the vault') : vscode.l10n.t('Purge: choose the vault'), kind));
      const items = listDeleted(services, inVault, kind).then((deleted) =>
        deleted.map((d) => ({
          label: d.name,
          description: [
            d.deletedOn ? vscode.l10n.t('deleted {0}', d.deletedOn.toISOString().slice(0, 10)) : undefined,
            d.scheduledPurgeDate ? vscode.l10n.t('purged {0}', d.scheduledPurgeDate.toISOString().slice(0, 10)) : undefined,
          ].filter(Boolean).join(' · '),
          deleted: d,
        })),
      );
      const title = verb === 'recover' ? vscode.l10n.t('Recover: choose a deleted {0} in {1}', kindName(kind), inVault.name) : vscode.l10n.t('Purge: choose a deleted {0} in {1}', kindName(kind), inVault.name);
      const picked = await services.ui.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to search deleted {0} by name', kindNames(kind)) });
      if (!picked) throw new UserCancelled();
      return one({ vault: inVault, kind, name: picked.label, deleted: picked.deleted, ...(picked.deleted.managed ? { managed: true } : {}) });
    },
  };
}

/** Which keys a picker offers: those `allows` accepts (their type and operations), checked with one GET each. */
export interface KeyUse {
  allows(details: KeyDetails): boolean;
  /** The picker's title. */
  title(vaultName: string): string;
  /** Said when no key of the vault allows the use. */
  none(vaultName: string): string;
}

const DETAILS_AT_ONCE = 8;

/** The details of each key (a bounded number of GETs at a time); undefined for one that could not be read. */
async function keyDetailsOf(services: Services, vault: VaultTarget, items: readonly ItemProperties[]): Promise<(KeyDetails | undefined)[]> {
  const out: (KeyDetails | undefined)[] = new Array<KeyDetails | undefined>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const name = items[index]!.name;
      out[index] = await request(services, { kind: 'key', operation: 'read', vault, name }, (sdk, vaults, url, options) => sdk.keyOps.getKeyDetails(vaults, url, name, undefined, options)).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DETAILS_AT_ONCE, items.length) }, worker));
  return out;
}

/** Every name of a kind in a vault (all pages), for a quick pick; for a key use, only the keys that allow it. */
async function listNames(services: Services, vault: VaultTarget, kind: ObjectKind, usable?: KeyUse): Promise<{ label: string; description?: string; managed?: boolean }[]> {
  const { vaults } = await services.clients.get();
  let items: ItemProperties[];
  try {
    items = await allPages((request) => vaults.listItems(vault.vaultUrl, kind, request));
  } catch (error) {
    await noteListing(services, vault, error);
    return fail(services, error, { kind, operation: 'list', vault });
  }
  await noteListing(services, vault);
  if (usable) {
    // A crypto picker: the usable keys, each with its type and (for a certificate's key) whose it is.
    const details = await keyDetailsOf(services, vault, items);
    const keys = items.flatMap((item, i) => {
      const d = details[i];
      if (!d?.enabled || !usable.allows(d)) return [];
      return [{ label: item.name, description: [d.keyType, item.managed ? vscode.l10n.t('key of certificate {0}', item.name) : undefined].filter(Boolean).join(' · ') }];
    });
    if (keys.length === 0) throw new Error(usable.none(vault.name));
    return keys.sort((a, b) => a.label.localeCompare(b.label));
  }
  const names = items.map((i) => ({ label: i.name, ...(i.enabled === false ? { description: vscode.l10n.t('disabled') } : i.contentType ? { description: i.contentType } : {}), ...(i.managed ? { managed: true } : {}) }));
  return names.sort((a, b) => a.label.localeCompare(b.label));
}

/** Every deleted item of a kind in a vault (all pages), sorted by name; refused when there is none. */
async function listDeleted(services: Services, vault: VaultTarget, kind: ObjectKind): Promise<DeletedItemProperties[]> {
  const { vaults } = await services.clients.get();
  let all: DeletedItemProperties[];
  try {
    all = await allPages((request) => vaults.listDeleted(vault.vaultUrl, kind, request));
  } catch (error) {
    return fail(services, error, { kind, operation: 'list', vault });
  }
  if (all.length === 0) throw new Error(vscode.l10n.t('{0} has no deleted {1}.', vault.name, kindNames(kind)));
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
