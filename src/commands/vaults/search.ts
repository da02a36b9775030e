import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { classifyError } from '../../azure/errors';
import type { ItemProperties, ObjectKind, PageRequest } from '../../azure/model';
import { kindsOf, type VaultTarget } from '../../model/targets';
import { itemState, stateText } from '../../presentation/format';
import { kindName, kindNames } from '../../model/kindWords';
import type { Services } from '../../services';
import { explainFailure } from '../explain';
import { accessProblem, noteListing } from '../targets';
import { UserCancelled } from '../wrapper';
import { streamListings } from './searchStream';

interface Found extends vscode.QuickPickItem {
  readonly vault: VaultTarget;
  /** Absent on the row that says a vault could not be read: picking that row explains why, it reveals nothing. */
  readonly item?: ItemProperties;
  /** Why the vault could not be read, with the role to ask for (on the row that says so). */
  readonly explanation?: string;
}

const icons: Record<ObjectKind, string> = { secret: 'lock', key: 'key', certificate: 'verified' };
/**
 * Listings (one kind of one vault) in flight at once: four vaults' three kinds. Each vault is a host of its own (the
 * per-vault cap of 4 is not reached), and 30 vaults are not 90 requests at once.
 */
const LISTINGS_AT_ONCE = 12;
/** The largest page the data plane gives: the fewest requests per listing. */
const PAGE_SIZE = 25;

/**
 * "Search Key Vault…": one quick pick over every secret, key and certificate of the listed vaults. Results stream
 * in page by page as each listing's pages arrive (6 listings at a time; each page of each kind of each vault is
 * asked for once, ⌈items/25⌉ pages per kind), so the first result shows after one round trip. Closing the picker
 * aborts what is in flight. Picking one reveals it in the tree. Returns the revealed node's id.
 */
export async function search(services: Services): Promise<string | undefined> {
  const picked = await services.ui.showStreamingQuickPick((signal) => results(services, signal), {
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
    description: failed.length === kindsOf(vault).length ? vscode.l10n.t('could not be read') : vscode.l10n.t('could not list {0}', failed.map((f) => kindNames(f.kind)).join(', ')),
    detail: reason,
    alwaysShow: true,
    vault,
    explanation: explainFailure(classifyError(first.error), { kind: first.kind, operation: 'list', vault }),
  };
}

async function* results(services: Services, signal: AbortSignal): AsyncGenerator<Found[]> {
  const vaults = await listAllVaults(services);
  const { vaults: clients } = await services.clients.get();
  if (signal.aborted) return;
  const now = Date.now();
  const warningDays = services.settings.expiryWarningDays();
  const unread: Found[] = [];
  const listPage = (vault: VaultTarget, kind: ObjectKind, request: PageRequest) => clients.listItems(vault.vaultUrl, kind, request);
  // A Managed HSM is searched for keys only (kindsOf).
  for await (const event of streamListings(vaults, kindsOf, listPage, {
    concurrency: LISTINGS_AT_ONCE,
    pageSize: PAGE_SIZE,
    signal,
    // A vault new to this session meets its auth challenge once (one listing first), not once per kind.
    opened: (vault) => clients.challengeKnown(vault.vaultUrl),
  })) {
    if (event.type === 'page') {
      const { vault, kind } = event;
      yield event.items.map((item): Found => {
        const state = stateText(itemState(item, now, warningDays), item, now);
        return { label: `$(${icons[kind]}) ${item.name}`, description: `${vault.name} · ${kindName(kind)}`, ...(state ? { detail: state } : {}), vault, item };
      });
      continue;
    }
    const { vault, failures } = event;
    for (const f of failures) services.log.warn(`search: ${vault.name} ${f.kind}s: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    await noteListing(services, vault, failures.length === kindsOf(vault).length ? failures[0]!.error : undefined);
    if (failures.length) unread.push(unreadRow(vault, failures));
  }
  // The vaults that could not be read come last, together, so they do not break up the results.
  if (unread.length && !signal.aborted) yield [{ label: vscode.l10n.t('Could not be read'), kind: vscode.QuickPickItemKind.Separator, vault: unread[0]!.vault }, ...unread];
}
