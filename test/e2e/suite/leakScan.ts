// Where a value must never land, as files: the extension's log folder (flushed first), the test VS Code's user-data
// folder (settings, state databases, its Backups of unsaved editors) and the workspace folder. Suites plant canary
// values, act through the extension, then assert that none of these files holds them (as UTF-8, UTF-16 or base64).
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import { backupFolders } from './secretEditorDriver';
import { filesUnder } from './scripted';
import { eventually } from './tree';

/** The byte patterns of each canary a scan looks for: UTF-8, UTF-16LE and the start of its base64. */
export function canaryNeedles(canaries: readonly string[]): Buffer[] {
  return canaries.flatMap((c) => [Buffer.from(c, 'utf8'), Buffer.from(c, 'utf16le'), Buffer.from(Buffer.from(c).toString('base64').slice(0, 24))]);
}

/** Every file a value could leak to (after the log is flushed), and the user-data folder they were found under. */
export async function leakScanFiles(api: ExtensionApi): Promise<{ files: string[]; userData: string }> {
  const ctx = api.services.context;
  const marker = `leak-scan-${randomUUID()}`;
  api.services.log.info(marker);
  const logDir = ctx.logUri.fsPath;
  await eventually(() => Promise.resolve(assert.ok(filesUnder(logDir).some((f) => fs.readFileSync(f, 'utf8').includes(marker)), 'log flushed')), 20_000);
  // globalStorage is {user-data}/User/globalStorage/{extension}.
  const userData = path.resolve(ctx.globalStorageUri.fsPath, '..', '..', '..');
  assert.ok(fs.existsSync(path.join(userData, 'User', 'settings.json')), `user-data at ${userData}`);
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(workspace);
  const backups = backupFolders(ctx.globalStorageUri);
  assert.ok(backups.every((b) => b.startsWith(userData)), `the Backups folders are scanned: ${backups.join(', ')}`);
  const files = [...new Set([...filesUnder(logDir), ...filesUnder(userData), ...backups.flatMap((b) => filesUnder(b)), ...filesUnder(workspace)])];
  assert.ok(files.length > 10, `scanned ${files.length} files`);
  return { files, userData };
}
