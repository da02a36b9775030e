// References in the editor: the commands (insert, reveal, copy, the quick fixes, Move to Key Vault) and the editor
// providers of src/editor (hovers, links, diagnostics with quick fixes, completions, drops), which only name these
// commands by id (src/model/commandIds.ts) and never import this area.
import * as vscode from 'vscode';
import { ReferenceCodeActions } from '../../editor/codeActions';
import { ReferenceCompletions } from '../../editor/completions';
import { referenceMimeType } from '../../editor/constants';
import { ReferenceDiagnostics } from '../../editor/diagnostics';
import { dropEditKind, ReferenceDropProvider } from '../../editor/dragAndDrop';
import { ReferenceHoverProvider } from '../../editor/hover';
import { ReferenceLinks } from '../../editor/links';
import { ReferenceLookups } from '../../editor/lookups';
import { EditorCommandIds, type CommandId } from '../../model/commandIds';
import type { Services } from '../../services';
import { command, type Command, type Feature } from '../feature';
import { args, item, row } from '../targets';
import { registerWorkspaceCheck } from './checkWorkspace';
import { copyReferencedValue } from './copyReferencedValue';
import { createReferencedSecret } from './createReferencedSecret';
import { enableReferenced } from './enableReferenced';
import { anyItem, findReferences } from './findReferences';
import { insertReference } from './insertReference';
import { insertReferenceAs } from './insertReferenceAs';
import { moveToKeyVault } from './moveToKeyVault';
import { recoverReferenced } from './recoverReferenced';
import { revealReference } from './revealReference';

// Links and quick fixes pass a plain-JSON ReferencedObject: where the kind is fixed (a secret) the item spec reads
// it; where it comes from the argument (reveal, enable, recover) the command checks it (./referencedArgument).
// Check Key Vault References in Workspace holds its diagnostics: registered with them in `register` (./checkWorkspace).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
const commands: Readonly<Record<Exclude<CommandId<typeof EditorCommandIds>, typeof EditorCommandIds.checkWorkspaceReferences>, Command<any>>> = {
  [EditorCommandIds.insertReference]: command(row(), insertReference),
  [EditorCommandIds.insertReferenceAs]: command(row(), insertReferenceAs),
  [EditorCommandIds.revealReference]: command(args(), revealReference),
  [EditorCommandIds.copyReferencedValue]: command(item('secret'), copyReferencedValue),
  [EditorCommandIds.recoverReferenced]: command(args(), recoverReferenced, { writes: true }),
  [EditorCommandIds.enableReferenced]: command(args(), enableReferenced, { writes: true }),
  [EditorCommandIds.createReferencedSecret]: command(item('secret'), createReferencedSecret, { writes: true }),
  [EditorCommandIds.moveToKeyVault]: command(args(), moveToKeyVault, { writes: true }),
  [EditorCommandIds.findReferences]: command(anyItem(), findReferences),
};

/** Files whose references are read: on disk and unsaved (never other schemes, such as the extension's own). */
const documents: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** The editor providers, sharing one cache of vaults and listings (ReferenceLookups). */
function register(services: Services): vscode.Disposable[] {
  const lookups = new ReferenceLookups(services);
  return [
    lookups,
    new ReferenceDiagnostics(services, lookups),
    ...registerWorkspaceCheck(services, lookups),
    vscode.languages.registerHoverProvider(documents, new ReferenceHoverProvider(services, lookups)),
    vscode.languages.registerDocumentLinkProvider(documents, new ReferenceLinks(lookups)),
    vscode.languages.registerCodeActionsProvider(documents, new ReferenceCodeActions(lookups), ReferenceCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(documents, new ReferenceCompletions(lookups), ...ReferenceCompletions.triggerCharacters),
    vscode.languages.registerDocumentDropEditProvider(documents, new ReferenceDropProvider(), { dropMimeTypes: [referenceMimeType], providedDropEditKinds: [dropEditKind] }),
  ];
}

/** References in the editor: insertion, drag and drop, hovers, links, diagnostics with quick fixes, completions. */
export const referencesFeature: Feature = { commands, register };
