import * as vscode from 'vscode';
import { checkTagName, checkTags, checkTagValue, MAX_TAGS, type Tags } from '../../azure/rules';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';
import { promptTags } from './attributesInput';

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
      { label: '$(add) Add a tag…', description: count >= MAX_TAGS ? `the limit of ${MAX_TAGS} is reached` : `${count} of ${MAX_TAGS}`, action: 'add' },
      ...Object.entries(tags).map(([k, v]) => ({ label: k, description: v, detail: 'Change its value or remove it', action: 'tag' as const, tag: k })),
      { label: '$(edit) Edit all as text…', description: 'name=value, name2=value2', action: 'text' },
    ],
    { title, placeHolder: 'Choose a tag to change or remove, or add one' },
  );
  if (!picked) throw new UserCancelled();
  if (picked.action === 'text') return promptTags(services, title, tags);
  if (picked.action === 'add') {
    if (count >= MAX_TAGS) throw new Error(`A secret has at most ${MAX_TAGS} tags: remove one first.`);
    const name = await services.ui.showInputBox({
      title,
      prompt: 'Tag name (at most 512 characters)',
      ignoreFocusOut: true,
      validateInput: (v) => checkTagName(v) ?? (Object.prototype.hasOwnProperty.call(tags, v.trim()) ? `"${v.trim()}" exists: choose it in the list to change it.` : undefined),
    });
    if (name === undefined) throw new UserCancelled();
    const key = name.trim();
    const problem = checkTagName(key) ?? (Object.prototype.hasOwnProperty.call(tags, key) ? `The tag "${key}" already exists.` : undefined);
    if (problem) throw new Error(problem);
    tags[key] = await promptTagValue(services, title, key, '');
  } else {
    const key = picked.tag!;
    const what = await services.ui.showQuickPick([{ label: 'Change the value…' }, { label: 'Remove the tag' }], { title: `${title}: ${key}` });
    if (!what) throw new UserCancelled();
    if (what.label === 'Remove the tag') delete tags[key];
    else tags[key] = await promptTagValue(services, title, key, tags[key] ?? '');
  }
  const problem = checkTags(tags);
  if (problem) throw new Error(problem);
  return tags;
}

async function promptTagValue(services: Services, title: string, name: string, value: string): Promise<string> {
  const input = await services.ui.showInputBox({ title, prompt: `Value of tag "${name}" (at most 256 characters; may be empty)`, value, ignoreFocusOut: true, validateInput: (v) => checkTagValue(name, v) });
  if (input === undefined) throw new UserCancelled();
  const problem = checkTagValue(name, input);
  if (problem) throw new Error(problem);
  return input;
}
