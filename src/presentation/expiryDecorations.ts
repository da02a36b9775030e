import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { emptyRollup, itemDecoration, rollupDecoration, sameRollup, sum, widest, type DecorationSpec, type Rollup } from './rollup';
import { parseTreeUri, TREE_SCHEME } from './uris';

/** Roll-ups of one vault from an "Expiring Soon" scan (every item listed, not only what the tree loaded). */
export type ScannedVault = Readonly<Record<ObjectKind, Rollup>>;

/**
 * Decorations of the vaults view: expired (error colour), expiring within azureKeyVault.expiryWarningDays
 * (warning colour), disabled and not-yet-active items, rolled up on groups and vaults. Items carry their state in
 * their `keyvault-tree:` URI (no request); groups report the roll-up of what they loaded (`setLoaded`), vaults sum
 * their groups; a scan adds what the tree has not loaded (per count, the larger of the two), so a collapsed vault
 * shows its badge after "Expiring Soon…".
 */
export class ExpiryDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly scanned = new Map<string, ScannedVault>();
  /** Vault URL (lower case) → the roll-up of each kind's loaded items. */
  private readonly loaded = new Map<string, Partial<Record<ObjectKind, Rollup>>>();

  constructor(private readonly warningDays: () => number) {}

  /** Replaces the scan results (vault URL → roll-ups per kind) and re-decorates. */
  setScan(results: ReadonlyMap<string, ScannedVault>): void {
    this.scanned.clear();
    for (const [url, r] of results) this.scanned.set(url.toLowerCase(), r);
    this.changed.fire(undefined);
  }

  /** The roll-up of a group's loaded items changed: its row and its vault's row are decorated again. */
  setLoaded(vaultUrl: string, kind: ObjectKind, rollup: Rollup): void {
    const key = vaultUrl.toLowerCase();
    const own = this.loaded.get(key) ?? {};
    const before = own[kind];
    if (before && sameRollup(before, rollup)) return;
    this.loaded.set(key, { ...own, [kind]: rollup });
    this.changed.fire(undefined);
  }

  /** Forgets the scan (the whole tree was refreshed). */
  clearScan(): void {
    if (!this.scanned.size) return;
    this.scanned.clear();
    this.changed.fire(undefined);
  }

  /** What the decoration of a node's URI shows (also used by tests). */
  specFor(uri: vscode.Uri): DecorationSpec | undefined {
    const parsed = parseTreeUri(uri);
    if (!parsed) return undefined;
    if (parsed.type === 'item') return itemDecoration(parsed.state, parsed.daysLeft);
    const scan = this.scanned.get(parsed.vaultUrl.toLowerCase());
    const loaded = this.loaded.get(parsed.vaultUrl.toLowerCase()) ?? {};
    if (parsed.type === 'group') return rollupDecoration(widest(loaded[parsed.kind] ?? emptyRollup, scan?.[parsed.kind]), this.warningDays());
    const scanned = scan ? sum(scan.secret, scan.key, scan.certificate) : undefined;
    const ownRollup = sum(loaded.secret ?? emptyRollup, loaded.key ?? emptyRollup, loaded.certificate ?? emptyRollup);
    return rollupDecoration(widest(ownRollup, scanned), this.warningDays());
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TREE_SCHEME) return undefined;
    const spec = this.specFor(uri);
    if (!spec) return undefined;
    const decoration = new vscode.FileDecoration(spec.badge, spec.tooltip, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
    decoration.propagate = false;
    return decoration;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
