import type * as vscode from 'vscode';
import type { AzureClients } from '../auth/azureClients';
import type { AzureSession } from '../auth/azureSession';
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
  /** Ask the view to re-read a node (after its own cache changed). */
  changed(node: TreeNode | undefined): void;
}
