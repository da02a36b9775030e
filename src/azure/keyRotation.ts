// ISO 8601 durations and key rotation policies: parsing and the service's rules, checked before any request
// (pure; AZURE-FACTS.md "Objects": lifetimeActions rotate/notify with timeAfterCreate / timeBeforeExpiry, expiryTime).
import * as l10n from '@vscode/l10n';
import type { RotationAction, RotationPolicy } from './keyModel';

export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `PnYnMnWnDTnHnMnS` (integers, upper case; at least one part). Undefined when the text is not one. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const m = DURATION.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Approximate length in days (a year = 365 days, a month = 30), enough for the service's minimums. */
export function durationDays(d: IsoDuration): number {
  return d.years * 365 + d.months * 30 + d.weeks * 7 + d.days + d.hours / 24 + d.minutes / 1440 + d.seconds / 86400;
}

/** A reason when `text` is not an ISO 8601 duration of at least `minDays` days; undefined when it is fine. */
export function checkDuration(text: string, minDays: number, what: string): string | undefined {
  const d = parseIsoDuration(text);
  if (!d) return l10n.t('{0} must be an ISO 8601 duration such as P90D, P1Y or P3M (got "{1}").', what, text);
  if (durationDays(d) < minDays) return l10n.t('{0} must be at least {1} days (got {2}).', what, minDays, text);
  return undefined;
}

/** Normalises a duration as the user typed it (upper case, trimmed). */
export function normaliseDuration(text: string): string {
  return text.trim().toUpperCase();
}

/** Every rule the service applies to a rotation policy; an empty list when the policy is valid. */
export function validateRotationPolicy(policy: RotationPolicy): string[] {
  const problems: string[] = [];
  const actions = policy.lifetimeActions;
  for (const type of ['Rotate', 'Notify'] as const) {
    if (actions.filter((a) => a.action === type).length > 1) problems.push(l10n.t('At most one {0} action is allowed.', type));
  }
  for (const a of actions) problems.push(...checkAction(a));
  let expiryDays: number | undefined;
  if (policy.expiryTime !== undefined) {
    const p = checkDuration(policy.expiryTime, 28, l10n.t('The expiry time'));
    if (p) problems.push(p);
    else expiryDays = durationDays(parseIsoDuration(policy.expiryTime)!);
  }
  if (expiryDays !== undefined) {
    for (const a of actions) {
      const t = a.timeAfterCreate ?? a.timeBeforeExpiry;
      const d = t ? parseIsoDuration(t) : undefined;
      if (d && durationDays(d) >= expiryDays) problems.push(l10n.t('The {0} trigger ({1}) must be shorter than the expiry time ({2}).', a.action, t ?? '', policy.expiryTime ?? ''));
    }
  }
  return problems;
}

function checkAction(a: RotationAction): string[] {
  const triggers = [a.timeAfterCreate, a.timeBeforeExpiry].filter((t) => t !== undefined);
  if (triggers.length !== 1) return [l10n.t('The {0} action needs exactly one trigger: a time after creation or a time before expiry.', a.action)];
  if (a.action === 'Notify' && a.timeAfterCreate !== undefined) return [l10n.t('A Notify action can only trigger a time before expiry.')];
  const problem = a.timeAfterCreate !== undefined
    ? checkDuration(a.timeAfterCreate, 7, l10n.t('"{0} after creation"', a.action))
    : checkDuration(a.timeBeforeExpiry!, 7, l10n.t('"{0} before expiry"', a.action));
  return problem ? [problem] : [];
}

/** One line per action, for summaries: "Rotate 90 days after creation (P90D)". */
export function describeRotationPolicy(policy: RotationPolicy): string[] {
  const lines = policy.lifetimeActions.map((a) =>
    a.timeAfterCreate !== undefined ? l10n.t('{0} {1} after creation', a.action, a.timeAfterCreate) : l10n.t('{0} {1} before expiry', a.action, a.timeBeforeExpiry ?? '?'),
  );
  if (!policy.lifetimeActions.some((a) => a.action === 'Rotate')) lines.unshift(l10n.t('No automatic rotation'));
  lines.push(policy.expiryTime ? l10n.t('New versions expire {0} after creation', policy.expiryTime) : l10n.t('New versions have no expiry time'));
  return lines;
}
