// What the bulk commands act on, resolved by the command wrapper before the handlers load: a file (explorer or
// editor context menu), a vault (its row), or neither (the palette: the handler asks).
import type * as vscode from 'vscode';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { vault, type TargetSpec } from '../targets';
import { fileArgument } from './sourceFile';

export interface BulkTarget {
  readonly file?: vscode.Uri;
  readonly vault?: VaultTarget;
}

const isRow = (arg: unknown): boolean => typeof arg === 'object' && arg !== null && 'getTreeItem' in arg;

/** A file argument, else a vault row's vault, else nothing (the handler asks for what it needs). */
export function bulkTarget(): TargetSpec<BulkTarget> {
  return {
    async resolve(services: Services, given: readonly unknown[]) {
      const file = fileArgument(given);
      let target: BulkTarget = {};
      if (file) target = { file };
      else if (isRow(given[0])) target = { vault: (await vault().resolve(services, given)).target };
      return { target, selection: [target] };
    },
  };
}
