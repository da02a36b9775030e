// The editor side of the benchmark: files with references in the workspace, opened in a visible editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Recorder } from './recorder';
import { sleep } from './probe';

const SOURCE = 'Azure Key Vault';

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the benchmark needs a workspace folder');
  const file = path.join(folder.uri.fsPath, 'bench', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

const reference = (vault: string, secret: string) => `@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})`;

function settingsFile(entries: [string, string][]): string {
  return `{\n${entries.map(([k, v]) => `  "${k}": "${v}"`).join(',\n')}\n}\n`;
}

/** Opens a file in a visible editor (what the editor features check). */
export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

export const closeEditors = () => vscode.commands.executeCommand('workbench.action.closeAllEditors');

/** A file with one reference to `secret` of `vault`: the "open editor holding references to that vault". */
export function referencingFile(vault: string, secret: string): vscode.Uri {
  return workspaceFile(`refs-${vault}.json`, settingsFile([['Reference', reference(vault, secret)]]));
}

export const DIAGNOSTIC_VAULTS = [1, 2, 3, 4, 5].map((i) => `kvb-diag-${i}`);

/**
 * Diagnostics over a file with 50 references to 5 vaults (10 each: app-00 … app-09; app-09 is disabled in every
 * vault, so a finished check shows exactly 5 diagnostics). Timed from opening the file to the 5 diagnostics.
 */
export async function diagnostics(rec: Recorder): Promise<void> {
  const entries: [string, string][] = [];
  for (const vault of DIAGNOSTIC_VAULTS) for (let i = 0; i < 10; i++) entries.push([`${vault}-${i}`, reference(vault, `app-0${i}`)]);
  const uri = workspaceFile('appsettings.json', settingsFile(entries));
  // Floor: the vault directory (tenants 1 + subscriptions of 3 tenants 3 + one Resource Graph query per tenant 3 =
  // 7 ARM requests, the view was never opened), then per vault one page (10 secrets ≤ 25); no auth challenge: ARM
  // listed the vaults, so their first request goes out authorised (the presumed challenge, sharedChallenge.ts).
  // Critical path: tenants → subscriptions → vaults → page = 4 round trips (+ the 400 ms debounce).
  await rec.measure('diagnostics_50_refs_5_vaults', { requests: 7 + 5, roundTrips: 4 }, async () => {
    await openEditor(uri);
    const deadline = Date.now() + 60_000;
    let shown = 0;
    while (Date.now() < deadline) {
      shown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).length;
      if (shown >= 5) break;
      await sleep(10);
    }
    return { references: 50, vaults: 5, diagnostics: shown, debounce_ms: 400, ...(shown < 5 ? { error: `only ${shown} of 5 diagnostics after 60 s` } : {}) };
  });
  await closeEditors();
}
