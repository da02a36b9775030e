import * as vscode from 'vscode';
import type { CommandHandler } from '../commands/wrapper';
import type { Feature } from '../commands/feature';
import type { Services } from '../services';
import { ReferenceCodeActions } from './codeActions';
import { ReferenceCompletions } from './completions';
import { copyReferencedValue } from './copyReferencedValue';
import { createReferencedSecret } from './createReferencedSecret';
import { ReferenceDiagnostics } from './diagnostics';
import { dropEditKind, ReferenceDropProvider } from './dragAndDrop';
import { enableReferenced } from './enableReferenced';
import { ReferenceHoverProvider } from './hover';
import { EditorCommandIds } from '../model/commandIds';
import { referenceMimeType } from './constants';
import { insertReference } from './insertReference';
import { insertReferenceAs } from './insertReferenceAs';
import { ReferenceLinks } from './links';
import { ReferenceLookups } from './lookups';
import { moveToKeyVault } from './moveToKeyVault';
import { recoverReferenced } from './recoverReferenced';
import { revealReference } from './revealReference';

type EditorCommandId = (typeof EditorCommandIds)[keyof typeof EditorCommandIds];

const commands: Readonly<Record<EditorCommandId, CommandHandler>> = {
  [EditorCommandIds.insertReference]: (services, node, nodes) => insertReference(services, node, nodes),
  [EditorCommandIds.insertReferenceAs]: insertReferenceAs,
  [EditorCommandIds.revealReference]: revealReference,
  [EditorCommandIds.copyReferencedValue]: copyReferencedValue,
  [EditorCommandIds.recoverReferenced]: recoverReferenced,
  [EditorCommandIds.enableReferenced]: enableReferenced,
  [EditorCommandIds.createReferencedSecret]: createReferencedSecret,
  [EditorCommandIds.moveToKeyVault]: moveToKeyVault,
};

/** Files whose references are read: on disk and unsaved (never other schemes, such as the extension's own). */
const documents: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Editor features: reference insertion, drag and drop, hovers, links, diagnostics with quick fixes, completions. */
export const editorFeature: Feature = {
  commands,
  register(services: Services): vscode.Disposable[] {
    const lookups = new ReferenceLookups(services);
    return [
      lookups,
      new ReferenceDiagnostics(services, lookups),
      vscode.languages.registerHoverProvider(documents, new ReferenceHoverProvider(services, lookups)),
      vscode.languages.registerDocumentLinkProvider(documents, new ReferenceLinks(lookups)),
      vscode.languages.registerCodeActionsProvider(documents, new ReferenceCodeActions(lookups), ReferenceCodeActions.metadata),
      vscode.languages.registerCompletionItemProvider(documents, new ReferenceCompletions(lookups), ...ReferenceCompletions.triggerCharacters),
      vscode.languages.registerDocumentDropEditProvider(documents, new ReferenceDropProvider(), { dropMimeTypes: [referenceMimeType], providedDropEditKinds: [dropEditKind] }),
    ];
  },
};
