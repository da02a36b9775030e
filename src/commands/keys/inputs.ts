// Prompts shared by the key and certificate commands: name, expiry date, tags (validated before any request).
import * as vscode from 'vscode';
import { checkSecretName, formatTags, parseDateInput, parseTags } from '../../azure/rules';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/** A key or certificate name (^[0-9a-zA-Z-]{1,127}$). */
export async function askName(services: Services, title: string, prompt: string, value?: string): Promise<string> {
  const name = await services.ui.showInputBox({ title, prompt, ...(value ? { value } : {}), placeHolder: vscode.l10n.t('letters, digits and hyphens'), ignoreFocusOut: true, validateInput: (v) => checkSecretName(v.trim()) });
  if (name === undefined) throw new UserCancelled();
  const problem = checkSecretName(name.trim());
  if (problem) throw new Error(problem);
  return name.trim();
}

/** An optional date: YYYY-MM-DD, an ISO date-time or +90d/+6m/+1y; empty → undefined. Past dates refused. */
export async function askDate(services: Services, title: string, prompt: string, current?: Date): Promise<Date | undefined> {
  const check = (v: string): string | undefined => {
    const parsed = parseDateInput(v, Date.now());
    if (!parsed.ok) return parsed.reason;
    if (parsed.value && parsed.value.getTime() <= Date.now()) return vscode.l10n.t('{0} is in the past.', parsed.value.toISOString());
    return undefined;
  };
  const text = await services.ui.showInputBox({
    title,
    prompt,
    ...(current ? { value: current.toISOString().slice(0, 10) } : {}),
    placeHolder: vscode.l10n.t('YYYY-MM-DD, or +90d, +6m, +1y (empty: none)'),
    ignoreFocusOut: true,
    validateInput: check,
  });
  if (text === undefined) throw new UserCancelled();
  const problem = check(text);
  if (problem) throw new Error(problem);
  const parsed = parseDateInput(text, Date.now());
  return parsed.ok ? parsed.value : undefined;
}

/** Tags as `name=value, name2=value2` (empty: none). */
export async function askTags(services: Services, title: string, current?: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const text = await services.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('Tags as name=value, separated by commas (empty: no tags)'),
    value: formatTags(current),
    placeHolder: 'env=prod, owner=team-a',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseTags(v);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (text === undefined) throw new UserCancelled();
  const parsed = parseTags(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
