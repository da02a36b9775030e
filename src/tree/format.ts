// How states and dates read in the tree. Pure functions of their inputs (the caller passes `now`).
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

/** "in 3 days", "2 days ago", "today". */
export function relativeDays(date: Date, now: number): string {
  const days = Math.round((date.getTime() - now) / day);
  if (days === 0) return date.getTime() >= now ? 'today' : 'earlier today';
  if (days > 0) return days === 1 ? 'in 1 day' : `in ${days} days`;
  return days === -1 ? '1 day ago' : `${-days} days ago`;
}

export function stateText(state: ItemState, item: Pick<ItemProperties, 'expiresOn' | 'notBefore'>, now: number): string | undefined {
  switch (state) {
    case 'disabled':
      return 'disabled';
    case 'expired':
      return `expired ${relativeDays(item.expiresOn!, now)}`;
    case 'expiring':
      return `expires ${relativeDays(item.expiresOn!, now)}`;
    case 'notYetActive':
      return `active ${relativeDays(item.notBefore!, now)}`;
    case 'ok':
      return undefined;
  }
}

/** ISO date and time to the minute, UTC: unambiguous in tooltips. */
export function formatDate(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
