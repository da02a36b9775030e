import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import type { ItemProperties, ObjectKind } from '../../azure/model';
import type { VaultTarget } from '../../model/targets';
import { itemState, stateText } from '../../presentation/format';
import { kindName } from '../../presentation/kindWords';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

interface Found extends vscode.QuickPickItem {
  readonly vault: VaultTarget;
  readonly item: ItemProperties;
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
  const found = { vault: picked.vault, kind: picked.item.kind, name: picked.item.name };
  const id = await services.view.reveal(found, { focus: true });
  if (!id) throw new Error(vscode.l10n.t('{0} is no longer listed in {1}. Refresh the view and try again.', picked.item.name, picked.vault.name));
  return id;
}

async function* results(services: Services): AsyncGenerator<Found[]> {
  const vaults = await listAllVaults(services);
  const { vaults: clients } = await services.clients.get();
  const now = Date.now();
  const warningDays = services.settings.expiryWarningDays();
  const listVault = async (vault: VaultTarget): Promise<Found[]> => {
    const found: Found[] = [];
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
      }
    }
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
}
