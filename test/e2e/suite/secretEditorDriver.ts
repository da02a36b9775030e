// Drives a secret value editor (the webview custom editor Edit Secret Value opens) the way a user does: typing goes
// into the page's textarea and comes back through the page's own input handling; dirtiness is VS Code's (the tab);
// saving is an explicit save (Ctrl+S in the page: VS Code's save of that editor, marked explicit). And where
// VS Code would back such an editor up, for the scans that prove it never does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECRET_VALUE_VIEW_TYPE } from '../../../src/platform/documents/secretEditor';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import { eventually } from './tree';

/** Where VS Code keeps backups: {user-data}/Backups (desktop) or {user-data}/User/Backups (the web workbench). */
export function backupFolders(globalStorage: vscode.Uri): string[] {
  // globalStorage is {user-data}/User/globalStorage/{extension}.
  const userData = path.resolve(globalStorage.fsPath, '..', '..', '..');
  assert.ok(fs.existsSync(path.join(userData, 'User', 'settings.json')), `user-data at ${userData}`);
  return [path.join(userData, 'Backups'), path.join(userData, 'User', 'Backups')];
}

export class SecretEditorDriver {
  constructor(
    private readonly api: ExtensionApi,
    readonly uri: vscode.Uri,
  ) {}

  /** The secret value editor of the active tab (fails when the active tab is something else). */
  static active(api: ExtensionApi): SecretEditorDriver {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom && input.viewType === SECRET_VALUE_VIEW_TYPE, 'a secret value editor is the active tab');
    return new SecretEditorDriver(api, input.uri);
  }

  get tab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === this.uri.toString());
  }

  /** The text the editor holds (what Save sends). */
  text(): string {
    const text = this.api.services.documents.secretValues.text(this.uri);
    assert.ok(text !== undefined, `${this.uri.path} is open`);
    return text;
  }

  /** Whether VS Code shows the editor as having unsaved changes. */
  isDirty(): boolean {
    return this.tab?.isDirty ?? false;
  }

  /** Replaces the text as typing does; resolves once VS Code shows the editor dirty. */
  async type(text: string): Promise<void> {
    await this.api.services.documents.secretValues.type(this.uri, text);
    await eventually(() => Promise.resolve(assert.equal(this.isDirty(), true, 'dirty after typing')), 5_000);
  }

  /** VS Code's save of this editor: true when it saved. */
  async save(): Promise<boolean> {
    try {
      // As a user saves (Ctrl+S in the editor): with auto-save on, VS Code's own save of it is declined.
      const saved = await this.api.services.documents.secretValues.saveExplicitly(this.uri);
      if (saved) await eventually(() => Promise.resolve(assert.equal(this.isDirty(), false, 'clean after saving')), 5_000);
      return saved;
    } catch {
      return false;
    }
  }

  /** Drops the unsaved text and closes the editor. */
  async revertAndClose(): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', this.uri, SECRET_VALUE_VIEW_TYPE);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
