import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { emptyRollup, itemDecoration, rollupDecoration, sameRollup, sum, widest, type DecorationSpec, type Rollup } from './rollup';
import { parseTreeUri, TREE_SCHEME } from './uris';

/** Roll-ups of one vault from an "Expiring Soon" scan (every item listed, not only what the tree loaded). */
export type ScannedVault = Readonly<Record<ObjectKind, Rollup>>;

/**
 * Decorations of the vaults view: expired (error colour), expiring within azureKeyVault.expiryWarningDays
 * (warning colour), disabled and not-yet-active items, rolled up on groups and vaults. One rule throughout: an item's
 * badge is the day count of its description; a group's badge counts its coloured rows (expired + expiring; items a
 * certificate manages are neither coloured nor counted: the certificate stands for them); a vault's badge is the sum
 * of its groups, shown once all three are known (listed, or scanned by "Expiring Soon…") so it never grows as
 * groups are expanded.
 *
 * Items carry their state in their `keyvault-tree:` URI (no request). Per vault and kind the provider keeps the last
 * known roll-up, from whichever came last: the group's listing (`setLoaded`) or an "Expiring Soon…" scan
 * (`setScan`, which lists every item, so a collapsed vault shows its badge). A refresh forgets nothing: a roll-up
 * stays until its group lists again, so badges neither vanish on a refresh nor change as groups expand after a scan.
 * A listing with pages left can only raise a count (the rest is not known yet). A changed roll-up re-decorates
 * only the group and vault rows of that vault (items carry their own state).
 */
export class ExpiryDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  /** Vault URL (lower case) → the last known roll-up of each kind. */
  private readonly known = new Map<string, Partial<Record<ObjectKind, Rollup>>>();
  /**
   * Vault URL (lower case) → the group and vault URIs VS Code asked about (by their text): what a changed roll-up
   * re-decorates, instead of every row (a listing of 10,000 items would be asked again on each page).
   */
  private readonly asked = new Map<string, Map<string, vscode.Uri>>();

  constructor(private readonly warningDays: () => number) {}

  /** Scan results (vault URL → roll-ups per kind) replace what was known of those vaults; re-decorates. */
  setScan(results: ReadonlyMap<string, ScannedVault>): void {
    for (const [url, r] of results) this.known.set(url.toLowerCase(), { ...this.known.get(url.toLowerCase()), ...r });
    this.changed.fire(undefined);
  }

  /**
   * A group listed its items: their roll-up replaces what was known of that kind (`complete`: no page left), or
   * raises it (pages left). The rows of the group and its vault are decorated again when it changed.
   */
  setLoaded(vaultUrl: string, kind: ObjectKind, rollup: Rollup, complete = true): void {
    const key = vaultUrl.toLowerCase();
    const own = this.known.get(key) ?? {};
    const before = own[kind];
    const next = complete ? rollup : widest(rollup, before);
    if (before && sameRollup(before, next)) return;
    this.known.set(key, { ...own, [kind]: next });
    const rows = this.asked.get(key);
    if (rows?.size) this.changed.fire([...rows.values()]);
  }

  /** What the decoration of a node's URI shows (also used by tests). */
  specFor(uri: vscode.Uri): DecorationSpec | undefined {
    const parsed = parseTreeUri(uri);
    if (!parsed) return undefined;
    if (parsed.type === 'item') return itemDecoration(parsed.state, parsed.daysLeft);
    const known = this.known.get(parsed.vaultUrl.toLowerCase()) ?? {};
    if (parsed.type === 'group') return rollupDecoration(known[parsed.kind] ?? emptyRollup, this.warningDays());
    // A vault's badge only once every kind is known: a partial sum would grow as groups are expanded.
    if (!known.secret || !known.key || !known.certificate) return undefined;
    return rollupDecoration(sum(known.secret, known.key, known.certificate), this.warningDays());
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TREE_SCHEME) return undefined;
    const parsed = parseTreeUri(uri);
    if (parsed && parsed.type !== 'item') {
      const key = parsed.vaultUrl.toLowerCase();
      const rows = this.asked.get(key) ?? new Map<string, vscode.Uri>();
      rows.set(uri.toString(), uri);
      this.asked.set(key, rows);
    }
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
