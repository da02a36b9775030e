// Expiry states rolled up from items to their group and vault, and what a decoration shows for them (pure:
// no vscode, so unit tests cover every case). Colours are theme colour ids.
import * as l10n from '@vscode/l10n';
import type { ItemState } from './format';

export interface Rollup {
  readonly expired: number;
  readonly expiring: number;
  readonly disabled: number;
  readonly notYetActive: number;
}

export const emptyRollup: Rollup = { expired: 0, expiring: 0, disabled: 0, notYetActive: 0 };

export function addState(r: Rollup, state: ItemState): Rollup {
  switch (state) {
    case 'expired':
      return { ...r, expired: r.expired + 1 };
    case 'expiring':
      return { ...r, expiring: r.expiring + 1 };
    case 'disabled':
      return { ...r, disabled: r.disabled + 1 };
    case 'notYetActive':
      return { ...r, notYetActive: r.notYetActive + 1 };
    case 'ok':
      return r;
  }
}

export function rollupOf(states: readonly ItemState[]): Rollup {
  return states.reduce(addState, emptyRollup);
}

export function sum(...rs: readonly Rollup[]): Rollup {
  return rs.reduce((a, b) => ({ expired: a.expired + b.expired, expiring: a.expiring + b.expiring, disabled: a.disabled + b.disabled, notYetActive: a.notYetActive + b.notYetActive }), emptyRollup);
}

/** Per count, the larger of two views of the same items (what is loaded in the tree, what a scan listed). */
export function widest(a: Rollup, b: Rollup | undefined): Rollup {
  if (!b) return a;
  return { expired: Math.max(a.expired, b.expired), expiring: Math.max(a.expiring, b.expiring), disabled: Math.max(a.disabled, b.disabled), notYetActive: Math.max(a.notYetActive, b.notYetActive) };
}

export function sameRollup(a: Rollup | undefined, b: Rollup | undefined): boolean {
  return !!a && !!b && a.expired === b.expired && a.expiring === b.expiring && a.disabled === b.disabled && a.notYetActive === b.notYetActive;
}

export const colors = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  disabled: 'disabledForeground',
} as const;

export interface DecorationSpec {
  readonly badge?: string;
  readonly color?: string;
  readonly tooltip: string;
}

/** An item's decoration: expired (!, error), expiring (days left, warning), disabled (D), not yet active (N). */
export function itemDecoration(state: ItemState, daysLeft: number | undefined): DecorationSpec | undefined {
  switch (state) {
    case 'expired':
      return { badge: '!', color: colors.error, tooltip: l10n.t('Expired') };
    case 'expiring': {
      const d = Math.max(0, daysLeft ?? 0);
      return { badge: d > 99 ? '99' : String(d), color: colors.warning, tooltip: d === 0 ? l10n.t('Expires today') : d === 1 ? l10n.t('Expires in 1 day') : l10n.t('Expires in {0} days', d) };
    }
    case 'disabled':
      return { badge: 'D', color: colors.disabled, tooltip: l10n.t('Disabled') };
    case 'notYetActive':
      return { badge: 'N', color: colors.disabled, tooltip: l10n.t('Not yet active') };
    case 'ok':
      return undefined;
  }
}

/** "1 expired · 2 expiring within 30 days · 1 disabled · 1 not yet active". */
export function describeRollup(r: Rollup, warningDays: number): string {
  return [
    r.expired ? l10n.t('{0} expired', r.expired) : undefined,
    r.expiring ? l10n.t('{0} expiring within {1} days', r.expiring, warningDays) : undefined,
    r.disabled ? l10n.t('{0} disabled', r.disabled) : undefined,
    r.notYetActive ? l10n.t('{0} not yet active', r.notYetActive) : undefined,
  ].filter(Boolean).join(' · ');
}

/**
 * A group's or vault's decoration: the badge counts what needs attention (expired + expiring, "9+" above 9),
 * the colour is the worst state (expired → error, expiring → warning); disabled and not-yet-active items only
 * show in the tooltip (a grey vault would read as a disabled vault). Nothing when all is well.
 */
export function rollupDecoration(r: Rollup, warningDays: number): DecorationSpec | undefined {
  const tooltip = describeRollup(r, warningDays);
  if (!tooltip) return undefined;
  const urgent = r.expired + r.expiring;
  return {
    ...(urgent ? { badge: urgent > 9 ? '9+' : String(urgent) } : {}),
    ...(r.expired ? { color: colors.error } : r.expiring ? { color: colors.warning } : {}),
    tooltip,
  };
}
