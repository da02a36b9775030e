// Drag secrets, keys and certificates (or versions) from the tree into an editor: the tree puts their targets
// (names and ids, never values) on the data transfer under our own mime type; the drop provider turns them into
// the reference the file needs, one per line.
import * as vscode from 'vscode';
import { targetsOfRows } from '../model/referenced';
import type { ReferenceTarget } from '../references';
import { loadReferences } from '../references/lazy';
import type { TreeNode } from '../tree/TreeNode';
import { formatsFor, placementAt } from './apply';
import { referenceMimeType } from './constants';

export const dropEditKind = vscode.DocumentDropOrPasteEditKind.Empty.append('azureKeyVault', 'reference');

/** The view's drag controller: its rows stay opaque (typed TreeNode for the view), only their `target` is read. */
export class ReferenceDragController implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [referenceMimeType];
  readonly dropMimeTypes: readonly string[] = [];

  handleDrag(source: readonly TreeNode[], dataTransfer: vscode.DataTransfer): void {
    const targets = targetsOfRows(undefined, source);
    if (targets.length > 0) dataTransfer.set(referenceMimeType, new vscode.DataTransferItem(JSON.stringify(targets)));
  }
}

/** The targets on a data transfer, checked (a drop may come from anywhere). */
export function targetsFromTransfer(json: string): ReferenceTarget[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const str = (o: Record<string, unknown>, k: string) => (typeof o[k] === 'string' ? (o[k]) : undefined);
  const targets: ReferenceTarget[] = [];
  for (const raw of parsed as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const o = raw as Record<string, unknown>;
    const kind = str(o, 'kind');
    const vaultUrl = str(o, 'vaultUrl');
    const vaultName = str(o, 'vaultName');
    const name = str(o, 'name');
    if (!vaultUrl?.startsWith('https://') || !vaultName || !name || !/^[0-9a-zA-Z-]{1,127}$/.test(name)) continue;
    if (kind !== 'secret' && kind !== 'key' && kind !== 'certificate') continue;
    const optional = ['armId', 'subscriptionId', 'resourceGroup', 'tenantId', 'version'] as const;
    const extra = Object.fromEntries(optional.map((k) => [k, str(o, k)]).filter(([, v]) => v !== undefined)) as Partial<ReferenceTarget>;
    targets.push({ ...extra, vaultUrl, vaultName, kind, name });
  }
  return targets;
}

export class ReferenceDropProvider implements vscode.DocumentDropEditProvider {
  async provideDocumentDropEdits(document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer): Promise<vscode.DocumentDropEdit | undefined> {
    const item = dataTransfer.get(referenceMimeType);
    if (!item) return undefined;
    const targets = targetsFromTransfer(await item.asString());
    const format = (await formatsFor(document, targets))[0];
    if (targets.length === 0 || !format) return undefined;
    const { referenceFormats, toSnippet } = await loadReferences();
    const placement = await placementAt(document, new vscode.Range(position, position), format, targets);
    const syntax = referenceFormats[format].label;
    const title = targets.length > 1 ? vscode.l10n.t('Insert Key Vault references ({0})', syntax) : vscode.l10n.t('Insert Key Vault reference ({0})', syntax);
    const edit = new vscode.DocumentDropEdit(new vscode.SnippetString(toSnippet(placement.template)), title, dropEditKind);
    if (placement.extras?.length) {
      const additional = new vscode.WorkspaceEdit();
      for (const x of placement.extras) additional.insert(document.uri, document.positionAt(x.offset), x.text);
      edit.additionalEdit = additional;
    }
    return edit;
  }
}
