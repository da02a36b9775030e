// Every prompt the commands share, for every object kind: names, dates, tags, content types — validated live
// against the service's rules and checked again after the prompt (a scripted or pasted answer gets the same
// refusal, before any request). Multi-step commands number their steps with `Steps`.
import * as vscode from 'vscode';
import { checkContentType, checkSecretName, checkValidity, formatTags, parseDateInput, parseTags, type Tags } from '../azure/rules';
import type { Services } from '../services';
import { UserCancelled } from './cancelled';

function orThrow<T>(parsed: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/**
 * The titles of a command that asks several things: "Create a key in kv (2/5)". Each prompt takes `steps.next()`
 * as its title, so the user sees where they are; the count is the most the command may ask.
 */
export class Steps {
  private step = 0;

  constructor(
    private readonly title: string,
    private readonly count: number,
  ) {}

  next(): string {
    this.step = Math.min(this.step + 1, this.count);
    return `${this.title} (${this.step}/${this.count})`;
  }
}

/** The name of a secret, key or certificate (letters, digits and hyphens, 1–127). */
export async function askName(services: Services, title: string, prompt: string, value?: string): Promise<string> {
  const name = await services.ui.showInputBox({ title, prompt, ...(value ? { value } : {}), placeHolder: vscode.l10n.t('letters, digits and hyphens'), ignoreFocusOut: true, validateInput: (v) => checkSecretName(v.trim()) });
  if (name === undefined) throw new UserCancelled();
  const problem = checkSecretName(name.trim());
  if (problem) throw new Error(problem);
  return name.trim();
}

export interface DateOptions {
  /** The expiry ("expires") or the activation date ("not before"). */
  readonly which: 'expiry' | 'activation';
  /** Shown under the box; each kind says what the date means for it. */
  readonly prompt?: string;
  readonly current?: Date;
  /** The other date of the pair, checked against this one (an expiry must come after the activation). */
  readonly other?: Date;
}

/** An optional date: YYYY-MM-DD, an ISO date-time or +90d/+6m/+1y; empty → undefined. A past expiry is refused. */
export async function askDate(services: Services, title: string, options: DateOptions): Promise<Date | undefined> {
  const now = Date.now();
  const check = (v: string): string | undefined => {
    const parsed = parseDateInput(v, now);
    if (!parsed.ok) return parsed.reason;
    if (options.which === 'activation') return checkValidity(parsed.value, options.other, now);
    return checkValidity(options.other, parsed.value, now);
  };
  const input = await services.ui.showInputBox({
    title,
    prompt:
      options.prompt ??
      (options.which === 'expiry'
        ? vscode.l10n.t('Expiry date (optional): YYYY-MM-DD, an ISO date-time, or +90d, +6m, +1y. Expired secrets stay readable; apps should rotate before.')
        : vscode.l10n.t('Activation date, "not before" (optional): YYYY-MM-DD, an ISO date-time, or +1d. The value cannot be used before it.')),
    value: options.current ? options.current.toISOString() : '',
    placeHolder: vscode.l10n.t('YYYY-MM-DD, or +90d, +6m, +1y (empty: none)'),
    ignoreFocusOut: true,
    validateInput: check,
  });
  if (input === undefined) throw new UserCancelled();
  const problem = check(input);
  if (problem) throw new Error(problem);
  return orThrow(parseDateInput(input, now));
}

/** Tags on one line, `name=value, name2=value2`; empty: none. */
export async function askTags(services: Services, title: string, current?: Tags): Promise<Record<string, string>> {
  const input = await services.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('Tags (optional): name=value, separated by commas. At most 15; names ≤ 512, values ≤ 256 characters.'),
    value: formatTags(current),
    placeHolder: 'env=prod, owner=team-a',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseTags(v);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (input === undefined) throw new UserCancelled();
  return orThrow(parseTags(input));
}

/** A secret's content type: empty means none. */
export async function askContentType(services: Services, title: string, value: string | undefined): Promise<string | undefined> {
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
