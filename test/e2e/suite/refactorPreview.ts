// VS Code's Refactor Preview driven as a user drives it: edits marked needsConfirmation open it with every change
// unticked (microsoft/vscode#200991), so a user ticks each file (grouped by file, collapsed: one row per file) and
// applies — or discards. The preview is up when its models exist (one per file, synced to the extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './tree';

async function previewOpen(): Promise<void> {
  await eventually(() => Promise.resolve(assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'vscode-bulkeditpreview-editor'), 'the Refactor Preview is open')), 30_000);
}

/** Ticks every file of the Refactor Preview and applies it. */
export async function applyInRefactorPreview(fileCount: number): Promise<void> {
  await previewOpen();
  await vscode.commands.executeCommand('refactorPreview.focus');
  await vscode.commands.executeCommand('list.collapseAll');
  await vscode.commands.executeCommand('list.focusFirst');
  for (let i = 0; i < fileCount; i++) {
    await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
    await vscode.commands.executeCommand('list.focusDown');
  }
  await vscode.commands.executeCommand('refactorPreview.apply');
}

/** Discards the open Refactor Preview (nothing is applied). */
export async function discardRefactorPreview(): Promise<void> {
  await previewOpen();
  await vscode.commands.executeCommand('refactorPreview.discard');
}
