// Resource Graph (`POST /providers/Microsoft.ResourceGraph/resources`) over the emulator's resources, with a tiny
// KQL subset: `resources | where … | project … | order by … | limit N`. Enough for
// `resources | where type =~ 'microsoft.keyvault/vaults'` and the official examples.
import { randomUUID } from 'node:crypto';
import { vaultId, vaultProperties, genericResourceId } from './arm-model';
import { EmuError } from './errors';
import type { Subscription } from './directory';
import type { EmuResponse } from './types';
import type { VaultRecord } from './world';

type Row = Record<string, unknown>;

class GraphQueryError extends EmuError {
  constructor(private readonly detail: string) {
    super(400, 'BadRequest', `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`);
  }

  override toResponse(): EmuResponse {
    return {
      status: 400,
      body: {
        error: {
          code: 'BadRequest',
          message: this.message,
          details: [
            { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
            { code: 'ParserFailure', message: this.detail },
          ],
        },
      },
    };
  }
}

function queryError(detail: string): EmuError {
  return new GraphQueryError(detail);
}

export function vaultRow(v: VaultRecord): Row {
  return {
    id: vaultId(v), name: v.name, type: 'microsoft.keyvault/vaults', tenantId: v.tenantId, kind: '', location: v.location,
    resourceGroup: v.resourceGroup.toLowerCase(), subscriptionId: v.subscriptionId, managedBy: '', sku: null, plan: null,
    properties: vaultProperties(v), tags: { ...v.tags }, identity: null, zones: null, extendedLocation: null,
  };
}

export function resourceRows(subs: readonly Subscription[], vaults: readonly VaultRecord[]): Row[] {
  const ids = new Set(subs.map((s) => s.id.toLowerCase()));
  const rows: Row[] = vaults.filter((v) => !v.deleted && ids.has(v.subscriptionId.toLowerCase())).map(vaultRow);
  for (const s of subs) {
    for (const r of s.resources) {
      rows.push({
        id: genericResourceId(s.id, r), name: r.name, type: r.type.toLowerCase(), tenantId: s.tenantId, kind: '', location: r.location ?? 'westus',
        resourceGroup: r.resourceGroup.toLowerCase(), subscriptionId: s.id, managedBy: '', sku: null, plan: null, properties: {},
        tags: { ...(r.tags ?? {}) }, identity: null, zones: null, extendedLocation: null,
      });
    }
  }
  return rows;
}

/** Splits on `sep` outside quotes and parentheses. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === sep && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
}

function get(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Row)[k] : undefined), row);
}

function literal(text: string): string {
  const m = /^\s*(['"])(.*)\1\s*$/.exec(text);
  if (!m) throw queryError(`Expected a string literal, found '${text.trim()}'.`);
  return m[2]!;
}

function clause(text: string): (row: Row) => boolean {
  const m = /^\s*([A-Za-z_][\w.]*)\s*(=~|==|!=|!~|contains|startswith|in~|in|!in)\s*(.+?)\s*$/i.exec(text);
  if (!m) throw queryError(`Unsupported condition '${text.trim()}'.`);
  const [, col, opRaw, rhs] = m as unknown as [string, string, string, string];
  const op = opRaw.toLowerCase();
  const str = (row: Row): string => asText(get(row, col));
  if (op === 'in' || op === 'in~' || op === '!in') {
    const list = /^\((.*)\)$/.exec(rhs.trim());
    if (!list) throw queryError(`Expected a list after '${opRaw}'.`);
    const values = splitTop(list[1]!, ',').map(literal);
    const ci = op === 'in~';
    const test = (row: Row): boolean => values.some((v) => (ci ? v.toLowerCase() === str(row).toLowerCase() : v === str(row)));
    return op === '!in' ? (row) => !test(row) : test;
  }
  const value = literal(rhs);
  switch (op) {
    case '=~': return (row) => str(row).toLowerCase() === value.toLowerCase();
    case '!~': return (row) => str(row).toLowerCase() !== value.toLowerCase();
    case '==': return (row) => str(row) === value;
    case '!=': return (row) => str(row) !== value;
    case 'contains': return (row) => str(row).toLowerCase().includes(value.toLowerCase());
    default: return (row) => str(row).toLowerCase().startsWith(value.toLowerCase());
  }
}

interface Parsed {
  rows: Row[];
  columns: string[] | undefined;
}

function run(query: string, input: Row[]): Parsed {
  const [table, ...ops] = splitTop(query, '|');
  if (!table || table.toLowerCase() !== 'resources') {
    throw queryError(`Unknown table '${table ?? ''}'. The emulator knows the 'resources' table only.`);
  }
  let rows = input;
  let columns: string[] | undefined;
  for (const op of ops) {
    const [, word = '', rest = ''] = /^(\w+(?:\s+by)?)\s*(.*)$/is.exec(op) ?? [];
    const verb = word.toLowerCase().replace(/\s+/g, ' ');
    if (verb === 'where') {
      const parts = rest.split(/\s+and\s+/i).map(clause);
      rows = rows.filter((r) => parts.every((p) => p(r)));
    } else if (verb === 'project') {
      const specs = splitTop(rest, ',').map((c) => {
        const [alias, path] = c.includes('=') ? c.split('=').map((x) => x.trim()) as [string, string] : [c.split('.').join('_'), c];
        return { alias, path };
      });
      rows = rows.map((r) => Object.fromEntries(specs.map((s) => [s.alias, get(r, s.path) ?? null])));
      columns = specs.map((s) => s.alias);
    } else if (verb === 'limit' || verb === 'take') {
      const n = Number(rest.trim());
      if (!Number.isInteger(n) || n < 0) throw queryError(`Invalid limit '${rest.trim()}'.`);
      rows = rows.slice(0, n);
    } else if (verb === 'order by' || verb === 'sort by') {
      const [col = 'name', dir = 'desc'] = rest.trim().split(/\s+/);
      const sign = dir.toLowerCase() === 'asc' ? 1 : -1;
      rows = [...rows].sort((a, b) => sign * asText(get(a, col)).localeCompare(asText(get(b, col))));
    } else {
      throw queryError(`Unsupported operator '${word}'. The emulator supports where, project, order by, sort by, limit and take.`);
    }
  }
  return { rows, columns };
}

export interface GraphRequest {
  query?: unknown;
  subscriptions?: unknown;
  options?: { $top?: unknown; $skip?: unknown; $skipToken?: unknown; resultFormat?: unknown };
}

/** Runs a query over the rows of the subscriptions the caller may see (already filtered by the caller). */
export function resourceGraph(body: GraphRequest, visible: readonly Subscription[], vaults: readonly VaultRecord[]): Record<string, unknown> {
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    throw queryError("The request must contain a 'query'.");
  }
  let subs = visible;
  if (Array.isArray(body.subscriptions)) {
    const asked = new Set(body.subscriptions.map((s) => String(s).toLowerCase()));
    subs = visible.filter((s) => asked.has(s.id.toLowerCase()));
  }
  const { rows, columns } = run(body.query, resourceRows(subs, vaults));
  const opts = body.options ?? {};
  const top = Math.min(Number.isInteger(opts.$top) ? Number(opts.$top) : 100, 1000);
  const skipToken = typeof opts.$skipToken === 'string' ? Number.parseInt(Buffer.from(opts.$skipToken, 'base64url').toString('utf8'), 10) || 0 : 0;
  const start = skipToken || (Number.isInteger(opts.$skip) ? Number(opts.$skip) : 0);
  const data = rows.slice(start, start + top);
  const more = start + top < rows.length;
  const pageable = columns === undefined || columns.includes('id');
  return {
    totalRecords: rows.length,
    count: data.length,
    resultTruncated: more && !pageable ? 'true' : 'false',
    ...(more && pageable ? { $skipToken: Buffer.from(String(start + top)).toString('base64url') } : {}),
    facets: [],
    data,
  };
}
