import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import type { TreeNode } from '../../../src/tree/TreeNode';

export function labelText(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Reads the tree the way VS Code does: through the data provider. */
export class TreeReader {
  constructor(private readonly api: ExtensionApi) {}

  children(node?: TreeNode): Promise<TreeNode[]> {
    return this.api.tree.getChildren(node);
  }

  /** The children with the rows of ranges (a long listing's "1–500" rows, src/tree/RangeNode.ts) in their place. */
  async rows(node: TreeNode): Promise<TreeNode[]> {
    const rows: TreeNode[] = [];
    for (const child of await this.children(node)) {
      if ((await this.item(child)).contextValue === 'range') rows.push(...(await this.children(child)));
      else rows.push(child);
    }
    return rows;
  }

  item(node: TreeNode): Promise<vscode.TreeItem> {
    return Promise.resolve(this.api.tree.getTreeItem(node));
  }

  /** The row as a hover shows it: its TreeItem, resolved (markdown tooltips are built on hover: resolveTreeItem). */
  async hovered(node: TreeNode): Promise<vscode.TreeItem> {
    const item = await this.item(node);
    return this.api.tree.resolveTreeItem(item, node);
  }

  async labels(node?: TreeNode): Promise<string[]> {
    return Promise.all((await this.children(node)).map(async (n) => labelText(await this.item(n))));
  }

  async child(node: TreeNode | undefined, label: string): Promise<TreeNode> {
    for (const n of await this.children(node)) if (labelText(await this.item(n)) === label) return n;
    assert.fail(`no child "${label}" under ${node?.id ?? 'the root'}; children: ${(await this.labels(node)).join(', ')}`);
  }

  /** Follows a path of labels from the root. */
  async path(...labels: string[]): Promise<TreeNode> {
    let node: TreeNode | undefined;
    for (const label of labels) node = await this.child(node, label);
    return node!;
  }
}

/** Polls until `check` passes (the tree reacts to sign-in events asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
