// Locations shown in VS Code's References view: the built-in references-view extension (`vscode.references-view`)
// exports `setInput(SymbolTreeInput)` (its src/references-view.d.ts): our input resolves to a tree of files, each
// with its references (the line as preview, the name highlighted), with navigation (F4 / Shift+F4) and editor
// highlights. Without that extension, the peek view (`editor.action.showReferences`) at the first reference.
import * as vscode from 'vscode';
import type { IndexedReference } from './types';

/** The parts of the references-view API used here (the extension's own d.ts, shape only). */
interface SymbolTree {
  setInput(input: SymbolTreeInput<unknown>): void;
  getInput(): SymbolTreeInput<unknown> | undefined;
}
interface SymbolTreeInput<T> {
  readonly contextValue: string;
  readonly title: string;
  readonly location: vscode.Location;
  resolve(): vscode.ProviderResult<SymbolTreeModel<T>>;
  with(location: vscode.Location): SymbolTreeInput<T>;
}
interface SymbolTreeModel<T> {
  provider: vscode.TreeDataProvider<T>;
  message: string | undefined;
  navigation?: {
    nearest(uri: vscode.Uri, position: vscode.Position): T | undefined;
    next(from: T): T;
    previous(from: T): T;
    location(item: T): vscode.Location | undefined;
  };
  highlights?: { getEditorHighlights(item: T, uri: vscode.Uri): vscode.Range[] | undefined };
  dnd?: { getDragUri(item: T): vscode.Uri | undefined };
}

export const REFERENCES_VIEW_EXTENSION = 'vscode.references-view';

export type FileRow = { readonly type: 'file'; readonly uri: vscode.Uri; readonly refs: RefRow[] };
export type RefRow = { readonly type: 'ref'; readonly file: FileRow; readonly ref: IndexedReference; readonly location: vscode.Location };
type Row = FileRow | RefRow;

const rangeOf = (r: IndexedReference['range']) => new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);

/** The locations of references (the name's span: what the editor highlights). */
export function locationsOf(refs: readonly IndexedReference[]): vscode.Location[] {
  return refs.map((r) => new vscode.Location(vscode.Uri.parse(r.file), rangeOf(r.nameRange)));
}

/** Files in order, each with its references in order (refs come sorted by file then position). */
export function groupByFile(refs: readonly IndexedReference[]): FileRow[] {
  const files: FileRow[] = [];
  for (const ref of refs) {
    let file = files[files.length - 1];
    if (!file || file.uri.toString() !== ref.file) files.push((file = { type: 'file', uri: vscode.Uri.parse(ref.file), refs: [] }));
    file.refs.push({ type: 'ref', file, ref, location: new vscode.Location(file.uri, rangeOf(ref.nameRange)) });
  }
  return files;
}

class ReferencesModel implements SymbolTreeModel<Row> {
  readonly provider: vscode.TreeDataProvider<Row>;
  readonly message: string;
  private readonly flat: RefRow[];

  constructor(readonly files: FileRow[]) {
    this.flat = files.flatMap((f) => f.refs);
    const count = this.flat.length;
    this.message = count === 1 ? vscode.l10n.t('1 reference in 1 file') : files.length === 1 ? vscode.l10n.t('{0} references in 1 file', count) : vscode.l10n.t('{0} references in {1} files', count, files.length);
    this.provider = {
      getChildren: (row?: Row) => (row ? (row.type === 'file' ? row.refs : []) : files),
      getParent: (row: Row) => (row.type === 'ref' ? row.file : undefined),
      getTreeItem: (row: Row) => (row.type === 'file' ? fileItem(row) : refItem(row)),
    };
  }

  readonly navigation = {
    nearest: (uri: vscode.Uri, position: vscode.Position): Row | undefined => {
      const inFile = this.flat.filter((r) => r.file.uri.toString() === uri.toString());
      return inFile.find((r) => r.location.range.contains(position)) ?? inFile[0] ?? this.flat[0];
    },
    next: (from: Row): Row => this.step(from, 1),
    previous: (from: Row): Row => this.step(from, -1),
    location: (row: Row): vscode.Location | undefined => (row.type === 'ref' ? row.location : new vscode.Location(row.uri, new vscode.Position(0, 0))),
  };

  readonly highlights = {
    getEditorHighlights: (row: Row, uri: vscode.Uri): vscode.Range[] | undefined =>
      this.flat.filter((r) => r.file.uri.toString() === uri.toString()).map((r) => r.location.range),
  };

  readonly dnd = { getDragUri: (row: Row) => (row.type === 'file' ? row.uri : row.location.uri.with({ fragment: `L${row.location.range.start.line + 1}` })) };

  private step(from: Row, delta: number): Row {
    const at = from.type === 'ref' ? this.flat.indexOf(from) : this.flat.findIndex((r) => r.file === from) - (delta > 0 ? 1 : 0);
    const n = this.flat.length;
    return this.flat[(((at + delta) % n) + n) % n] ?? from;
  }
}

function fileItem(file: FileRow): vscode.TreeItem {
  const item = new vscode.TreeItem(file.uri, vscode.TreeItemCollapsibleState.Expanded);
  item.contextValue = 'file-item';
  item.description = true;
  item.iconPath = vscode.ThemeIcon.File;
  item.tooltip = vscode.workspace.asRelativePath(file.uri);
  return item;
}

function refItem(row: RefRow): vscode.TreeItem {
  const preview = row.ref.preview;
  const at = preview.toLowerCase().indexOf(row.ref.ref.name.toLowerCase());
  const label: vscode.TreeItemLabel = { label: preview, ...(at >= 0 ? { highlights: [[at, at + row.ref.ref.name.length]] } : {}) };
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.contextValue = 'reference-item';
  item.description = vscode.l10n.t('line {0}', row.location.range.start.line + 1);
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Reference'), arguments: [row.location.uri, { selection: row.location.range.with({ end: row.location.range.start }) }] };
  return item;
}

class ReferencesInput implements SymbolTreeInput<Row> {
  readonly contextValue = 'azureKeyVault.references';

  constructor(
    readonly title: string,
    readonly location: vscode.Location,
    private readonly files: FileRow[],
  ) {}

  resolve(): SymbolTreeModel<Row> {
    return new ReferencesModel(this.files);
  }

  with(location: vscode.Location): ReferencesInput {
    return new ReferencesInput(this.title, location, this.files);
  }
}

/** Where the references were shown. */
export type ShownIn = 'referencesView' | 'peek';

/**
 * Shows references (at least one) in the References view, or in the peek view when the references-view extension is
 * not there; anchored at the first reference.
 */
export async function showReferences(title: string, refs: readonly IndexedReference[]): Promise<ShownIn> {
  const files = groupByFile(refs);
  const first = files[0]!.refs[0]!.location;
  const extension = vscode.extensions.getExtension<SymbolTree>(REFERENCES_VIEW_EXTENSION);
  const api = extension && (await Promise.resolve(extension.activate()).catch(() => undefined));
  if (api && typeof api.setInput === 'function') {
    api.setInput(new ReferencesInput(title, new vscode.Location(first.uri, first.range.start), files));
    return 'referencesView';
  }
  await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, locationsOf(refs));
  return 'peek';
}
