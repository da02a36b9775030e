// What both exports start with (issue 21): the vault (its row, its Secrets group, or picked), its secrets listed
// (names and attributes only: one listing, pages of 25) and the user's choice of them in a quick pick — all ticked
// unless `untick` says otherwise; a certificate's own secret and a disabled secret are flagged in their row.
import * as vscode from 'vscode';
import { allPages } from '../../azure/paging';
import type { ItemProperties } from '../../azure/model';
import { kindsOf, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { pickVault } from '../targets';

/** The vault an export reads: the one given, else one picked; a Managed HSM (no secrets) is refused. */
export async function exportVault(services: Services, given: VaultTarget | undefined, title: string): Promise<VaultTarget> {
  const vault = given ?? (await pickVault(services, title, 'secret'));
  if (!kindsOf(vault).includes('secret')) throw new Error(vscode.l10n.t('{0} is a Managed HSM: it holds keys only, no secrets.', vault.name));
  return vault;
}

/** The secrets of the vault (listing only: no value is read), sorted by name. */
export async function listSecrets(services: Services, vault: VaultTarget): Promise<ItemProperties[]> {
  const items = await request(services, { kind: 'secret', operation: 'list', vault }, (_sdk, vaults, url, options) => allPages((page) => vaults.listItems(url, 'secret', page), options.abortSignal));
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}

/** What a row of the pick says about a secret beyond its name. */
function flags(item: ItemProperties): string {
  const words: string[] = [];
  if (item.managed) words.push(vscode.l10n.t('the secret of certificate {0}', item.name));
  if (item.enabled === false) words.push(vscode.l10n.t('disabled'));
  if (item.contentType) words.push(item.contentType);
  return words.join(' · ');
}

/** The secrets the user ticks (`untick(item)`: offered unticked); cancelled or none ticked: UserCancelled. */
export async function pickSecrets(services: Services, items: readonly ItemProperties[], title: string, placeHolder: string, untick: (item: ItemProperties) => boolean = () => false): Promise<ItemProperties[]> {
  const rows = items.map((item) => ({ label: item.name, description: flags(item), picked: !untick(item), item }));
  const chosen = await services.ui.pickMany(rows, { title, placeHolder, matchOnDescription: true });
  if (!chosen || chosen.length === 0) throw new UserCancelled();
  return chosen.map((c) => c.item);
}
