// The model behind one secret value editor: the text being edited and the text last saved, in this extension's
// memory only. Webviews show it; VS Code tracks dirtiness through the edits it is told about (undo/redo included),
// but never receives the text itself, so it has nothing it could back up.
import * as vscode from 'vscode';
import type { SaveHandler } from './keyVaultFileSystem';

export class SecretValueDocument implements vscode.CustomDocument {
  private current: string;
  /** The secret was deleted while this editor was open (its tab says so). */
  deleted = false;
  private saved: string;
  private readonly changes = new vscode.EventEmitter<{ readonly text: string; readonly fromPage: boolean }>();
  /** The text changed: typed in the page (`fromPage`), or undo/redo/revert, which the page must show. */
  readonly onDidChangeText = this.changes.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly uri: vscode.Uri,
    content: string,
    readonly save: SaveHandler,
    /** The tab title (a name, never a value). */
    readonly title: string,
    /** One line above the text: what Save does. */
    readonly hint: string,
  ) {
    this.current = content;
    this.saved = content;
  }

  get text(): string {
    return this.current;
  }

  /** The text last saved (or opened). */
  get savedText(): string {
    return this.saved;
  }

  /** Sets the text; `undefined` when it was already that. */
  set(text: string, fromPage = false): { before: string } | undefined {
    if (text === this.current) return undefined;
    const before = this.current;
    this.current = text;
    this.changes.fire({ text, fromPage });
    return { before };
  }

  /** The text just saved is the new baseline (what Revert returns to). */
  markSaved(text: string): void {
    this.saved = text;
  }

  revert(): void {
    this.set(this.saved);
  }

  dispose(): void {
    // Drop the value: the strings themselves are collected once nothing refers to them.
    this.current = '';
    this.saved = '';
    this.disposed.fire();
    this.changes.dispose();
    this.disposed.dispose();
  }
}
