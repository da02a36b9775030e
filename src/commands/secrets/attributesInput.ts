// Prompts for a secret's content type, dates and tags, validated live against the service's limits and
// checked again after the prompt (a scripted or pasted answer gets the same refusal, before any request).
import * as vscode from 'vscode';
import { checkContentType, checkValidity, formatTags, parseDateInput, parseTags, type Tags } from '../../azure/rules';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

function orThrow<T>(parsed: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** Content type: empty means none (or keeps `current` when `keepOnEmpty`). */
export async function promptContentType(services: Services, title: string, value: string | undefined): Promise<string | undefined> {
  const input = await services.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('Content type (optional), e.g. text/plain, application/json, application/x-pem-file. At most 255 characters.'),
    value: value ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => checkContentType(v.trim()),
  });
  if (input === undefined) throw new UserCancelled();
  const contentType = input.trim();
  const problem = checkContentType(contentType);
  if (problem) throw new Error(problem);
  return contentType || undefined;
}

/** A date (expiry or activation); empty: none. Checked against the other date of the pair. */
export async function promptDate(
  services: Services,
  title: string,
  which: 'expiry' | 'activation',
  current: Date | undefined,
  other: Date | undefined,
): Promise<Date | undefined> {
  const now = Date.now();
  const check = (v: string): string | undefined => {
    const parsed = parseDateInput(v, now);
    if (!parsed.ok) return parsed.reason;
    return which === 'expiry' ? checkValidity(other, parsed.value, now) : checkValidity(parsed.value, other, now);
  };
  const input = await services.ui.showInputBox({
    title,
    prompt:
      which === 'expiry'
        ? vscode.l10n.t('Expiry date (optional): YYYY-MM-DD, an ISO date-time, or +90d, +6m, +1y. Expired secrets stay readable; apps should rotate before.')
        : vscode.l10n.t('Activation date, "not before" (optional): YYYY-MM-DD, an ISO date-time, or +1d. The value cannot be used before it.'),
    value: current ? current.toISOString() : '',
    ignoreFocusOut: true,
    validateInput: check,
  });
  if (input === undefined) throw new UserCancelled();
  const problem = check(input);
  if (problem) throw new Error(problem);
  return orThrow(parseDateInput(input, now));
}

/** Tags on one line, `name=value, name2=value2`; empty: none. */
export async function promptTags(services: Services, title: string, current: Tags | undefined): Promise<Record<string, string>> {
  const input = await services.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('Tags (optional): name=value, separated by commas. At most 15; names ≤ 512, values ≤ 256 characters.'),
    value: formatTags(current),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseTags(v);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (input === undefined) throw new UserCancelled();
  return orThrow(parseTags(input));
}
