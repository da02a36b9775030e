// The plain-text message a user sends to whoever administers a vault to ask for access (pure): the vault, the role
// or permissions, who they are, and the exact Azure CLI line that grants it.
// CLI: `az role assignment create` (https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-create)
// and `az keyvault set-policy` (https://learn.microsoft.com/cli/azure/keyvault#az-keyvault-set-policy).
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../../azure/model';
import { operationPhrase } from './words';
import { applicable, type AccessOperation } from './operations';
import { POLICY_PERMISSIONS } from './policies';
import type { KnownRole } from './roles';
import type { VaultAccess } from './vaultAccess';

/** A shell word: as is when plain, else single-quoted (the values come from Azure; a pasted line must not run anything else). */
function shellArg(value: string): string {
  return /^[\w\-./:@=+,]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The resource group of an ARM resource id; undefined when it has none. */
function resourceGroupOf(resourceId: string | undefined): string | undefined {
  return resourceId ? /\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1] : undefined;
}

const POLICY_FLAG: Readonly<Record<ObjectKind, string>> = { secret: '--secret-permissions', key: '--key-permissions', certificate: '--certificate-permissions' };

/** The access-policy permissions to ask for: those the operation needs, with get and list (nothing is usable without them). */
function policyPermissions(kind: ObjectKind, op: AccessOperation | undefined): string[] {
  const needed = op && applicable(kind, op) ? POLICY_PERMISSIONS[kind][op] : [];
  return [...new Set(['get', 'list', ...needed])];
}

export interface AccessRequestInput {
  readonly vaultName: string;
  readonly resourceId?: string;
  readonly model: VaultAccess['model'];
  readonly role?: KnownRole;
  readonly kind?: ObjectKind;
  readonly op?: AccessOperation;
  readonly objectId?: string;
  readonly principalName?: string;
  /** A service principal (signed in with one) gets `--assignee-principal-type ServicePrincipal`; else User. */
  readonly principalKind?: 'user' | 'servicePrincipal';
  readonly tenantId?: string;
}

function commandLine(input: AccessRequestInput, objectId: string): string {
  if (input.model === 'accessPolicy') {
    const kind = input.kind ?? 'secret';
    const rg = resourceGroupOf(input.resourceId);
    return [
      'az keyvault set-policy',
      `--name ${shellArg(input.vaultName)}`,
      ...(rg ? [`--resource-group ${shellArg(rg)}`] : []),
      `--object-id ${objectId}`,
      `${POLICY_FLAG[kind]} ${policyPermissions(kind, input.op).join(' ')}`,
    ].join(' ');
  }
  const role = input.role?.name ?? '<role>';
  const scope = input.resourceId ? shellArg(input.resourceId) : '<vault resource id>';
  return `az role assignment create --role "${role}" --assignee-object-id ${objectId} --assignee-principal-type ${input.principalKind === 'servicePrincipal' ? 'ServicePrincipal' : 'User'} --scope ${scope}`;
}

/** Plain text a user sends to an admin: the vault, what is asked for, who asks, and the exact Azure CLI line. */
export function accessRequestMessage(input: AccessRequestInput): string {
  const unknown = l10n.t('(unknown)');
  const objectId = input.objectId ? shellArg(input.objectId) : '<object id>';
  const why = input.kind && input.op ? [l10n.t('I need to {0}.', operationPhrase(input.kind, input.op))] : [];
  const asked =
    input.model === 'accessPolicy'
      ? l10n.t('Access policy permissions: {0}', `${input.kind ?? 'secret'}s: ${policyPermissions(input.kind ?? 'secret', input.op).join(', ')}`)
      : l10n.t('Role: {0}', input.role ? `${input.role.name} (${input.role.id})` : unknown);
  return [
    l10n.t('Hello, could you give me access to the Azure Key Vault "{0}"?', input.vaultName),
    ...why,
    '',
    l10n.t('Vault: {0}', input.vaultName),
    l10n.t('Resource id: {0}', input.resourceId ?? unknown),
    asked,
    l10n.t('User: {0}', input.principalName ?? unknown),
    l10n.t('Object id: {0}', input.objectId ?? unknown),
    l10n.t('Tenant: {0}', input.tenantId ?? unknown),
    '',
    l10n.t('This Azure CLI command grants it:'),
    commandLine(input, objectId),
    '',
  ].join('\n');
}
