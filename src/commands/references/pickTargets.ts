// The objects an insert command writes references to: the rows selected in the view, or — from the palette — a
// kind, then a vault and an item (the item spec's palette picks).
import * as vscode from 'vscode';
import type { ItemProperties, ObjectKind } from '../../azure/model';
import { allPages } from '../../azure/paging';
import { referenceTargetOfItem, targetsOfRows } from '../../model/referenced';
import type { NodeTarget, VaultTarget } from '../../model/targets';
import { itemState, stateText } from '../../presentation/format';
import { kindName, kindNames } from '../../model/kindWords';
import type { ReferenceTarget } from '../../references';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { pickVault } from '../targets';
import { request } from '../failures';

/** A row of the vaults view, as far as inserting cares: what it stands for. */
export interface Row {
  readonly target?: NodeTarget;
}

export async function pickTargets(services: Services, row: Row | undefined, rows: readonly (Row | undefined)[]): Promise<ReferenceTarget[]> {
  const selected = targetsOfRows(row, rows.filter((r): r is Row => r !== undefined));
  if (selected.length > 0) return selected;
  if (row) throw new Error(vscode.l10n.t('Choose a secret, key or certificate (or one of its versions) in the Key Vault view to insert its reference.'));
  const kinds: { label: string; objectKind: ObjectKind }[] = [
    { label: `$(lock) ${vscode.l10n.t('Secret')}`, objectKind: 'secret' },
    { label: `$(key) ${vscode.l10n.t('Key')}`, objectKind: 'key' },
    { label: `$(verified) ${vscode.l10n.t('Certificate')}`, objectKind: 'certificate' },
  ];
  const kind = await services.ui.showQuickPick(kinds, { title: vscode.l10n.t('Insert a Key Vault reference'), placeHolder: vscode.l10n.t('What does the reference point at?') });
  if (!kind) throw new UserCancelled();
  const vault = await pickVault(services, vscode.l10n.t('Choose the vault of the {0}', kindName(kind.objectKind)), kind.objectKind);
  const picked = await services.ui.showQuickPick(listItems(services, vault, kind.objectKind), {
    title: vscode.l10n.t('Choose a {0} in {1}', kindName(kind.objectKind), vault.name),
    placeHolder: vscode.l10n.t('Type to search {0} by name', kindNames(kind.objectKind)),
    matchOnDescription: true,
  });
  if (!picked) throw new UserCancelled();
  return [referenceTargetOfItem({ vault, kind: kind.objectKind, name: picked.name })];
}

/** A state's icon in the picker, as in the tree (disabled, expired, expiring, not yet active). */
const stateIcons = { disabled: '$(circle-slash) ', expired: '$(error) ', expiring: '$(warning) ', notYetActive: '$(clock) ', ok: '' } as const;

/** The vault's objects of the kind, sorted by name, each with its state in the tree's words (expired 2 days ago…). */
async function listItems(services: Services, vault: VaultTarget, kind: ObjectKind): Promise<{ label: string; description?: string; name: string }[]> {
  const items = await request(services, { kind, operation: 'list', vault }, (_sdk, vaults, url, options) =>
    allPages((page) => vaults.listItems(url, kind, page), options.abortSignal),
  );
  const now = Date.now();
  const warningDays = services.settings.expiryWarningDays();
  return [...items]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((i: ItemProperties) => {
      const state = itemState(i, now, warningDays);
      const description = [i.managed ? vscode.l10n.t('managed by certificate') : i.contentType, stateText(state, i, now)].filter(Boolean).join(' · ');
      return { label: `${stateIcons[state]}${i.name}`, name: i.name, ...(description ? { description } : {}) };
    });
}
