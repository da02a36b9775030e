import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { classifyError } from '../../azure/errors';
import type { ItemProperties, ObjectKind } from '../../azure/model';
import type { VaultTarget } from '../../model/targets';
import { itemState, stateText } from '../../presentation/format';
import { kindName, kindNames } from '../../presentation/kindWords';
import type { Services } from '../../services';
import { explainFailure } from '../explain';
import { accessProblem, noteListing } from '../targets';
import { UserCancelled } from '../wrapper';

interface Found extends vscode.QuickPickItem {
  readonly vault: VaultTarget;
  /** Absent on the row that says a vault could not be read: picking that row explains why, it reveals nothing. */
  readonly item?: ItemProperties;
  /** Why the vault could not be read, with the role to ask for (on the row that says so). */
  readonly explanation?: string;
}

const kinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];
const icons: Record<ObjectKind, string> = { secret: 'lock', key: 'key', certificate: 'verified' };
const VAULTS_AT_ONCE = 4;

/**
 * "Search Key Vault…": one quick pick over every secret, key and certificate of the listed vaults. Results stream
 * in as each vault's listings arrive (4 vaults at a time; per vault 3 listings × ⌈items/25⌉ pages). Picking one
 * reveals it in the tree. Returns the revealed node's id.
 */
export async function search(services: Services): Promise<string | undefined> {
  const picked = await services.ui.showStreamingQuickPick(results(services), {
    title: vscode.l10n.t('Search Key Vault'),
    placeholder: vscode.l10n.t('Type part of a name: secrets, keys and certificates of every listed vault'),
  });
  if (!picked) throw new UserCancelled();
  if (!picked.item) throw new Error(picked.explanation ?? vscode.l10n.t('{0} could not be read.', picked.vault.name));
  const found = { vault: picked.vault, kind: picked.item.kind, name: picked.item.name };
  const id = await services.view.reveal(found, { focus: true });
  if (!id) throw new Error(vscode.l10n.t('{0} is no longer listed in {1}. Refresh the view and try again.', picked.item.name, picked.vault.name));
  return id;
}

/**
 * The row that says a vault (or some of its kinds) could not be read and why. VS Code has no disabled quick-pick
 * row and shows an extension's separator only as a label on the row after it, so this is a row that always shows
 * (whatever is typed) at the end of the list; picking it says what to ask for and reveals nothing.
 */
function unreadRow(vault: VaultTarget, failed: readonly { kind: ObjectKind; error: unknown }[]): Found {
  const first = failed[0]!;
  const reason = accessProblem(first.error) ?? classifyError(first.error).message;
  return {
    label: `$(circle-slash) ${vault.name}`,
    description: failed.length === kinds.length ? vscode.l10n.t('could not be read') : vscode.l10n.t('could not list {0}', failed.map((f) => kindNames(f.kind)).join(', ')),
    detail: reason,
    alwaysShow: true,
    vault,
    explanation: explainFailure(classifyError(first.error), { kind: first.kind, operation: 'list', vault }),
  };
}

async function* results(services: Services): AsyncGenerator<Found[]> {
  const vaults = await listAllVaults(services);
  const { vaults: clients } = await services.clients.get();
  const now = Date.now();
  const warningDays = services.settings.expiryWarningDays();
  const unread: Found[] = [];
  const listVault = async (vault: VaultTarget): Promise<Found[]> => {
    const found: Found[] = [];
    const failed: { kind: ObjectKind; error: unknown }[] = [];
    for (const kind of kinds) {
      let token: string | undefined;
      try {
        do {
          const page = await clients.listItems(vault.vaultUrl, kind, { continuationToken: token });
          for (const item of page.items) {
            const state = stateText(itemState(item, now, warningDays), item, now);
            found.push({ label: `$(${icons[kind]}) ${item.name}`, description: `${vault.name} · ${kindName(kind)}`, ...(state ? { detail: state } : {}), vault, item });
          }
          token = page.continuationToken;
        } while (token);
      } catch (error) {
        services.log.warn(`search: ${vault.name} ${kind}s: ${error instanceof Error ? error.message : String(error)}`);
        failed.push({ kind, error });
      }
    }
    await noteListing(services, vault, failed.length === kinds.length ? failed[0]!.error : undefined);
    if (failed.length) unread.push(unreadRow(vault, failed));
    return found;
  };
  const pending = new Map<number, Promise<{ index: number; found: Found[] }>>();
  let next = 0;
  const start = () => {
    const index = next++;
    pending.set(index, listVault(vaults[index]!).then((found) => ({ index, found })));
  };
  while (next < vaults.length && pending.size < VAULTS_AT_ONCE) start();
  while (pending.size) {
    const { index, found } = await Promise.race(pending.values());
    pending.delete(index);
    if (next < vaults.length) start();
    if (found.length) yield found;
  }
  // The vaults that could not be read come last, together, so they do not break up the results.
  if (unread.length) yield [{ label: vscode.l10n.t('Could not be read'), kind: vscode.QuickPickItemKind.Separator, vault: unread[0]!.vault }, ...unread];
}
