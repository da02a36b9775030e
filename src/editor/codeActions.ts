// Quick fixes for the reference diagnostics (recover, enable, create, reveal) and "Move to Key Vault" on a
// selected string or a detected secret literal (connection string, password=…, JWT, PEM private key). The
// diagnostics come from both collections with our source — the open files' (./diagnostics.ts) and the workspace
// check's (./workspaceDiagnostics.ts): the reference is read again from the document's text at the diagnostic, and
// a problem both mark (same range, same code) gets its fixes once.
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { loadReferences, type References } from '../references/lazy';
import { kindName } from '../model/kindWords';
import { diagnosticSource, type ReferenceProblem } from './constants';
import { CertificateCommandIds, EditorCommandIds, KeyCommandIds, SecretCommandIds } from '../model/commandIds';
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

/** What an expired object offers (besides Reveal): a new version, and — where the kind has one — a later expiry date. */
const expiredFixes: Record<ObjectKind, { title: (kind: ObjectKind, name: string) => string; command: string }[]> = {
  secret: [
    { title: (kind, name) => vscode.l10n.t('New Version of {0} "{1}"…', kindName(kind), name), command: SecretCommandIds.newVersion },
    { title: (kind, name) => vscode.l10n.t('Extend the expiry of {0} "{1}"…', kindName(kind), name), command: SecretCommandIds.editExpiry },
  ],
  key: [
    { title: (kind, name) => vscode.l10n.t('New Version of {0} "{1}"…', kindName(kind), name), command: KeyCommandIds.rotate },
    { title: (kind, name) => vscode.l10n.t('Extend the expiry of {0} "{1}"…', kindName(kind), name), command: KeyCommandIds.editExpiry },
  ],
  certificate: [{ title: (kind, name) => vscode.l10n.t('New Version of {0} "{1}"…', kindName(kind), name), command: CertificateCommandIds.renew }],
};

function quickFix(title: string, command: string, object: unknown, diagnostic: vscode.Diagnostic, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command, title, arguments: [object] };
  action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

export class ReferenceCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, moveToKeyVaultKind] };

  constructor(private readonly lookups: ReferenceLookups) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    const refs = await loadReferences();
    const { referenceAt } = refs;
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== diagnosticSource) continue;
      const { start, end } = diagnostic.range;
      const key = `${start.line}:${start.character}-${end.line}:${end.character}|${typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ref = referenceAt(text, document.offsetAt(diagnostic.range.start), this.lookups.parseOptions());
      const vault = ref && (await this.lookups.resolveVault(ref.vault));
      if (!ref || !vault) continue;
      const object = referencedObject(vault, ref.kind, ref.name, ref.version);
      const code = diagnostic.code as ReferenceProblem;
      const fix = fixes[code];
      if (fix && !(code === 'missing' && ref.kind !== 'secret')) actions.push(quickFix(fix.title(ref.kind, ref.name, vault.name), fix.command, object, diagnostic, true));
      if (code === 'expired') expiredFixes[ref.kind].forEach((f, i) => actions.push(quickFix(f.title(ref.kind, ref.name), f.command, object, diagnostic, i === 0)));
      // A missing object is not in the view: Reveal would fail there.
      if (code === 'missing') continue;
      const reveal = vscode.l10n.t('Reveal the {0} "{1}" in Key Vault Explorer', kindName(ref.kind), ref.name);
      actions.push(quickFix(reveal, EditorCommandIds.revealReference, object, diagnostic));
    }
    const move = this.moveAction(refs, document, text, range);
    if (move) actions.push(move);
    return actions;
  }

  /** Move to Key Vault: for a detected literal under the cursor, or any selected text on one string. */
  private moveAction({ referenceAt, secretLiteralAt }: References, document: vscode.TextDocument, text: string, range: vscode.Range): vscode.CodeAction | undefined {
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
