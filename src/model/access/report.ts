// The Show My Access report (pure Markdown, read-only document like the bulk reports): who is signed in, the
// permission model, per kind what they may do, the roles or policy entries behind it, whether they can assign roles,
// the network verdict and what to ask for. Every name that comes from Azure is escaped (../markdownTable.ts).
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../../azure/model';
import { cell, code, table } from '../markdownTable';
import { kindAccessSummary, policyNeeds, roleName } from './denial';
import type { NetworkVerdict } from './network';
import { applicableOperations, OBJECT_KINDS, type AccessOperation, type Allowed } from './operations';
import { policyList } from './policies';
import { ROLE_ASSIGNMENTS_WRITE } from './rbac';
import { GRANTABLE_ROLES, leastRoleFor, type KnownRole } from './roles';
import type { VaultAccess } from './vaultAccess';
import { operationName, operationPhrase, scopeWord } from './words';
import { groupLabel } from '../kindWords';

const mark = (a: Allowed) => (a === true ? '✓' : a === false ? '✗' : '?');

function modelLines(access: VaultAccess): string[] {
  switch (access.model) {
    case 'rbac':
      return [l10n.t('Azure role-based access control (RBAC): what you may do comes from role assignments, yours and your groups\'.')];
    case 'accessPolicy':
      return [l10n.t('Vault access policies: what you may do comes from the entries of the vault\'s access policy that name you.')];
    case 'unknown':
      return [l10n.t('Unknown: the vault\'s permission model could not be read.')];
  }
}

function whoLines(access: VaultAccess): string[] {
  const p = access.principal;
  const unknown = l10n.t('unknown');
  const kind = p.kind === 'servicePrincipal' ? l10n.t('service principal') : p.kind === 'user' ? l10n.t('user') : unknown;
  return [
    `- ${l10n.t('Signed in as')}: ${p.name ? cell(p.name) : unknown} (${kind})`,
    `- ${l10n.t('Object id')}: ${p.objectId ? code(p.objectId) : unknown}`,
    `- ${l10n.t('Tenant')}: ${p.tenantId ? code(p.tenantId) : unknown}`,
  ];
}

function kindLines(access: VaultAccess, kind: ObjectKind): string[] {
  const caps = access.capabilities[kind];
  return [
    `### ${groupLabel(kind)}: ${kindAccessSummary(caps)}`,
    '',
    ...table([l10n.t('Operation'), l10n.t('Allowed')], applicableOperations(kind).map((op) => [operationName(kind, op), mark(caps[op])])),
    '',
  ];
}

function roleLines(access: VaultAccess): string[] {
  if (access.roles.length === 0) return [l10n.t('No role assignment of yours was found at or above this vault.'), ''];
  const rows = access.roles.map((r) => [cell(roleName(r)), scopeWord(r.at), code(r.scope)]);
  const lines = [...table([l10n.t('Role'), l10n.t('Where'), l10n.t('Scope')], rows), ''];
  if (access.roles.some((r) => r.at === 'object')) lines.push(l10n.t('A role on one object allows that object only; the tables above are for the vault as a whole.'), '');
  return lines;
}

function policyLines(access: VaultAccess): string[] {
  if (access.policies.length === 0) return [l10n.t('No entry of the vault\'s access policy names you. Entries for groups you are in still apply but cannot be told apart here.'), ''];
  const perms = (list: readonly string[]) => (list.length > 0 ? cell(list.join(', ')) : '—');
  const rows = access.policies.map((e) => [
    code(e.objectId),
    e.applicationId ? code(e.applicationId) : '—',
    ...OBJECT_KINDS.map((k) => perms(policyList(e, k))),
  ]);
  return [...table([l10n.t('Object id'), l10n.t('Application'), l10n.t('Secrets'), l10n.t('Keys'), l10n.t('Certificates')], rows), ''];
}

function managementLines(access: VaultAccess): string[] {
  if (access.model === 'accessPolicy') return [l10n.t('Access policies are changed by whoever may write them ({0}, e.g. a Key Vault Contributor or an Owner).', code('Microsoft.KeyVault/vaults/accessPolicies/write'))];
  const action = code(ROLE_ASSIGNMENTS_WRITE);
  if (access.canAssignRoles === true) return [l10n.t('You may write role assignments on this vault ({0}): you can grant yourself a role with Grant Me….', action)];
  if (access.canAssignRoles === false) return [l10n.t('You may not write role assignments on this vault ({0}): Request Access… prepares a message for someone who can.', action)];
  return [l10n.t('Whether you may write role assignments on this vault ({0}) is unknown.', action)];
}

function networkLines(network: NetworkVerdict): string[] {
  switch (network.state) {
    case 'open':
      return [l10n.t('Public network access is enabled with no firewall: any network may reach the vault.')];
    case 'closed':
      return [l10n.t('Public network access is disabled: the vault answers through its private endpoints only. From outside their networks every request fails, whatever your permissions.')];
    case 'unknown':
      return [l10n.t('Unknown: the vault\'s network rules could not be read.')];
    case 'firewall': {
      const rules = l10n.t('The firewall allows {0} IP rule(s) and {1} virtual network rule(s).', network.ipRuleCount, network.virtualNetworkRuleCount);
      const ip = network.clientIp ? code(network.clientIp) : '';
      const verdict =
        network.allowed === true
          ? l10n.t('Your IP address {0} is allowed by the rule {1}.', ip, code(network.matchedRule ?? ''))
          : network.allowed === false
            ? network.clientIp
              ? l10n.t('Your IP address {0} matches no rule: the firewall blocks you. Ask for your address to be added, or connect through an allowed network.', ip)
              : l10n.t('No rule can let you in: the firewall blocks every public address.')
            : network.clientIp
              ? l10n.t('Your IP address {0} matches no IP rule; a virtual network rule may still let you in.', ip)
              : l10n.t('Your IP address is not known yet (the vault names it in its answers: list something, then Show My Access again): the firewall may block you.');
      return [rules, '', verdict];
    }
  }
}

/** The missing operations, grouped by the least role that allows them (an operation no grantable role allows is left out). */
function missingByRole(access: VaultAccess): Map<KnownRole, string[]> {
  const byRole = new Map<KnownRole, string[]>();
  for (const kind of OBJECT_KINDS) {
    for (const op of applicableOperations(kind)) {
      if (access.capabilities[kind][op] !== false) continue;
      const role = leastRoleFor(kind, op);
      if (role) byRole.set(role, [...(byRole.get(role) ?? []), operationPhrase(kind, op)]);
    }
  }
  return byRole;
}

function missingPolicy(access: VaultAccess): string[] {
  return OBJECT_KINDS.flatMap((kind) => {
    const ops = applicableOperations(kind).filter((op: AccessOperation) => access.capabilities[kind][op] === false);
    return ops.length === 0 ? [] : [`- ${ops.map((op) => policyNeeds(kind, op)).join('; ')}`];
  });
}

function todoLines(access: VaultAccess): string[] {
  if (access.model === 'accessPolicy') {
    const lines = missingPolicy(access);
    if (lines.length === 0) return [l10n.t('Nothing is missing.')];
    return [l10n.t('Ask an owner of the vault to add these permissions to your access policy entry (Request Access… writes the message and the command):'), '', ...lines];
  }
  if (access.model === 'unknown') return [l10n.t('Refresh once the vault can be read, or ask its owner which role you hold.')];
  const byRole = missingByRole(access);
  if (byRole.size === 0) return [l10n.t('Nothing is missing.')];
  const how = access.canAssignRoles === true ? l10n.t('Grant Me… assigns one of these roles to you.') : l10n.t('Request Access… writes a message asking for one of these roles.');
  return [
    ...[...byRole].sort(([a], [b]) => GRANTABLE_ROLES.indexOf(a) - GRANTABLE_ROLES.indexOf(b)).map(([role, what]) => `- ${l10n.t('{0}: {1}', role.name, what.join(', '))}`),
    '',
    how,
    l10n.t('A new role assignment can take several minutes to take effect; refresh the vault afterwards.'),
  ];
}

/** The Show My Access report (Markdown). */
export function accessReportMarkdown(vault: { readonly name: string; readonly vaultUrl: string; readonly resourceId?: string }, access: VaultAccess): string {
  const grants = access.model === 'accessPolicy' ? [`## ${l10n.t('Your access policy entries')}`, '', ...policyLines(access)] : [`## ${l10n.t('Your roles')}`, '', ...roleLines(access)];
  const lines = [
    `# ${l10n.t('My access to {0}', cell(vault.name))}`,
    '',
    `- ${l10n.t('Vault')}: ${code(vault.vaultUrl)}`,
    ...(vault.resourceId ? [`- ${l10n.t('Resource id')}: ${code(vault.resourceId)}`] : []),
    '',
    ...(access.problem ? [`> ${cell(access.problem)}`, ''] : []),
    `## ${l10n.t('Who')}`,
    '',
    ...whoLines(access),
    '',
    `## ${l10n.t('Permission model')}`,
    '',
    ...modelLines(access),
    '',
    `## ${l10n.t('What you can do')}`,
    '',
    l10n.t('✓ allowed, ✗ not allowed, ? unknown.'),
    '',
    ...OBJECT_KINDS.flatMap((k) => kindLines(access, k)),
    ...grants,
    `## ${l10n.t('Managing access')}`,
    '',
    ...managementLines(access),
    '',
    `## ${l10n.t('Network')}`,
    '',
    ...networkLines(access.network),
    '',
    `## ${l10n.t('What to do')}`,
    '',
    ...todoLines(access),
    '',
  ];
  return lines.join('\n');
}
