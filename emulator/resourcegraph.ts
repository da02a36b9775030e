// Resource Graph (`POST /providers/Microsoft.ResourceGraph/resources`, api-version 2024-04-01) over the emulator's
// resources, with a tiny KQL subset: `resources | where … | project … | order by … | limit N`. Enough for
// `resources | where type =~ 'microsoft.keyvault/vaults'` and the official examples (ResourcesBasicQuery.json,
// ResourcesFilterQuery.json). As the service: the request is `{subscriptions, query, options: {$top, $skip,
// $skipToken, resultFormat}}`; rows are trimmed to the subscriptions of the token's tenant the caller may read
// (others named in `subscriptions` are dropped silently; none left → 400 NoValidSubscriptionsInQueryRequest);
// pages of 1,000 rows by default (`$top` up to 1,000) with an opaque `$skipToken` while rows remain and the
// projection keeps `id` (without it the answer is cut: `resultTruncated: "true"`, no token).
// Managed HSMs are rows of their own type (`microsoft.keyvault/managedhsms`, hsm/arm.ts): a vault query never sees them.
import { vaultId, vaultProperties, genericResourceId } from './arm-model';
import { EmuError } from './errors';
import type { Subscription } from './directory';
import { managedHsmRow } from './hsm/arm';
import type { ManagedHsmRecord } from './hsm/model';
import { badRequest, queryError, run, type Row } from './resourcegraph-kql';
import type { VaultRecord } from './world';

export function vaultRow(v: VaultRecord): Row {
  return {
    id: vaultId(v), name: v.name, type: 'microsoft.keyvault/vaults', tenantId: v.tenantId, kind: '', location: v.location,
    resourceGroup: v.resourceGroup.toLowerCase(), subscriptionId: v.subscriptionId, managedBy: '', sku: null, plan: null,
    properties: vaultProperties(v), tags: { ...v.tags }, identity: null, zones: null, extendedLocation: null,
  };
}

export function resourceRows(subs: readonly Subscription[], vaults: readonly VaultRecord[], hsms: readonly ManagedHsmRecord[] = []): Row[] {
  const ids = new Set(subs.map((s) => s.id.toLowerCase()));
  const rows: Row[] = vaults.filter((v) => !v.deleted && ids.has(v.subscriptionId.toLowerCase())).map(vaultRow);
  rows.push(...hsms.filter((h) => ids.has(h.subscriptionId.toLowerCase())).map((h) => managedHsmRow(h) as Row));
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

export interface GraphRequest {
  query?: unknown;
  subscriptions?: unknown;
  managementGroups?: unknown;
  options?: { $top?: unknown; $skip?: unknown; $skipToken?: unknown; resultFormat?: unknown };
}

/** The service's page size when `$top` is absent, and the largest `$top` it accepts. */
export const GRAPH_PAGE_SIZE = 1000;

interface SkipState {
  readonly offset: number;
  readonly top: number;
  readonly query: string;
}

/** Opaque to clients; it names the query it belongs to, so a token replayed with another query is refused. */
function encodeSkipToken(state: SkipState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeSkipToken(token: unknown, query: string): SkipState | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  try {
    if (typeof token !== 'string') throw new TypeError('not a string');
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<SkipState>;
    if (Number.isInteger(state.offset) && Number.isInteger(state.top) && state.query === query) return state as SkipState;
  } catch {
    // refused below
  }
  throw badRequest('InvalidSkipToken', 'The skip token is invalid or does not belong to this query.');
}

function integerOption(value: unknown, name: string, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
    throw badRequest('InvalidQueryOptions', `The value of '${name}' must be an integer between 0 and ${max}.`);
  }
  return value as number;
}

/** The subscriptions the query runs over: those named (or all the caller may read), trimmed to the readable ones. */
function scope(body: GraphRequest, visible: readonly Subscription[]): readonly Subscription[] {
  if (body.subscriptions === undefined || body.subscriptions === null) return visible;
  if (!Array.isArray(body.subscriptions)) throw new EmuError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  const asked = body.subscriptions.map((s) => String(s).toLowerCase());
  const subs = visible.filter((s) => asked.includes(s.id.toLowerCase()));
  if (subs.length === 0) {
    throw badRequest('NoValidSubscriptionsInQueryRequest', `There must be at least one subscription that is eligible to contain resources. Given: '${asked.join(',')}'.`);
  }
  return subs;
}

function columnType(values: unknown[]): string {
  const v = values.find((x) => x !== null && x !== undefined);
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'real';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v === 'object' ? 'object' : 'string';
}

/** `resultFormat: "table"`: `{columns: [{name, type}], rows: [[…]]}` instead of an array of objects. */
function table(rows: Row[], columns: string[] | undefined): Record<string, unknown> {
  const names = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    columns: names.map((name) => ({ name, type: columnType(rows.map((r) => r[name])) })),
    rows: rows.map((r) => names.map((n) => r[n] ?? null)),
  };
}

/** Runs a query over the rows of the subscriptions the caller may see (`visible`: the token's tenant, readable). */
export function resourceGraph(
  body: GraphRequest,
  visible: readonly Subscription[],
  vaults: readonly VaultRecord[],
  hsms: readonly ManagedHsmRecord[] = [],
): Record<string, unknown> {
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    throw queryError("The request must contain a 'query'.");
  }
  if (body.managementGroups !== undefined) throw badRequest('UnsupportedScope', 'The emulator runs queries over subscriptions only.');
  const query = body.query;
  const subs = scope(body, visible);
  const { rows, columns } = run(query, resourceRows(subs, vaults, hsms));
  const opts = body.options ?? {};
  const format = opts.resultFormat ?? 'objectArray';
  if (format !== 'objectArray' && format !== 'table') throw badRequest('InvalidQueryOptions', `Unknown resultFormat '${JSON.stringify(format)}'.`);
  const skip = decodeSkipToken(opts.$skipToken, query);
  const top = integerOption(opts.$top, '$top', GRAPH_PAGE_SIZE) ?? skip?.top ?? GRAPH_PAGE_SIZE;
  const start = integerOption(opts.$skip, '$skip', Number.MAX_SAFE_INTEGER) ?? skip?.offset ?? 0;
  const data = rows.slice(start, start + top);
  const more = start + top < rows.length;
  const pageable = columns === undefined || columns.includes('id');
  return {
    totalRecords: rows.length,
    count: data.length,
    resultTruncated: more && !pageable ? 'true' : 'false',
    ...(more && pageable ? { $skipToken: encodeSkipToken({ offset: start + top, top, query }) } : {}),
    facets: [],
    data: format === 'table' ? table(data, columns) : data,
  };
}
