import * as vscode from 'vscode';
import type { DeletedItemProperties, ItemProperties } from '../azure/model';
import { formatDate, itemState, relativeDays, stateText, type ItemState } from './format';
import { kindLabels, kindName } from '../model/kindWords';
import { mdCode, mdText } from './markdown';

const stateColors: Partial<Record<ItemState, string>> = {
  disabled: 'disabledForeground',
  expired: 'problemsErrorIcon.foreground',
  expiring: 'problemsWarningIcon.foreground',
  notYetActive: 'descriptionForeground',
};

/**
 * Icon and description of a secret/key/certificate or one of its versions (what a row shows; its tooltip is built on
 * hover: itemTooltip). Never a value.
 */
export function presentItem(item: ItemProperties, now: number, warningDays: number, extra: { current?: boolean } = {}) {
  const state = itemState(item, now, warningDays);
  // One rule for colours and counts: the certificate stands for the secret and key it manages (its row is coloured
  // and counted, as in "Expiring Soon…"); theirs only say their state in words, so no group counts a row twice.
  const decorated: ItemState = item.managed ? 'ok' : state;
  const color = stateColors[decorated];
  const iconName = state === 'disabled' ? 'circle-slash' : state === 'notYetActive' ? 'clock' : kindLabels[item.kind].icon;
  const icon = new vscode.ThemeIcon(iconName, color ? new vscode.ThemeColor(color) : undefined);
  // Lists carry no key type (kty comes only with a GET per key): keys show it when a later call supplied it.
  const detail = item.managed ? vscode.l10n.t('managed by certificate') : item.kind === 'secret' ? item.contentType : item.kind === 'key' ? item.keyType : undefined;
  const description = [extra.current ? vscode.l10n.t('current') : undefined, detail, stateText(state, item, now)].filter(Boolean).join(' · ');
  const facets = [item.kind, item.enabled === false ? 'disabled' : 'enabled', ...(state !== 'ok' && state !== 'disabled' ? [state] : []), ...(item.managed ? ['managed'] : [])];
  return { icon, description, facets, state, decorated };
}

/**
 * The markdown tooltip of a secret/key/certificate or version row, built when the row is hovered (resolveTreeItem),
 * never for every row listed. Never a value. What the vault says (names, ids, content types, tags) goes in as text
 * (./markdown.ts): no link, no image.
 */
export function itemTooltip(item: ItemProperties, now: number, label = item.name): vscode.MarkdownString {
  return new vscode.MarkdownString(
    [
      vscode.l10n.t('**{0}** ({1})', mdText(label), kindName(item.kind)),
      '',
      vscode.l10n.t('ID: {0}', mdCode(item.id)),
      item.enabled === false ? vscode.l10n.t('Enabled: no') : vscode.l10n.t('Enabled: yes'),
      ...(item.contentType ? [vscode.l10n.t('Content type: {0}', mdText(item.contentType))] : []),
      ...(item.keyType ? [vscode.l10n.t('Key type: {0}', mdText(item.keyType))] : []),
      vscode.l10n.t('Activation: {0}', formatDate(item.notBefore)),
      item.expiresOn ? vscode.l10n.t('Expiration: {0} ({1})', formatDate(item.expiresOn), relativeDays(item.expiresOn, now)) : vscode.l10n.t('Expiration: {0}', formatDate(item.expiresOn)),
      vscode.l10n.t('Created: {0} · Updated: {1}', formatDate(item.createdOn), formatDate(item.updatedOn)),
      ...(item.managed ? [vscode.l10n.t('Managed by the certificate of the same name')] : []),
      ...(item.tags && Object.keys(item.tags).length ? [vscode.l10n.t('Tags: {0}', mdText(Object.entries(item.tags).map(([k, v]) => `${k}=${v}`).join(', ')))] : []),
    ].join('  \n'),
  );
}

/** Icon and description of a deleted object's row (its tooltip: deletedTooltip, on hover). */
export function presentDeleted(item: DeletedItemProperties, now: number) {
  const parts = [
    item.deletedOn ? vscode.l10n.t('deleted {0}', relativeDays(item.deletedOn, now)) : vscode.l10n.t('deleted'),
    item.scheduledPurgeDate ? vscode.l10n.t('purged {0}', relativeDays(item.scheduledPurgeDate, now)) : undefined,
  ];
  return { icon: new vscode.ThemeIcon('trash'), description: parts.filter(Boolean).join(' · ') };
}

/** The markdown tooltip of a deleted object's row, built on hover. */
export function deletedTooltip(item: DeletedItemProperties): vscode.MarkdownString {
  return new vscode.MarkdownString(
    [
      vscode.l10n.t('**{0}** (deleted {1})', mdText(item.name), kindName(item.kind)),
      '',
      vscode.l10n.t('Deleted: {0}', formatDate(item.deletedOn)),
      vscode.l10n.t('Scheduled purge: {0}', formatDate(item.scheduledPurgeDate)),
      ...(item.recoveryId ? [vscode.l10n.t('Recovery ID: {0}', mdCode(item.recoveryId))] : []),
      ...(item.recoveryLevel ? [vscode.l10n.t('Recovery level: {0}', mdText(item.recoveryLevel))] : []),
    ].join('  \n'),
  );
}
