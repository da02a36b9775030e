import type * as vscode from 'vscode';
import type { AzureClients } from '../auth/azureClients';
import type { AzureSession } from '../auth/azureSession';
import type { ObjectKind } from '../azure/model';
import type { ListedPage } from '../azure/referenceLookup';
import type { Rollup } from '../presentation/rollup';
import type { ObjectQuery } from '../references/usage';
import type { VaultAccessChecks } from '../platform/vaultAccess';
import type { TreeNode } from './TreeNode';

/** What nodes need from the extension, handed down from the provider (no globals). */
export interface TreeContext {
  readonly session: AzureSession;
  readonly clients: AzureClients;
  readonly log: vscode.LogOutputChannel;
  /** Current time in ms; a function so the tree and tests agree on "now". */
  now(): number;
  /** Settings the tree reads. */
  pageSize(): number;
  expiryWarningDays(): number;
  /** A group listed its items (`complete`: no page left): the expiry decorations of the group and its vault follow. */
  expiryLoaded(vaultUrl: string, kind: ObjectKind, rollup: Rollup, complete: boolean): void;
  /** Ask the view to redraw a node (after its own cache changed: a page appended, a filter set). Drops no data. */
  changed(node: TreeNode | undefined): void;
  /**
   * How many files of the workspace reference the object (the workspace index, src/platform/referenceIndex);
   * undefined while the index is not ready (off, untrusted, building).
   */
  usage(query: ObjectQuery): number | undefined;
  /** What the user may do in each vault (checked when a vault is expanded; cached for the session). */
  readonly access: Pick<VaultAccessChecks, 'known' | 'check'>;
  /** A listing page the tree loaded (of the current listing): reference lookups take it in instead of asking again. */
  listed(page: ListedPage): void;
}
