// Where a new secret value comes from: typed (password box), generated, the editor selection, or a file.
// The 25 KB limit is checked before any request; messages never quote the value.
import * as vscode from 'vscode';
import { checkSecretValue, checkValueFileSize, formatBytes, secretValueFromFile, utf8Bytes } from '../../azure/rules';
import { suggestContentType } from '../../platform/documents/language';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { characterClasses, checkGeneratorOptions, DEFAULT_GENERATED_LENGTH, generateSecret, MAX_GENERATED_LENGTH, MIN_GENERATED_LENGTH, type CharacterClass } from '../items/generator';

export interface NewValue {
  readonly value: string;
  readonly source: 'typed' | 'generated' | 'selection' | 'file';
  /** A content type that fits the value or the file (JSON, PEM), to offer as the default. */
  readonly suggestedContentType?: string;
}

type Source = NewValue['source'];

const fileContentTypes: Record<string, string> = {
  '.pem': 'application/x-pem-file', '.crt': 'application/x-pem-file', '.key': 'application/x-pem-file', '.json': 'application/json',
  '.xml': 'application/xml', '.yaml': 'application/yaml', '.yml': 'application/yaml', '.txt': 'text/plain',
};

/** Asks where the value comes from, then for the value. */
export async function promptSecretValue(services: Services, title: string): Promise<NewValue> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const items: (vscode.QuickPickItem & { source: Source })[] = [
    { label: `$(key) ${vscode.l10n.t('Enter the value')}`, detail: vscode.l10n.t('Typed into a password box (hidden)'), source: 'typed' },
    { label: `$(sparkle) ${vscode.l10n.t('Generate a random value')}`, detail: vscode.l10n.t('Choose the length and kinds of characters (crypto-strength random)'), source: 'generated' },
    ...(selection
      ? [{ label: `$(selection) ${vscode.l10n.t('Use the editor selection')}`, detail: vscode.l10n.t('{0} selected in {1}', formatBytes(utf8Bytes(selection)), vscode.workspace.asRelativePath(editor!.document.uri)), source: 'selection' as const }]
      : []),
    { label: `$(file) ${vscode.l10n.t('Read from a file…')}`, detail: vscode.l10n.t('A text file of at most 25 KB (PEM, JSON, …)'), source: 'file' },
  ];
  const picked = await services.ui.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Where does the new value come from?'), ignoreFocusOut: true });
  if (!picked) throw new UserCancelled();
  const value = await valueFrom(services, picked.source, title, selection);
  const problem = checkSecretValue(value.value);
  if (problem) throw new Error(problem);
  return value;
}

async function valueFrom(services: Services, source: Source, title: string, selection: string): Promise<NewValue> {
  switch (source) {
    case 'typed': {
      const value = await services.ui.showInputBox({
        title,
        prompt: vscode.l10n.t('The secret value (hidden). At most 25 KB.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => checkSecretValue(v),
      });
      if (value === undefined) throw new UserCancelled();
      return withSuggestion(value, 'typed');
    }
    case 'generated':
      return { value: await promptGenerated(services, title), source: 'generated' };
    case 'selection':
      return withSuggestion(selection, 'selection');
    case 'file':
      return readValueFile(services, title);
  }
}

function withSuggestion(value: string, source: Source, fromFile?: string): NewValue {
  const suggested = suggestContentType(value) ?? fromFile;
  return { value, source, ...(suggested ? { suggestedContentType: suggested } : {}) };
}

async function promptGenerated(services: Services, title: string): Promise<string> {
  const lengthText = await services.ui.showInputBox({
    title: vscode.l10n.t('{0}: generate', title),
    prompt: vscode.l10n.t('Length ({0}–{1} characters)', MIN_GENERATED_LENGTH, MAX_GENERATED_LENGTH),
    value: String(DEFAULT_GENERATED_LENGTH),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d+$/.test(v.trim()) ? checkGeneratorOptions({ length: Number(v), classes: ['lower'] }) : vscode.l10n.t('Enter a number.')),
  });
  if (lengthText === undefined) throw new UserCancelled();
  const names: Record<CharacterClass, string> = {
    lower: vscode.l10n.t('Lowercase letters'),
    upper: vscode.l10n.t('Uppercase letters'),
    digits: vscode.l10n.t('Digits'),
    symbols: vscode.l10n.t('Symbols'),
  };
  const classes = await services.ui.pickMany(
    (Object.keys(characterClasses) as CharacterClass[]).map((c) => ({ label: names[c], description: characterClasses[c], picked: true, cls: c })),
    { title: vscode.l10n.t('{0}: generate', title), placeHolder: vscode.l10n.t('Kinds of characters (each appears at least once)'), ignoreFocusOut: true },
  );
  if (!classes) throw new UserCancelled();
  const options = { length: Number(lengthText.trim()), classes: classes.map((c) => c.cls) };
  const problem = checkGeneratorOptions(options);
  if (problem) throw new Error(problem);
  return generateSecret(options);
}

async function readValueFile(services: Services, title: string): Promise<NewValue> {
  const uris = await services.ui.showOpenDialog({ title, openLabel: vscode.l10n.t('Use as Secret Value'), canSelectMany: false, canSelectFiles: true, canSelectFolders: false });
  const uri = uris?.[0];
  if (!uri) throw new UserCancelled();
  const file = uri.path.split('/').pop() ?? uri.path;
  const tooBig = checkValueFileSize(file, (await vscode.workspace.fs.stat(uri)).size);
  if (tooBig) throw new Error(tooBig);
  const parsed = secretValueFromFile(file, await vscode.workspace.fs.readFile(uri));
  if (!parsed.ok) throw new Error(parsed.reason);
  const text = parsed.value;
  const ext = /\.[^./]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
  return withSuggestion(text, 'file', fileContentTypes[ext]);
}
