// The vaults view as the benchmark drives it: through the data provider (what VS Code calls) and the extension's
// commands, nothing else of the extension's internals.
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/TreeNode';
import { TreeReader } from '../e2e/suite/tree';

/** The e2e suite's reader of the view (children, items, paths by label), with what the benchmark adds. */
export class BenchTree extends TreeReader {
  constructor(private readonly testApi: TestApi) {
    super(testApi);
  }

  /** The "Load more…" row ending a listing, if the listing has more. */
  async loadMoreRow(children: readonly TreeNode[]): Promise<TreeNode | undefined> {
    const last = children.at(-1);
    return last && (await this.item(last)).contextValue === 'loadMore' ? last : undefined;
  }

  /**
   * Loads every page of a listing whose first page is shown: "Load more…" until there is none. `afterPage` runs
   * after each page (the render measurement); it is not part of the caller's timing if it times itself out.
   */
  async loadRest(node: TreeNode, afterPage?: (children: TreeNode[]) => Promise<void>): Promise<{ pages: number; rows: number }> {
    let children = await this.children(node);
    let pages = 0;
    for (let more = await this.loadMoreRow(children); more; more = await this.loadMoreRow(children)) {
      await vscode.commands.executeCommand('azureKeyVault.loadMore', more);
      pages++;
      children = await this.children(node);
      if (afterPage) await afterPage(children);
    }
    return { pages, rows: (await this.rows(node)).length };
  }

  /**
   * getChildren + getTreeItem of the node's children, as VS Code does when a node changes: its duration in ms.
   * `every`: the rows folded into ranges too (drawing every row once), where VS Code reads only the ranges.
   */
  async draw(node: TreeNode, every = false): Promise<number> {
    const t0 = performance.now();
    const children = every ? await this.rows(node) : await this.children(node);
    for (const child of children) {
      const item = this.testApi.tree.getTreeItem(child);
      if (item instanceof Promise) await item;
    }
    return performance.now() - t0;
  }
}
