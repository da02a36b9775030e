// How states and dates read in the tree. Pure functions of their inputs (the caller passes `now`).
import * as l10n from '@vscode/l10n';
import type { ItemProperties } from '../azure/model';

const day = 24 * 60 * 60 * 1000;

export type ItemState = 'disabled' | 'expired' | 'expiring' | 'notYetActive' | 'ok';

export function itemState(item: Pick<ItemProperties, 'enabled' | 'expiresOn' | 'notBefore'>, now: number, warningDays: number): ItemState {
  if (item.enabled === false) return 'disabled';
  if (item.expiresOn && item.expiresOn.getTime() <= now) return 'expired';
  if (item.notBefore && item.notBefore.getTime() > now) return 'notYetActive';
  if (item.expiresOn && item.expiresOn.getTime() - now <= warningDays * day) return 'expiring';
  return 'ok';
}

/**
 * Whole days from `now` to `date`, rounded; 0 is the same day. The one day count of the tree: the descriptions
 * ("expires in 5 days") and the badges (5) both come from it.
 */
export function daysFrom(date: Date, now: number): number {
  return Math.round((date.getTime() - now) / day);
}

/** "in 3 days", "2 days ago", "today". */
export function relativeDays(date: Date, now: number): string {
  const days = daysFrom(date, now);
  if (days === 0) return date.getTime() >= now ? l10n.t('today') : l10n.t('earlier today');
  if (days > 0) return days === 1 ? l10n.t('in 1 day') : l10n.t('in {0} days', days);
  return days === -1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', -days);
}

/** "expired 2 days ago": one whole phrase per state and distance, so a translation can reorder it. */
function expiredText(date: Date, now: number): string {
  const days = daysFrom(date, now);
  if (days === 0) return date.getTime() >= now ? l10n.t('expired today') : l10n.t('expired earlier today');
  if (days > 0) return days === 1 ? l10n.t('expired in 1 day') : l10n.t('expired in {0} days', days);
  return days === -1 ? l10n.t('expired 1 day ago') : l10n.t('expired {0} days ago', -days);
}

function expiresText(date: Date, now: number): string {
  const days = daysFrom(date, now);
  if (days === 0) return date.getTime() >= now ? l10n.t('expires today') : l10n.t('expires earlier today');
  if (days > 0) return days === 1 ? l10n.t('expires in 1 day') : l10n.t('expires in {0} days', days);
  return days === -1 ? l10n.t('expires 1 day ago') : l10n.t('expires {0} days ago', -days);
}

function activeText(date: Date, now: number): string {
  const days = daysFrom(date, now);
  if (days === 0) return date.getTime() >= now ? l10n.t('active today') : l10n.t('active earlier today');
  if (days > 0) return days === 1 ? l10n.t('active in 1 day') : l10n.t('active in {0} days', days);
  return days === -1 ? l10n.t('active 1 day ago') : l10n.t('active {0} days ago', -days);
}

export function stateText(state: ItemState, item: Pick<ItemProperties, 'expiresOn' | 'notBefore'>, now: number): string | undefined {
  switch (state) {
    case 'disabled':
      return l10n.t('disabled');
    case 'expired':
      return expiredText(item.expiresOn!, now);
    case 'expiring':
      return expiresText(item.expiresOn!, now);
    case 'notYetActive':
      return activeText(item.notBefore!, now);
    case 'ok':
      return undefined;
  }
}

/** ISO date and time to the minute, UTC: unambiguous in tooltips. */
export function formatDate(date: Date | undefined): string {
  return date ? l10n.t('{0} UTC', date.toISOString().slice(0, 16).replace('T', ' ')) : '—';
}

/** A version row's label: its creation date and time to the minute, UTC ("2026-12-06 05:10"); the id without one. */
export function versionLabel(createdOn: Date | undefined, id: string): string {
  return createdOn ? createdOn.toISOString().slice(0, 16).replace('T', ' ') : id;
}

/** The first 8 characters of a version id (the full one is in the tooltip). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
