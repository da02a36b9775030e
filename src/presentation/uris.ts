// The `keyvault-tree:` resource URIs of tree nodes. A node's expiry state (item) or roll-up (group, vault) is in
// the URI's query, so the decoration provider needs no lookup and a changed state is a changed URI.
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import type { ItemState } from './format';
import { emptyRollup, type Rollup } from './rollup';

export const TREE_SCHEME = 'keyvault-tree';

export type ParsedTreeUri =
  | { readonly type: 'item'; readonly state: ItemState; readonly daysLeft?: number }
  | { readonly type: 'group'; readonly vaultUrl: string; readonly kind: ObjectKind; readonly rollup: Rollup }
  | { readonly type: 'vault'; readonly vaultUrl: string; readonly rollup: Rollup };

function uri(nodeId: string, params: Record<string, string>): vscode.Uri {
  return vscode.Uri.from({ scheme: TREE_SCHEME, path: `/${encodeURIComponent(nodeId)}`, query: new URLSearchParams(params).toString() });
}

function rollupParams(r: Rollup): Record<string, string> {
  return { e: String(r.expired), w: String(r.expiring), x: String(r.disabled), n: String(r.notYetActive) };
}

export function itemUri(nodeId: string, state: ItemState, daysLeft: number | undefined): vscode.Uri {
  return uri(nodeId, { t: 'item', s: state, ...(daysLeft !== undefined ? { d: String(daysLeft) } : {}) });
}

export function groupUri(nodeId: string, vaultUrl: string, kind: ObjectKind, rollup: Rollup | undefined): vscode.Uri {
  return uri(nodeId, { t: 'group', v: vaultUrl, k: kind, ...rollupParams(rollup ?? emptyRollup) });
}

export function vaultUri(nodeId: string, vaultUrl: string, rollup: Rollup): vscode.Uri {
  return uri(nodeId, { t: 'vault', v: vaultUrl, ...rollupParams(rollup) });
}

const states: readonly ItemState[] = ['disabled', 'expired', 'expiring', 'notYetActive', 'ok'];
const kinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export function parseTreeUri(u: vscode.Uri): ParsedTreeUri | undefined {
  if (u.scheme !== TREE_SCHEME) return undefined;
  const q = new URLSearchParams(u.query);
  const n = (k: string) => Math.max(0, Number(q.get(k) ?? 0) || 0);
  const rollup: Rollup = { expired: n('e'), expiring: n('w'), disabled: n('x'), notYetActive: n('n') };
  switch (q.get('t')) {
    case 'item': {
      const state = q.get('s') as ItemState;
      if (!states.includes(state)) return undefined;
      const d = q.get('d');
      return d !== null && Number.isFinite(Number(d)) ? { type: 'item', state, daysLeft: Number(d) } : { type: 'item', state };
    }
    case 'group': {
      const kind = q.get('k') as ObjectKind;
      const vaultUrl = q.get('v');
      return vaultUrl && kinds.includes(kind) ? { type: 'group', vaultUrl, kind, rollup } : undefined;
    }
    case 'vault': {
      const vaultUrl = q.get('v');
      return vaultUrl ? { type: 'vault', vaultUrl, rollup } : undefined;
    }
    default:
      return undefined;
  }
}

/** Whole days until `date` (rounded down; negative when past). */
export function daysUntil(date: Date | undefined, now: number): number | undefined {
  return date ? Math.floor((date.getTime() - now) / 86_400_000) : undefined;
}
