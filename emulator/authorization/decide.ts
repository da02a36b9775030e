// The data-plane authorization of a vault, after authentication and the control API's deny rules: the firewall
// (publicNetworkAccess, networkAcls), then Azure RBAC (enableRbacAuthorization) or the access policies.
import type { HttpInput } from '../httpio';
import type { TokenClaims } from '../jwt';
import type { DenyReason } from '../seed';
import type { VaultRecord, World } from '../world';
import { requiredAccess, type RequiredAccess } from './actions';
import { findRole, grantsDataAction } from './roles';
import { vaultScope } from './scope';

export interface Refusal {
  readonly reason: DenyReason;
  readonly access?: RequiredAccess;
}

function ipv4(addr: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/** Whether an IPv4 address matches an `ipRules[].value` (an address or a CIDR range). */
export function ipRuleMatches(rule: string, address: string): boolean {
  const [base, bitsText] = rule.trim().split('/');
  const a = ipv4(address.replace(/^::ffff:/i, ''));
  const b = ipv4(base ?? '');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

function firewallBlocks(record: VaultRecord, remoteAddress: string): boolean {
  if (record.publicNetworkAccess.toLowerCase() === 'disabled') return true;
  const acls = record.networkAcls;
  if (!acls || typeof acls.defaultAction !== 'string' || acls.defaultAction.toLowerCase() !== 'deny') return false;
  const rules = Array.isArray(acls.ipRules) ? (acls.ipRules as unknown[]) : [];
  return !rules.some((r) => typeof r === 'object' && r !== null && typeof (r as { value?: unknown }).value === 'string' && ipRuleMatches((r as { value: string }).value, remoteAddress));
}

function rbacGrants(world: World, record: VaultRecord, claims: TokenClaims, access: RequiredAccess): boolean {
  const resource = `${vaultScope(record)}${access.object ? `/${access.kind}/${access.object}` : ''}`;
  const mine = world.roleAssignments.applying(world.directory, world.liveVaults(), { objectId: claims.oid, tenantId: claims.tid }, resource);
  return mine.some((a) => {
    const role = findRole(a.roleDefinitionId);
    return role !== undefined && grantsDataAction(role.permission, access.dataAction);
  });
}

interface PolicyEntry {
  tenantId?: unknown;
  objectId?: unknown;
  permissions?: Record<string, unknown>;
}

function policyGrants(record: VaultRecord, claims: TokenClaims, access: RequiredAccess): boolean {
  const same = (x: unknown, y: string): boolean => typeof x === 'string' && x.toLowerCase() === y.toLowerCase();
  return (record.accessPolicies as PolicyEntry[]).some((p) => {
    if (typeof p !== 'object' || p === null || !same(p.objectId, claims.oid) || !same(p.tenantId, record.tenantId)) return false;
    const granted = p.permissions?.[access.kind];
    return Array.isArray(granted) && granted.some((g) => typeof g === 'string' && (same(g, access.permission) || same(g, 'all')));
  });
}

/** Why the request is refused, or undefined when it may go on to the stores. */
export function authorizeDataPlane(world: World, record: VaultRecord, claims: TokenClaims, input: HttpInput): Refusal | undefined {
  const access = requiredAccess(input.method, input.path);
  if (firewallBlocks(record, input.remoteAddress)) return { reason: 'firewall', access };
  if (!access) return undefined;
  if (record.enableRbacAuthorization) return rbacGrants(world, record, claims, access) ? undefined : { reason: 'rbac', access };
  return policyGrants(record, claims, access) ? undefined : { reason: 'policy', access };
}
