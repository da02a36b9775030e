// The `keyvault-tree:` resource URIs of tree nodes. An item's expiry state is in its URI's query (a changed state
// is a changed URI). A group's or vault's URI only names it (vault URL, kind): its roll-up is held by the decoration
// provider (ExpiryDecorations.setLoaded), so a changed roll-up re-decorates the row without re-rendering the tree —
// re-rendering a vault would drop its rows' handles in the middle of a reveal.
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { daysFrom, type ItemState } from './format';

export const TREE_SCHEME = 'keyvault-tree';

export type ParsedTreeUri =
  | { readonly type: 'item'; readonly state: ItemState; readonly daysLeft?: number }
  | { readonly type: 'group'; readonly vaultUrl: string; readonly kind: ObjectKind }
  | { readonly type: 'vault'; readonly vaultUrl: string };

function uri(nodeId: string, params: Record<string, string>): vscode.Uri {
  return vscode.Uri.from({ scheme: TREE_SCHEME, path: `/${encodeURIComponent(nodeId)}`, query: new URLSearchParams(params).toString() });
}

export function itemUri(nodeId: string, state: ItemState, daysLeft: number | undefined): vscode.Uri {
  return uri(nodeId, { t: 'item', s: state, ...(daysLeft !== undefined ? { d: String(daysLeft) } : {}) });
}

export function groupUri(nodeId: string, vaultUrl: string, kind: ObjectKind): vscode.Uri {
  return uri(nodeId, { t: 'group', v: vaultUrl, k: kind });
}

export function vaultUri(nodeId: string, vaultUrl: string): vscode.Uri {
  return uri(nodeId, { t: 'vault', v: vaultUrl });
}

const states: readonly ItemState[] = ['disabled', 'expired', 'expiring', 'notYetActive', 'ok'];
const kinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export function parseTreeUri(u: vscode.Uri): ParsedTreeUri | undefined {
  if (u.scheme !== TREE_SCHEME) return undefined;
  const q = new URLSearchParams(u.query);
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
      return vaultUrl && kinds.includes(kind) ? { type: 'group', vaultUrl, kind } : undefined;
    }
    case 'vault': {
      const vaultUrl = q.get('v');
      return vaultUrl ? { type: 'vault', vaultUrl } : undefined;
    }
    default:
      return undefined;
  }
}

/** Whole days until `date`: the day count of the row's description (./format.ts daysFrom), so badge and text agree. */
export function daysUntil(date: Date | undefined, now: number): number | undefined {
  return date ? daysFrom(date, now) : undefined;
}
