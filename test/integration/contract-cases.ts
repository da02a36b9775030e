// The table behind contract.test.ts: for every official example in test/fixtures/contracts, the operation it shows,
// the seed that makes its parameters meaningful in the emulator, and the documented shape exceptions.

export type Plane = 'vault' | 'arm';

export interface AllowedException {
  /** Why the emulator's shape differs here. */
  readonly reason: string;
  /** `<openapi file>#<definition>` that declares the property (checked by the test for extras). */
  readonly declaredIn?: string;
}

export interface ContractCase {
  readonly file: string;
  readonly plane: Plane;
  /** Looked up in `openapi` for method and path; explicit `method`/`path` for operations outside our OpenAPI files. */
  readonly operationId: string;
  readonly openapi?: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path?: string;
  /** Data plane: the key of the vault (in DATA_VAULTS) the request goes to. */
  readonly vault?: string;
  /** Run-time settings for this case (restored afterwards). */
  readonly armPageSize?: number;
  /** Paths like `value[].attributes.recoverableDays` the emulator returns and the example lacks. */
  readonly extra?: Readonly<Record<string, AllowedException>>;
  /** Paths the example shows and the emulator does not return. */
  readonly missing?: Readonly<Record<string, AllowedException>>;
  /** The seed reproduces the example's resources: `data` must equal the example's, values included (any order). */
  readonly sameData?: boolean;
}

export const CONTRACT_TENANTS = [
  { id: 'c0c0c0c0-0000-4000-8000-000000000001', displayName: 'Contract Home', defaultDomain: 'contract-home.onmicrosoft.com' },
  { id: 'c0c0c0c0-0000-4000-8000-000000000002', displayName: 'Contract Managed', defaultDomain: 'contract-managed.onmicrosoft.com' },
  {
    id: 'c0c0c0c0-0000-4000-8000-000000000003',
    displayName: 'Contract Projected',
    defaultDomain: 'contract-projected.onmicrosoft.com',
    domains: ['contract-projected.onmicrosoft.com', 'contract-projected.example'],
    tenantBrandingLogoUrl: 'logo.contract-projected.example',
  },
  { id: 'c0c0c0c0-0000-4000-8000-000000000004', displayName: 'Contract Fourth', defaultDomain: 'contract-fourth.onmicrosoft.com' },
];

export const CONTRACT_APP = {
  clientId: 'c0c0c0c0-aaaa-4000-8000-000000000001',
  clientSecret: 'contract-app-secret',
  objectId: 'c0c0c0c0-bbbb-4000-8000-000000000001',
  tenantId: CONTRACT_TENANTS[0]!.id,
  displayName: 'contract-app',
  tenants: CONTRACT_TENANTS.slice(1).map((t) => t.id),
};

const KV_SUB = '00000000-0000-0000-0000-000000000000';
/** The subscription of the Microsoft.Authorization examples (RoleAssignments_*.json). */
const AUTHZ_SUB = 'a925f2f7-5c63-4b7b-8799-25a5f97bc3b2';
const GRAPH_SUB = 'cfbbd179-59d2-4052-aa06-9270a38aa9d6';

const ACCESS_POLICY = {
  tenantId: CONTRACT_TENANTS[0]!.id,
  objectId: CONTRACT_APP.objectId,
  permissions: { keys: ['get', 'list'], secrets: ['get', 'list', 'set', 'delete', 'backup', 'restore', 'recover', 'purge'], certificates: ['get', 'list'] },
};

const resource = (type: string, name: string, resourceGroup: string, location: string, tags?: Record<string, string>) => ({ type, name, resourceGroup, location, tags });

/** The objects of a data-plane vault, in the emulator's seed format. */
export interface DataVault {
  readonly secrets?: unknown[];
  readonly keys?: unknown[];
  readonly certificates?: unknown[];
}

/** The objects each data-plane example needs, by vault key (a fresh vault per example; name = key's first 13 chars). */
export const DATA_VAULTS: Record<string, DataVault> = {
  setsecret: { secrets: [] },
  getsecret: { secrets: [{ name: 'mysecretname', versions: [{ value: 'mysecretvalue', version: '4387e9f3d6e14c459867679a90fd0f79' }] }] },
  versions: { secrets: [{ name: 'listsecretversionstest', versions: [{ value: 'a' }, { value: 'b' }] }] },
  list: {
    secrets: [
      { name: 'listsecrettest0', contentType: 'plainText', versions: [{ value: 'a' }] },
      { name: 'listsecrettest1', contentType: 'plainText', versions: [{ value: 'b' }] },
    ],
  },
  update: { secrets: [{ name: 'crpsecret', versions: [{ value: 'v', version: '03bcccc7c8cf4546a0e3e21e52560441' }] }] },
  delete: { secrets: [{ name: 'GetDeletedSecretTest', versions: [{ value: 'v' }] }] },
  getdeleted: { secrets: [{ name: 'GetDeletedSecretTest', versions: [{ value: 'v' }], deleted: { deletedDate: '-1h' } }] },
  listdeleted: {
    secrets: [
      { name: 'listdeletedsecrettest0', contentType: 'plainText', versions: [{ value: 'a' }], deleted: { deletedDate: '-1h' } },
      { name: 'listdeletedsecrettest1', contentType: 'plainText', versions: [{ value: 'b' }], deleted: { deletedDate: '-1h' } },
    ],
  },
  recover: { secrets: [{ name: 'SecretCreateDeleteRecoverPurgeTest', versions: [{ value: 'v' }], deleted: { deletedDate: '-1h' } }] },
  purge: { secrets: [{ name: 'testsecret', versions: [{ value: 'v' }], deleted: { deletedDate: '-1h' } }] },
  backup: { secrets: [{ name: 'testsecret', versions: [{ value: 'v' }] }] },
  restoresource: {
    secrets: [{ name: 'SecretBackupRestoreTest', contentType: 'text', versions: [{ value: 'v', nbf: 1262332800, exp: 1893484800 }] }],
  },
  restore: { secrets: [] },
  backupkey: { keys: [{ name: 'testkey', kty: 'RSA', size: 2048 }] },
  // The restore examples' blobs came from the real service and are opaque to anyone else: the test sends a backup the
  // emulator made of the example's object (same name, type, attributes) from the `…src` vault instead.
  restorekeysrc: { keys: [{ name: 'KeyBackupRestoreTest', kty: 'RSA', size: 2048, enabled: false, nbf: 1262332800, exp: 1893484800 }] },
  restorekey: {},
  backupcert: { certificates: [{ name: 'testcert' }] },
  restorecertsrc: {
    certificates: [{
      name: 'testcert', subject: 'CN=example.com', validityMonths: 12, ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
      keyUsage: ['digitalSignature', 'keyEncipherment'],
    }],
  },
  restorecert: {},
};

/** Restore cases: the vault (in DATA_VAULTS) and backup path of the object whose emulator-made blob is sent. */
export const RESTORE_SOURCES: Readonly<Record<string, { vault: string; backupPath: string }>> = {
  RestoreSecret: { vault: 'restoresource', backupPath: '/secrets/SecretBackupRestoreTest/backup' },
  RestoreKey: { vault: 'restorekeysrc', backupPath: '/keys/KeyBackupRestoreTest/backup' },
  RestoreCertificate: { vault: 'restorecertsrc', backupPath: '/certificates/testcert/backup' },
};

/** Tenants, subscriptions and vaults (besides DATA_VAULTS) the ARM examples need. */
export function contractSeed(dataVaultName: (key: string) => string): Record<string, unknown> {
  const home = CONTRACT_TENANTS[0]!.id;
  const kvVault = (name: string, resourceGroup: string, extra: Record<string, unknown> = {}) => ({
    name, subscription: KV_SUB, resourceGroup, location: 'westus', accessPolicies: [ACCESS_POLICY], enableRbacAuthorization: false, ...extra,
  });
  return {
    tenants: CONTRACT_TENANTS,
    apps: [CONTRACT_APP],
    subscriptions: [
      {
        id: '291bba3f-e0a5-47bc-a099-3bdcb2a50a05', displayName: 'Example Subscription', tenantId: home,
        managedByTenants: [CONTRACT_TENANTS[1]!.id], tags: { tagKey1: 'tagValue1', tagKey2: 'tagValue2' },
      },
      {
        id: '72ac930a-f34e-42d8-b06d-dc2a9e12ed71', displayName: 'Example Subscription2', tenantId: home,
        managedByTenants: [CONTRACT_TENANTS[1]!.id, CONTRACT_TENANTS[2]!.id], tags: { tagKey1: 'tagValue1', tagKey2: 'tagValue2' },
      },
      { id: KV_SUB, displayName: 'Key Vault examples', tenantId: home, tags: { purpose: 'contract' } },
      {
        id: AUTHZ_SUB, displayName: 'Authorization examples', tenantId: home, tags: { purpose: 'contract' },
        // The examples' assignment (its role, 0b5fe924-…, is not a built-in role the emulator knows: Reader instead), and
        // the contract app as User Access Administrator so that it may delete it.
        roleAssignments: [
          { principalId: 'ce2ce14e-85d7-4629-bdbc-454d0519d987', principalType: 'User', role: 'Reader', id: 'b0f43c54-e787-4862-89b1-a653fa9cf747' },
          { principalId: CONTRACT_APP.objectId, role: 'User Access Administrator' },
        ],
      },
      {
        id: GRAPH_SUB, displayName: 'Resource Graph examples', tenantId: home, tags: { purpose: 'contract' },
        resources: [
          resource('Microsoft.Network/networkInterfaces', 'myNetworkInterface', 'RG1', 'centralus', { tag1: 'Value1' }),
          resource('Microsoft.Network/virtualNetworks', 'myVnet', 'RG2', 'westus'),
          resource('Microsoft.Network/publicIPAddresses', 'myPublicIp', 'RG2', 'westus'),
          resource('Microsoft.Compute/virtualMachines', 'myVm1', 'RG1', 'centralus'),
          resource('Microsoft.Compute/virtualMachines', 'myVirtualMachine', 'RG2', 'eastus'),
          resource('Microsoft.Compute/virtualMachines', 'testVm', 'RG3', 'eastus'),
        ],
      },
    ],
    vaults: [
      kvVault('sample-vault', 'sample-resource-group'),
      kvVault('sample-vault-b', 'sample-group'),
      kvVault('sample-vault-c', 'sample-group'),
      kvVault('deleted-vault-a', 'sample-group', { enablePurgeProtection: true, deleted: { deletionDate: '-2d' } }),
      kvVault('deleted-vault-b', 'sample-group', { enablePurgeProtection: true, deleted: { deletionDate: '-1d' } }),
      ...Object.entries(DATA_VAULTS).map(([key, v]) => ({
        name: dataVaultName(key), subscription: KV_SUB, resourceGroup: 'contract-dataplane', accessPolicies: [ACCESS_POLICY], timings: { deleteDelayMs: 0 }, ...v,
      })),
    ],
  };
}

const RECOVERABLE_DAYS: AllowedException = {
  reason:
    'The examples were recorded with api-version 2016-10-01; since 7.1 the service adds recoverableDays to every ' +
    'attributes object (see the SDK recordings in Azure/azure-sdk-for-js), and the OpenAPI declares it.',
  declaredIn: 'dataplane/secrets.json#SecretAttributes',
};

const LIST_RECOVERY_LEVEL: AllowedException = {
  reason:
    'The live service returns recoveryLevel in the attributes of list items too (SDK recordings); the OpenAPI ' +
    'declares it on SecretAttributes, which SecretItem uses.',
  declaredIn: 'dataplane/secrets.json#SecretAttributes',
};

const VAULT_PROPERTY = (what: string): AllowedException => ({
  reason: `${what}: returned by the service for every vault (soft delete is mandatory since 2020) and needed by the extension; declared in VaultProperties.`,
  declaredIn: 'arm/keyvault.json#VaultProperties',
});

const HSM_POOL: AllowedException = {
  reason: 'hsmPoolResourceId is a deprecated read-only field that the service leaves out for standard/premium vaults; the emulator has no HSM pools.',
};

const dp = (file: string, operationId: string, vault: string, listItems = false): ContractCase => ({
  file: `dataplane/${file}`,
  plane: 'vault',
  operationId,
  openapi: 'dataplane/secrets.json',
  vault,
  extra: {
    [listItems ? 'value[].attributes.recoverableDays' : 'attributes.recoverableDays']: RECOVERABLE_DAYS,
    ...(listItems && operationId !== 'GetDeletedSecrets' ? { 'value[].attributes.recoveryLevel': LIST_RECOVERY_LEVEL } : {}),
  },
});

const vaultListExceptions = {
  extra: {
    'value[].properties.softDeleteRetentionInDays': VAULT_PROPERTY('softDeleteRetentionInDays'),
    'value[].properties.enableRbacAuthorization': VAULT_PROPERTY('enableRbacAuthorization'),
    'value[].properties.publicNetworkAccess': VAULT_PROPERTY('publicNetworkAccess'),
  },
  missing: { 'value[].properties.hsmPoolResourceId': HSM_POOL },
};

const KEY_EXCEPTIONS: Pick<ContractCase, 'extra' | 'missing'> = {
  extra: {
    'attributes.recoverableDays': {
      reason: 'The example was recorded in 2017, before 7.1 added recoverableDays to every attributes object; the OpenAPI declares it.',
      declaredIn: 'dataplane/keys.json#KeyAttributes',
    },
    'attributes.exportable': {
      reason: 'Since 7.3 a key bundle says whether the key is exportable (the emulator answers in the shape of the requested 2025-07-01); the 2017 example predates it.',
      declaredIn: 'dataplane/keys.json#KeyAttributes',
    },
  },
};

const CERTIFICATE_EXCEPTIONS: Pick<ContractCase, 'extra' | 'missing'> = {
  extra: {
    contentType: {
      reason: "The emulator names the certificate's secret content type on every certificate bundle; the OpenAPI declares it, the 2018 example does not show it.",
      declaredIn: 'dataplane/certificates.json#CertificateBundle',
    },
    'attributes.recoverableDays': {
      reason: 'The example was recorded in 2018, before 7.1 added recoverableDays to every attributes object; the OpenAPI declares it.',
      declaredIn: 'dataplane/certificates.json#CertificateAttributes',
    },
    'policy.x509_props.sans': {
      reason: "The emulator's policies always carry sans (empty when the certificate has none); the example's certificate has none and the member is left out.",
      declaredIn: 'dataplane/certificates.json#X509CertificateProperties',
    },
  },
};

const ROLE_ASSIGNMENT_PROPERTY: AllowedException = {
  reason:
    'Declared in RoleAssignmentProperties (authorization-RoleAssignmentsCalls.json, 2022-04-01) and returned by the ' +
    'service (the RoleAssignment model of @azure/arm-authorization 9 reads them); the examples leave them out.',
};

const roleAssignmentExtras = (prefix: string): Readonly<Record<string, AllowedException>> =>
  Object.fromEntries(
    ['condition', 'conditionVersion', 'createdOn', 'updatedOn', 'createdBy', 'updatedBy', 'delegatedManagedIdentityResourceId', 'description'].map((k) => [
      `${prefix}properties.${k}`,
      ROLE_ASSIGNMENT_PROPERTY,
    ]),
  );

const AUTHZ_ASSIGNMENTS = '/{scope}/providers/Microsoft.Authorization/roleAssignments';

/**
 * Vendored examples that contract.test.ts does not replay as they are, and where they are checked instead.
 */
export const CHECKED_ELSEWHERE: Readonly<Record<string, string>> = {
  'arm/authorization/RoleAssignments_CreateForResource.json':
    'authorization.test.ts: its role definition (0b5fe924-…) is not a built-in role the emulator knows; the test sends the example with Key Vault Secrets User and compares the shape.',
  'arm/authorization/GetRoleDefinitionById.json':
    "authorization.test.ts: the example's id is a placeholder (\"roleDefinitionId\"); the test reads a built-in role by its real id and compares the shape.",
};

export const CONTRACT_CASES: readonly ContractCase[] = [
  dp('SetSecret-example.json', 'SetSecret', 'setsecret'),
  dp('GetSecret-example.json', 'GetSecret', 'getsecret'),
  dp('GetSecretVersions-example.json', 'GetSecretVersions', 'versions', true),
  dp('GetSecrets-example.json', 'GetSecrets', 'list', true),
  dp('UpdateSecret-example.json', 'UpdateSecret', 'update'),
  dp('DeleteSecret-example.json', 'DeleteSecret', 'delete'),
  dp('GetDeletedSecret-example.json', 'GetDeletedSecret', 'getdeleted'),
  dp('GetDeletedSecrets-example.json', 'GetDeletedSecrets', 'listdeleted', true),
  dp('RecoverDeletedSecret-example.json', 'RecoverDeletedSecret', 'recover'),
  { file: 'dataplane/PurgeDeletedSecret-example.json', plane: 'vault', operationId: 'PurgeDeletedSecret', openapi: 'dataplane/secrets.json', vault: 'purge' },
  { file: 'dataplane/BackupSecret-example.json', plane: 'vault', operationId: 'BackupSecret', openapi: 'dataplane/secrets.json', vault: 'backup' },
  // The example's request blob came from the real service and is opaque to anyone else: the test sends a backup the
  // emulator made of the example's secret (same name, content type, nbf and exp) instead (RESTORE_SOURCES).
  dp('RestoreSecret-example.json', 'RestoreSecret', 'restore'),
  { file: 'dataplane/BackupKey-example.json', plane: 'vault', operationId: 'BackupKey', openapi: 'dataplane/keys.json', vault: 'backupkey' },
  { file: 'dataplane/RestoreKey-example.json', plane: 'vault', operationId: 'RestoreKey', openapi: 'dataplane/keys.json', vault: 'restorekey', ...KEY_EXCEPTIONS },
  { file: 'dataplane/BackupCertificate-example.json', plane: 'vault', operationId: 'BackupCertificate', openapi: 'dataplane/certificates.json', vault: 'backupcert' },
  {
    file: 'dataplane/RestoreCertificate-example.json', plane: 'vault', operationId: 'RestoreCertificate', openapi: 'dataplane/certificates.json',
    vault: 'restorecert', ...CERTIFICATE_EXCEPTIONS,
  },
  {
    file: 'arm/getVault.json', plane: 'arm', operationId: 'Vaults_Get', openapi: 'arm/keyvault.json',
    extra: {
      'properties.enableSoftDelete': VAULT_PROPERTY('enableSoftDelete'),
      'properties.softDeleteRetentionInDays': VAULT_PROPERTY('softDeleteRetentionInDays'),
      'properties.enableRbacAuthorization': VAULT_PROPERTY('enableRbacAuthorization'),
    },
    missing: { 'properties.hsmPoolResourceId': HSM_POOL },
  },
  { file: 'arm/listVault.json', plane: 'arm', operationId: 'Vaults_List', openapi: 'arm/keyvault.json' },
  { file: 'arm/listVaultByResourceGroup.json', plane: 'arm', operationId: 'Vaults_ListByResourceGroup', openapi: 'arm/keyvault.json', ...vaultListExceptions },
  { file: 'arm/listVaultBySubscription.json', plane: 'arm', operationId: 'Vaults_ListBySubscription', openapi: 'arm/keyvault.json', ...vaultListExceptions },
  { file: 'arm/listDeletedVaults.json', plane: 'arm', operationId: 'Vaults_ListDeleted', openapi: 'arm/keyvault.json' },
  { file: 'arm/GetSubscriptions.json', plane: 'arm', operationId: 'Subscriptions_List', method: 'GET', path: '/subscriptions', armPageSize: 2 },
  { file: 'arm/GetTenants.json', plane: 'arm', operationId: 'Tenants_List', method: 'GET', path: '/tenants', armPageSize: 3 },
  { file: 'arm/ResourcesBasicQuery.json', plane: 'arm', operationId: 'Resources', method: 'POST', path: '/providers/Microsoft.ResourceGraph/resources', sameData: true },
  { file: 'arm/ResourcesFilterQuery.json', plane: 'arm', operationId: 'Resources', method: 'POST', path: '/providers/Microsoft.ResourceGraph/resources', sameData: true },
  // In this order: the list and the get see the assignment the delete then removes.
  {
    file: 'arm/authorization/RoleAssignments_ListForScope.json', plane: 'arm', operationId: 'RoleAssignments_ListForScope', method: 'GET', path: AUTHZ_ASSIGNMENTS,
    extra: roleAssignmentExtras('value[].'),
  },
  {
    file: 'arm/authorization/RoleAssignments_Get.json', plane: 'arm', operationId: 'RoleAssignments_Get', method: 'GET', path: `${AUTHZ_ASSIGNMENTS}/{roleAssignmentName}`,
    extra: roleAssignmentExtras(''),
  },
  {
    file: 'arm/authorization/RoleAssignments_Delete.json', plane: 'arm', operationId: 'RoleAssignments_Delete', method: 'DELETE', path: `${AUTHZ_ASSIGNMENTS}/{roleAssignmentName}`,
    extra: roleAssignmentExtras(''),
  },
];
