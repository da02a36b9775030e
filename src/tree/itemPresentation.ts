import * as vscode from 'vscode';
import type { DeletedItemProperties, ItemProperties } from '../azure/model';
import { formatDate, itemState, relativeDays, stateText, type ItemState } from './format';
import { kindLabels } from './ItemGroupNode';

const stateColors: Partial<Record<ItemState, string>> = {
  disabled: 'disabledForeground',
  expired: 'problemsErrorIcon.foreground',
  expiring: 'problemsWarningIcon.foreground',
  notYetActive: 'descriptionForeground',
};

/** Icon, description and tooltip of a secret/key/certificate or one of its versions. Never a value. */
export function presentItem(item: ItemProperties, now: number, warningDays: number, extra: { current?: boolean; label?: string } = {}) {
  const state = itemState(item, now, warningDays);
  const color = stateColors[state];
  const iconName = state === 'disabled' ? 'circle-slash' : state === 'notYetActive' ? 'clock' : kindLabels[item.kind].icon;
  const icon = new vscode.ThemeIcon(iconName, color ? new vscode.ThemeColor(color) : undefined);
  // Lists carry no key type (kty comes only with a GET per key): keys show it when a later call supplied it.
  const detail = item.managed ? 'managed by certificate' : item.kind === 'secret' ? item.contentType : item.kind === 'key' ? item.keyType : undefined;
  const description = [extra.current ? 'current' : undefined, detail, stateText(state, item, now)].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString(
    [
      `**${extra.label ?? item.name}** (${item.kind})`,
      '',
      `ID: \`${item.id}\``,
      `Enabled: ${item.enabled === false ? 'no' : 'yes'}`,
      ...(item.contentType ? [`Content type: ${item.contentType}`] : []),
      ...(item.keyType ? [`Key type: ${item.keyType}`] : []),
      `Activation: ${formatDate(item.notBefore)}`,
      `Expiration: ${formatDate(item.expiresOn)}${item.expiresOn ? ` (${relativeDays(item.expiresOn, now)})` : ''}`,
      `Created: ${formatDate(item.createdOn)} · Updated: ${formatDate(item.updatedOn)}`,
      ...(item.managed ? ['Managed by the certificate of the same name'] : []),
      ...(item.tags && Object.keys(item.tags).length ? [`Tags: ${Object.entries(item.tags).map(([k, v]) => `${k}=${v}`).join(', ')}`] : []),
    ].join('  \n'),
  );
  const facets = [item.kind, item.enabled === false ? 'disabled' : 'enabled', ...(state !== 'ok' && state !== 'disabled' ? [state] : []), ...(item.managed ? ['managed'] : [])];
  return { icon, description, tooltip, facets, state };
}

export function presentDeleted(item: DeletedItemProperties, now: number) {
  const parts = [item.deletedOn ? `deleted ${relativeDays(item.deletedOn, now)}` : 'deleted', item.scheduledPurgeDate ? `purged ${relativeDays(item.scheduledPurgeDate, now)}` : undefined];
  const tooltip = new vscode.MarkdownString(
    [
      `**${item.name}** (deleted ${item.kind})`,
      '',
      `Deleted: ${formatDate(item.deletedOn)}`,
      `Scheduled purge: ${formatDate(item.scheduledPurgeDate)}`,
      ...(item.recoveryId ? [`Recovery ID: \`${item.recoveryId}\``] : []),
      ...(item.recoveryLevel ? [`Recovery level: ${item.recoveryLevel}`] : []),
    ].join('  \n'),
  );
  return { icon: new vscode.ThemeIcon('trash'), description: parts.filter(Boolean).join(' · '), tooltip };
}
