// Quick fixes for the reference diagnostics (recover, enable, create, reveal) and "Move to Key Vault" on a
// selected string or a detected secret literal (connection string, password=…, JWT, PEM private key).
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { referenceAt, secretLiteralAt } from '../references';
import { kindName } from '../presentation/kindWords';
import { diagnosticSource, type ReferenceProblem } from './constants';
import { EditorCommandIds } from '../model/commandIds';
import type { ReferenceLookups } from './lookups';
import { referencedObject } from '../model/referenced';

export const moveToKeyVaultKind = vscode.CodeActionKind.RefactorExtract.append('azureKeyVault');

/** Arguments of Move to Key Vault (plain JSON). */
export interface MoveArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly suggestedName?: string;
}

const fixes: Partial<Record<ReferenceProblem, { title: (kind: ObjectKind, name: string, vault: string) => string; command: string }>> = {
  deleted: { title: (kind, name) => vscode.l10n.t('Recover the deleted {0} "{1}"', kindName(kind), name), command: EditorCommandIds.recoverReferenced },
  disabled: { title: (kind, name) => vscode.l10n.t('Enable the {0} "{1}"', kindName(kind), name), command: EditorCommandIds.enableReferenced },
  missing: { title: (kind, name, vault) => vscode.l10n.t('Create the {0} "{1}" in {2}…', kindName(kind), name, vault), command: EditorCommandIds.createReferencedSecret },
};

export class ReferenceCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, moveToKeyVaultKind] };

  constructor(private readonly lookups: ReferenceLookups) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== diagnosticSource) continue;
      const ref = referenceAt(text, document.offsetAt(diagnostic.range.start), this.lookups.parseOptions());
      const vault = ref && (await this.lookups.resolveVault(ref.vault));
      if (!ref || !vault) continue;
      const object = referencedObject(vault, ref.kind, ref.name, ref.version);
      const fix = fixes[diagnostic.code as ReferenceProblem];
      if (fix && !(diagnostic.code === 'missing' && ref.kind !== 'secret')) {
        const action = new vscode.CodeAction(fix.title(ref.kind, ref.name, vault.name), vscode.CodeActionKind.QuickFix);
        action.command = { command: fix.command, title: action.title, arguments: [object] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const reveal = new vscode.CodeAction(vscode.l10n.t('Reveal the {0} "{1}" in Key Vault Explorer', kindName(ref.kind), ref.name), vscode.CodeActionKind.QuickFix);
      reveal.command = { command: EditorCommandIds.revealReference, title: reveal.title, arguments: [object] };
      reveal.diagnostics = [diagnostic];
      actions.push(reveal);
    }
    const move = this.moveAction(document, text, range);
    if (move) actions.push(move);
    return actions;
  }

  /** Move to Key Vault: for a detected literal under the cursor, or any selected text on one string. */
  private moveAction(document: vscode.TextDocument, text: string, range: vscode.Range): vscode.CodeAction | undefined {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return undefined;
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const json = /^jsonc?$/.test(document.languageId);
    const literal = secretLiteralAt(text, start, end, { json });
    if (literal && referenceAt(text, literal.start) === undefined) {
      const action = new vscode.CodeAction(vscode.l10n.t('Move to Key Vault…'), moveToKeyVaultKind);
      const args: MoveArgs = { uri: document.uri.toString(), start: literal.start, end: literal.end, suggestedName: literal.suggestedName };
      action.command = { command: EditorCommandIds.moveToKeyVault, title: action.title, arguments: [args] };
      return action;
    }
    if (range.isEmpty || !range.isSingleLine) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Move Selection to Key Vault…'), moveToKeyVaultKind);
    const args: MoveArgs = { uri: document.uri.toString(), start, end };
    action.command = { command: EditorCommandIds.moveToKeyVault, title: action.title, arguments: [args] };
    return action;
  }
}
