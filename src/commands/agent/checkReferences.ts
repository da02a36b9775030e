// azureKeyVault_checkReferences: the Key Vault references of one file, or of the whole workspace (its index), checked
// against their vaults — missing, deleted, disabled, expired, not yet active, version missing — with the editor's own
// messages (src/editor/diagnostics.ts problemOf) and lookups (one listing per vault and kind). Trusted workspaces only.
import * as vscode from 'vscode';
import { problemOf } from '../../editor/diagnostics';
import { ReferenceLookups } from '../../editor/lookups';
import type { FoundReference } from '../../references';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { inputObject, optionalInteger, optionalString, ToolRefusal } from './input';
import { shownPath, workspaceDocument } from './places';
import { bounded, defaultMaxRows, maxRowsLimit } from './rows';
import { tool } from './tool';

interface Located {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ref: FoundReference;
}

/** The references of one file, or every indexed one. */
async function referencesIn(services: Services, file: string | undefined): Promise<Located[]> {
  if (file) {
    const document = await workspaceDocument(file);
    const { findReferences } = await loadReferences();
    return findReferences(document.getText(), services.session.referenceParseOptions()).map((ref) => {
      const p = document.positionAt(ref.nameStart);
      return { file: shownPath(document), line: p.line + 1, column: p.character + 1, ref };
    });
  }
  const index = services.workspaceReferences;
  if (index.state === 'off') throw new ToolRefusal('The workspace index of Key Vault references is off (setting azureKeyVault.references.indexWorkspace): pass a file instead. Nothing was checked.');
  await index.ready();
  return index.all().map((r) => ({ file: vscode.workspace.asRelativePath(vscode.Uri.parse(r.file), false), line: r.nameRange.startLine + 1, column: r.nameRange.startCharacter + 1, ref: r.ref }));
}

export const checkReferences = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['file', 'maxResults']);
    return { file: optionalString(input, 'file'), max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows };
  },
  prepare: (_services, input) => ({ invocationMessage: `Checking the Key Vault references of ${input.file ?? 'the workspace'}` }),
  run: async (services, input) => {
    if (!vscode.workspace.isTrusted) throw new ToolRefusal('References are checked only in a trusted workspace. Nothing was checked.');
    const found = await referencesIn(services, input.file);
    const lookups = new ReferenceLookups(services);
    try {
      const problems: string[] = [];
      let ok = 0;
      let unknownVault = 0;
      let unreadable = 0;
      for (const r of found) {
        const resolved = await lookups.lookup(r.ref).catch(() => 'unreadable' as const);
        if (resolved === 'unreadable') {
          unreadable++;
          continue;
        }
        if (!resolved) {
          unknownVault++;
          continue;
        }
        const problem = problemOf(resolved);
        if (!problem) {
          if (resolved.status.state === 'unknown') unreadable++;
          else ok++;
          continue;
        }
        problems.push(`- ${r.file}:${r.line}:${r.column} ${r.ref.kind} "${r.ref.name}" in vault ${resolved.vault.name}: ${problem.code} — ${problem.message}`);
      }
      return [
        `${found.length} reference(s) in ${input.file ?? 'the workspace'}: ${ok} fine, ${problems.length} with a problem, ${unknownVault} to vaults the user does not see (not checked), ${unreadable} whose vault could not be read.`,
        ...bounded(problems, input.max, 'check one file at a time'),
        ...(problems.some((p) => / missing — /.test(p)) ? ['A missing secret can be created with a generated value: azureKeyVault_createSecret (the value is never shown to you).'] : []),
      ];
    } finally {
      lookups.dispose();
    }
  },
});
