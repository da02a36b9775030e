// Every prompt the commands share, for every object kind: names, dates, tags, content types, a choice, a checked
// text, a password, an ISO 8601 duration, where to save a file — validated live
// against the service's rules and checked again after the prompt (a scripted or pasted answer gets the same
// refusal, before any request). Multi-step commands number their steps with `Steps`.
import * as vscode from 'vscode';
import { checkDuration, normaliseDuration } from '../azure/keyRotation';
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
    return vscode.l10n.t('{0} ({1}/{2})', this.title, this.step, this.count);
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

/** One item of a quick pick. */
export async function pickOne<T extends vscode.QuickPickItem>(services: Services, items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Promise<T> {
  const picked = await services.ui.showQuickPick(items, options);
  if (!picked) throw new UserCancelled();
  return picked;
}

export interface TextOptions {
  readonly title: string;
  readonly prompt: string;
  readonly value?: string;
  readonly placeHolder?: string;
  /** The problem with an answer (shown live), or undefined. */
  readonly check: (text: string) => string | undefined;
  /** The error for an answer that still has a problem after the prompt (a scripted or pasted one). */
  readonly refusal: (problem: string) => string;
}

/** A text checked as it is typed and again after the prompt (before any request); trimmed. */
export async function askText(services: Services, options: TextOptions): Promise<string> {
  const { title, prompt, value, placeHolder, check } = options;
  const text = await services.ui.showInputBox({ title, prompt, ...(value !== undefined ? { value } : {}), ...(placeHolder ? { placeHolder } : {}), ignoreFocusOut: true, validateInput: check });
  if (text === undefined) throw new UserCancelled();
  const problem = check(text);
  if (problem) throw new Error(options.refusal(problem));
  return text.trim();
}

/** A password, hidden as it is typed and taken as typed (empty allowed). */
export async function askPassword(services: Services, title: string, prompt: string): Promise<string> {
  const password = await services.ui.showInputBox({ title, prompt, password: true, ignoreFocusOut: true });
  if (password === undefined) throw new UserCancelled();
  return password;
}

/**
 * An ISO 8601 duration of at least `minDays` (`what` names it in the refusal), normalised; with `optional`, empty
 * means none (undefined).
 */
export async function askDuration(services: Services, title: string, prompt: string, options: { value: string; minDays: number; what: string; optional: boolean }): Promise<string | undefined> {
  const { value, minDays, what, optional } = options;
  const check = (v: string) => (optional && !v.trim() ? undefined : checkDuration(v, minDays, what));
  const text = await services.ui.showInputBox({ title, prompt, value, placeHolder: optional ? vscode.l10n.t('ISO 8601 duration, e.g. P30D (empty: none)') : vscode.l10n.t('ISO 8601 duration, e.g. P90D, P3M, P1Y'), ignoreFocusOut: true, validateInput: check });
  if (text === undefined) throw new UserCancelled();
  const problem = check(text);
  if (problem) throw new Error(problem);
  return text.trim() ? normaliseDuration(text) : undefined;
}

/** Where to save: a dialog starting in the workspace folder with a suggested file name. */
export async function askSaveFile(services: Services, title: string, fileName: string, filters: Record<string, string[]>): Promise<vscode.Uri> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await services.ui.showSaveDialog({ title, ...(base ? { defaultUri: vscode.Uri.joinPath(base, fileName) } : {}), filters });
  if (!uri) throw new UserCancelled();
  return uri;
}
