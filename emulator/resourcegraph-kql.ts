// The KQL subset of the emulator's Resource Graph (resourcegraph.ts) and the service's error shape:
// `resources | where <col> =~|==|!=|!~|contains|startswith|in|in~|!in … [and …] | project a, b, x = p.q |
// order by c [asc|desc] | limit N` (`take`, `sort by` too); anything else is a 400 InvalidQuery as the service says it.
import { randomUUID } from 'node:crypto';
import { EmuError } from './errors';
import type { EmuResponse } from './types';

export type Row = Record<string, unknown>;

/** Resource Graph's error shape: a generic message with a correlation id, the specifics in `details`. */
class GraphError extends EmuError {
  constructor(status: number, code: string, private readonly details: readonly { code: string; message: string }[]) {
    super(status, code, `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`);
  }

  override toResponse(): EmuResponse {
    return { status: this.status, body: { error: { code: this.code, message: this.message, details: this.details } } };
  }
}

export function queryError(detail: string): EmuError {
  return new GraphError(400, 'BadRequest', [
    { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
    { code: 'ParserFailure', message: detail },
  ]);
}

export function badRequest(code: string, message: string): EmuError {
  return new GraphError(400, 'BadRequest', [{ code, message }]);
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

export function run(query: string, input: Row[]): Parsed {
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

