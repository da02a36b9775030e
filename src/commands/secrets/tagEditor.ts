import * as vscode from 'vscode';
import { checkTagName, checkTags, checkTagValue, MAX_TAGS, type Tags } from '../../azure/rules';
import type { Services } from '../../services';
import { askTags } from '../prompts';
import { UserCancelled } from '../cancelled';

interface TagPick extends vscode.QuickPickItem {
  readonly action: 'add' | 'text' | 'tag';
  readonly tag?: string;
}

/** Add, change or remove one tag (or edit them all as text). Returns the new tag set, checked against the limits. */
export async function editTags(services: Services, title: string, current: Tags | undefined): Promise<Record<string, string>> {
  const tags: Record<string, string> = { ...(current ?? {}) };
  const count = Object.keys(tags).length;
  const picked = await services.ui.showQuickPick<TagPick>(
    [
      { label: `$(add) ${vscode.l10n.t('Add a tag…')}`, description: count >= MAX_TAGS ? vscode.l10n.t('the limit of {0} is reached', MAX_TAGS) : vscode.l10n.t('{0} of {1}', count, MAX_TAGS), action: 'add' },
      ...Object.entries(tags).map(([k, v]) => ({ label: k, description: v, detail: vscode.l10n.t('Change its value or remove it'), action: 'tag' as const, tag: k })),
      { label: `$(edit) ${vscode.l10n.t('Edit all as text…')}`, description: 'name=value, name2=value2', action: 'text' },
    ],
    { title, placeHolder: vscode.l10n.t('Choose a tag to change or remove, or add one') },
  );
  if (!picked) throw new UserCancelled();
  if (picked.action === 'text') return askTags(services, title, tags);
  if (picked.action === 'add') {
    if (count >= MAX_TAGS) throw new Error(vscode.l10n.t('A secret has at most {0} tags: remove one first.', MAX_TAGS));
    const name = await services.ui.showInputBox({
      title,
      prompt: vscode.l10n.t('Tag name (at most 512 characters)'),
      ignoreFocusOut: true,
      validateInput: (v) => checkTagName(v) ?? (Object.prototype.hasOwnProperty.call(tags, v.trim()) ? vscode.l10n.t('"{0}" exists: choose it in the list to change it.', v.trim()) : undefined),
    });
    if (name === undefined) throw new UserCancelled();
    const key = name.trim();
    const problem = checkTagName(key) ?? (Object.prototype.hasOwnProperty.call(tags, key) ? vscode.l10n.t('The tag "{0}" already exists.', key) : undefined);
    if (problem) throw new Error(problem);
    tags[key] = await promptTagValue(services, title, key, '');
  } else {
    const key = picked.tag!;
    const remove = vscode.l10n.t('Remove the tag');
    const what = await services.ui.showQuickPick([{ label: vscode.l10n.t('Change the value…') }, { label: remove }], { title: `${title}: ${key}` });
    if (!what) throw new UserCancelled();
    if (what.label === remove) delete tags[key];
    else tags[key] = await promptTagValue(services, title, key, tags[key] ?? '');
  }
  const problem = checkTags(tags);
  if (problem) throw new Error(problem);
  return tags;
}

async function promptTagValue(services: Services, title: string, name: string, value: string): Promise<string> {
  const input = await services.ui.showInputBox({ title, prompt: vscode.l10n.t('Value of tag "{0}" (at most 256 characters; may be empty)', name), value, ignoreFocusOut: true, validateInput: (v) => checkTagValue(name, v) });
  if (input === undefined) throw new UserCancelled();
  const problem = checkTagValue(name, input);
  if (problem) throw new Error(problem);
  return input;
}
