// The test-only entry: what `activate` returns when VS Code runs the extension in test mode (the e2e suite), and
// nothing otherwise, so no other extension can reach the clients, the clipboard or the prompts.
import type * as vscode from 'vscode';
import type { ScriptableUi } from './platform/ui';
import type { Services } from './services';
import type { TreeNode } from './tree/TreeNode';
import type { VaultTreeDataProvider } from './tree/VaultTreeDataProvider';

export interface TestApi {
  readonly services: Services;
  /** Script the prompts (`ui.use({...})`) and put the real ones back (`ui.reset()`); `ui.real` is VS Code's. */
  readonly ui: ScriptableUi;
  /** The view's data provider and view, to read and refresh rows as the user sees them. */
  readonly tree: VaultTreeDataProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
}
