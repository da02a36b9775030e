// Azure RBAC in the emulator, driven by the official clients: @azure/arm-authorization's AuthorizationManagementClient
// (permissions, role assignments, role definitions; api-version 2022-04-01) and the Key Vault SDK clients for the
// data-plane decisions (RBAC, access policies, firewall). Vaults are seeded at run time with unique names.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { TokenCredential } from '@azure/core-auth';
import { ClientSecretCredential } from '@azure/identity';
import { KeyClient } from '@azure/keyvault-keys';
import { SecretClient } from '@azure/keyvault-secrets';
import { appCredential, armKeyVaultClient, controlApi, emulatorInfo, errorBody, liveVaultUrl, rawRequest, uniqueName } from './emulator';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const SUB = '51515151-0000-4000-8000-000000000001';
const RG = 'rg-authz';
const TEST_APP = 'a0a0a0a0-0000-4000-8000-000000000001';
const NO_ACCESS_APP = 'a0a0a0a0-0000-4000-8000-000000000002';
const ALICE = 'b0b0b0b0-0000-4000-8000-000000000001';
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const KV_ADMIN = '00482a5a-887f-4fb3-b363-3b7fe8e74483';

function authz(credential: TokenCredential = appCredential(), subscriptionId = SUB): AuthorizationManagementClient {
  const info = emulatorInfo();
  return new AuthorizationManagementClient(credential, subscriptionId, { endpoint: info.arm, credentialScopes: [info.scopes.arm] });
}

const vaultId = (name: string, sub = SUB, rg = RG): string => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;
const roleId = (guid: string, sub = SUB): string => `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

async function seedVault(extra: Record<string, unknown>, sub = SUB, rg = RG): Promise<string> {
  const name = uniqueName('kv-az');
  await controlApi.seed({ vaults: [{ name, subscription: sub, resourceGroup: rg, secrets: [{ name: 'one', versions: [{ value: 'v1' }] }, { name: 'two', versions: [{ value: 'v2' }] }], ...extra }] });
  return name;
}

async function secrets(vault: string, credential: TokenCredential = appCredential()): Promise<SecretClient> {
  return new SecretClient(await liveVaultUrl(vault), credential, { disableChallengeResourceVerification: true, retryOptions: { maxRetries: 0 } });
}

/** The status, code, inner code and message of a refused call. */
async function refusal(p: Promise<unknown>): Promise<{ status?: number; code?: string; inner?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const body = errorBody(err);
    return { status: (err as { statusCode?: number }).statusCode, code: body.error?.code, inner: body.error?.innererror?.code, message: body.error?.message ?? '' };
  }
  throw new Error('expected the call to be refused');
}

/** A raw data-plane GET (the SDK's pagers drop the error body of a refused page). */
async function rawGet(vault: string, path: string, credential: TokenCredential = appCredential()): Promise<{ status?: number; code?: string; inner?: string; message: string }> {
  const token = (await credential.getToken(emulatorInfo().scopes.vault))!.token;
  const res = await rawRequest(`${await liveVaultUrl(vault)}${path}?api-version=2025-07-01`, { headers: { authorization: `Bearer ${token}` } });
  const e = (res.json as { error?: { code?: string; message?: string; innererror?: { code?: string } } } | undefined)?.error;
  return { status: res.status, code: e?.code, inner: e?.innererror?.code, message: e?.message ?? '' };
}

// Compiled to out/test/integration: the fixtures are read from the source tree (see contract.test.ts).
const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'contracts', 'arm', 'authorization');

interface Example {
  parameters: Record<string, unknown> & { parameters?: { properties: Record<string, unknown> }; roleAssignmentName?: string };
  responses: Record<string, { body?: unknown }>;
}

function example(file: string): Example {
  return JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as Example;
}

/** Paths of the example's fields that the answer lacks (objects recursively, arrays by their first item). */
function missingFields(expected: unknown, actual: unknown, at = ''): string[] {
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.length > 0 && actual.length > 0 ? missingFields(expected[0], actual[0], `${at}[]`) : [];
  if (typeof expected !== 'object' || expected === null) return [];
  if (typeof actual !== 'object' || actual === null) return [at];
  return Object.entries(expected).flatMap(([k, v]) => (k in actual ? missingFields(v, (actual as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`]));
}

async function armCall(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const info = emulatorInfo();
  const token = (await appCredential().getToken(info.scopes.arm)).token;
  return rawRequest(`${info.arm}${pathAndQuery}`, { method, headers: { authorization: `Bearer ${token}` }, body });
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('authorization: Azure RBAC, access policies and firewall', () => {
  it('gives a vault seeded without roleAssignments Owner and Key Vault Administrator for every principal of its tenant', async () => {
    const vault = await seedVault({});
    const client = authz();
    const perms = await all(client.permissions.listForResource(RG, 'Microsoft.KeyVault', '', 'vaults', vault));
    assert.deepEqual(perms.map((p) => [p.actions, p.dataActions]), [[['*'], []], [KV_ADMIN_CONTROL, ['Microsoft.KeyVault/vaults/*']]]);
    const mine = await all(client.roleAssignments.listForScope(vaultId(vault), { filter: `assignedTo('${TEST_APP}')` }));
    assert.deepEqual(mine.map((a) => [a.roleDefinitionId, a.principalId, a.principalType, a.scope]).sort(), [
      [roleId(KV_ADMIN), TEST_APP, 'ServicePrincipal', vaultId(vault)],
      [roleId(OWNER), TEST_APP, 'ServicePrincipal', vaultId(vault)],
    ]);
    const everyone = await all(client.roleAssignments.listForScope(vaultId(vault)));
    assert.ok(everyone.some((a) => a.principalId === ALICE && a.principalType === 'User'), 'users of the tenant too');
    const again = await all(client.roleAssignments.listForScope(vaultId(vault), { filter: `principalId eq '${TEST_APP}'` }));
    assert.deepEqual(again.map((a) => a.name).sort(), mine.map((a) => a.name).sort(), 'the same ids every time');
    const viaResource = await all(client.roleAssignments.listForResource(RG, 'Microsoft.KeyVault', 'vaults', vault, { filter: `assignedTo('${TEST_APP}')` }));
    assert.deepEqual(viaResource.map((a) => a.name).sort(), mine.map((a) => a.name).sort(), 'listForResource: the same');
    const inSubscription = await all(client.roleAssignments.listForSubscription({ filter: `assignedTo('${TEST_APP}')` }));
    assert.ok(mine.every((a) => inSubscription.some((b) => b.name === a.name)), 'listForSubscription includes the assignments below it');
    const rgPerms = await all(client.permissions.listForResourceGroup(RG));
    assert.deepEqual(rgPerms, [], 'nothing at the resource group');
    await (await secrets(vault)).setSecret('three', 'v3');
  });

  it('a Secrets User reads but cannot set: 403 ForbiddenByRbac naming setSecret', async () => {
    const vault = await seedVault({ roleAssignments: [{ principalId: TEST_APP, role: 'Key Vault Secrets User' }] });
    const client = await secrets(vault);
    assert.equal((await client.getSecret('one')).value, 'v1');
    assert.deepEqual((await all(client.listPropertiesOfSecrets())).map((s) => s.name).sort(), ['one', 'two']);
    const r = await refusal(client.setSecret('one', 'x'));
    assert.deepEqual([r.status, r.code, r.inner], [403, 'Forbidden', 'ForbiddenByRbac']);
    assert.match(r.message, /Action: 'Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action'/);
    assert.match(r.message, new RegExp(`Resource: '${vaultId(vault).toLowerCase()}'`));
    const perms = await all(authz().permissions.listForResource(RG, 'Microsoft.KeyVault', '', 'vaults', vault));
    assert.deepEqual(perms, [{ actions: [], notActions: [], dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'], notDataActions: [] }]);
  });

  it('without a data role a list is 403; an Owner grants a role and access works at once; a duplicate is 409', async () => {
    const vault = await seedVault({ roleAssignments: [{ principalId: TEST_APP, role: 'Owner' }] });
    const client = await secrets(vault);
    assert.equal((await refusal(all(client.listPropertiesOfSecrets()))).status, 403);
    const r = await rawGet(vault, '/secrets');
    assert.deepEqual([r.status, r.inner], [403, 'ForbiddenByRbac']);
    assert.match(r.message, /secrets\/readMetadata\/action/);
    const arm = authz();
    const name = randomUUID();
    const created = await arm.roleAssignments.create(vaultId(vault), name, { roleDefinitionId: roleId(SECRETS_USER), principalId: TEST_APP, principalType: 'ServicePrincipal' });
    assert.deepEqual([created.name, created.roleDefinitionId, created.principalId, created.scope, created.type], [name, roleId(SECRETS_USER), TEST_APP, vaultId(vault), 'Microsoft.Authorization/roleAssignments']);
    assert.equal(created.createdBy, TEST_APP);
    assert.deepEqual((await all(client.listPropertiesOfSecrets())).map((s) => s.name).sort(), ['one', 'two']);
    assert.equal((await arm.roleAssignments.get(vaultId(vault), name)).id, `${vaultId(vault)}/providers/Microsoft.Authorization/roleAssignments/${name}`);
    const dup = await refusal(arm.roleAssignments.create(vaultId(vault), randomUUID(), { roleDefinitionId: roleId(SECRETS_USER), principalId: TEST_APP }));
    assert.deepEqual([dup.status, dup.code], [409, 'RoleAssignmentExists']);
    await arm.roleAssignments.delete(vaultId(vault), name);
    assert.equal((await refusal(client.getSecret('one'))).inner, 'ForbiddenByRbac', 'deleted: access gone');
    const gone = await refusal(arm.roleAssignments.get(vaultId(vault), name));
    assert.deepEqual([gone.status, gone.code], [404, 'RoleAssignmentNotFound']);
  });

  it('refuses a role assignment from a Reader (403 AuthorizationFailed) and bad requests with the service codes', async () => {
    const vault = await seedVault({ roleAssignments: [{ principalId: NO_ACCESS_APP, role: 'Reader' }, { principalId: TEST_APP, role: 'User Access Administrator' }] });
    const reader = authz(appCredential('test-app-no-access'));
    const name = randomUUID();
    const r = await refusal(reader.roleAssignments.create(vaultId(vault), name, { roleDefinitionId: roleId(SECRETS_USER), principalId: NO_ACCESS_APP }));
    assert.deepEqual([r.status, r.code], [403, 'AuthorizationFailed']);
    assert.match(r.message, new RegExp(`does not have authorization to perform action 'Microsoft\\.Authorization/roleAssignments/write' over scope '${vaultId(vault)}/providers/Microsoft\\.Authorization/roleAssignments/${name}'`));
    const admin = authz();
    const unknownRole = await refusal(admin.roleAssignments.create(vaultId(vault), randomUUID(), { roleDefinitionId: roleId(randomUUID()), principalId: NO_ACCESS_APP }));
    assert.deepEqual([unknownRole.status, unknownRole.code], [400, 'RoleDefinitionDoesNotExist']);
    const unknownPrincipal = await refusal(admin.roleAssignments.create(vaultId(vault), randomUUID(), { roleDefinitionId: roleId(SECRETS_USER), principalId: randomUUID() }));
    assert.deepEqual([unknownPrincipal.status, unknownPrincipal.code], [400, 'PrincipalNotFound']);
    const badPrincipal = await refusal(admin.roleAssignments.create(vaultId(vault), randomUUID(), { roleDefinitionId: roleId(SECRETS_USER), principalId: 'not-a-guid' }));
    assert.deepEqual([badPrincipal.status, badPrincipal.code], [400, 'InvalidPrincipalId']);
    const ok = await admin.roleAssignments.create(vaultId(vault), randomUUID(), { roleDefinitionId: roleId(SECRETS_USER), principalId: NO_ACCESS_APP });
    assert.equal(ok.principalType, 'ServicePrincipal', 'a User Access Administrator may assign');
  });

  it('honours assignments scoped to one secret', async () => {
    const vault = await seedVault({ roleAssignments: [{ principalId: TEST_APP, role: 'Key Vault Secrets User', scope: '/secrets/one' }] });
    const client = await secrets(vault);
    assert.equal((await client.getSecret('one')).value, 'v1');
    assert.equal((await refusal(client.getSecret('two'))).inner, 'ForbiddenByRbac');
    assert.equal((await refusal(all(client.listPropertiesOfSecrets()))).status, 403, 'a list needs the vault scope');
    assert.equal((await rawGet(vault, '/secrets')).inner, 'ForbiddenByRbac');
    const atVault = await all(authz().roleAssignments.listForScope(vaultId(vault), { filter: 'atScope()' }));
    assert.deepEqual(atVault, [], 'atScope() leaves out assignments below the vault');
    const below = await all(authz().roleAssignments.listForScope(vaultId(vault)));
    assert.deepEqual(below.map((a) => a.scope), [`${vaultId(vault)}/secrets/one`]);
  });

  it('applies subscription and resource-group assignments to the vaults below them', async () => {
    const tenant = randomUUID();
    const sub = randomUUID();
    const app = { clientId: randomUUID(), clientSecret: 'authz-secret', objectId: randomUUID(), tenantId: tenant, displayName: 'authz-app' };
    const name = uniqueName('kv-az');
    await controlApi.seed({
      tenants: [{ id: tenant, displayName: 'Authz Tenant' }],
      apps: [app],
      subscriptions: [{ id: sub, tenantId: tenant, roleAssignments: [{ principalId: app.objectId, role: 'Key Vault Secrets Officer', scope: '/resourceGroups/rg-sub' }, { principalId: app.objectId, role: 'Reader' }] }],
      vaults: [{ name, subscription: sub, resourceGroup: 'rg-sub', roleAssignments: [] }],
    });
    const credential = new ClientSecretCredential(tenant, app.clientId, app.clientSecret, { authorityHost: emulatorInfo().login, disableInstanceDiscovery: true });
    const client = authz(credential, sub);
    const rgPerms = await all(client.permissions.listForResourceGroup('rg-sub'));
    assert.deepEqual(rgPerms.map((p) => p.dataActions).sort(), [[], ['Microsoft.KeyVault/vaults/secrets/*']]);
    const vaultPerms = await all(client.permissions.listForResource('rg-sub', 'Microsoft.KeyVault', '', 'vaults', name));
    assert.equal(vaultPerms.length, 2);
    const atVault = await all(client.roleAssignments.listForScope(vaultId(name, sub, 'rg-sub'), { filter: 'atScope()' }));
    assert.deepEqual(atVault.map((a) => a.scope).sort(), [`/subscriptions/${sub}`, `/subscriptions/${sub}/resourceGroups/rg-sub`]);
    const data = await secrets(name, credential);
    await data.setSecret('officer', 'ok');
    assert.equal((await data.getSecret('officer')).value, 'ok');
    const denied = await refusal(client.roleAssignments.create(`/subscriptions/${sub}`, randomUUID(), { roleDefinitionId: roleId(SECRETS_USER, sub), principalId: app.objectId }));
    assert.equal(denied.code, 'AuthorizationFailed', 'Reader and Secrets Officer cannot assign roles');
  });

  it('enforces access policies (ForbiddenByPolicy) and gives a vault without RBAC and policies one per principal', async () => {
    const policy = { tenantId: CONTOSO, objectId: TEST_APP, permissions: { secrets: ['get', 'list'], keys: [], certificates: [] } };
    const vault = await seedVault({ enableRbacAuthorization: false, accessPolicies: [policy] });
    const client = await secrets(vault);
    assert.equal((await client.getSecret('one')).value, 'v1');
    const r = await refusal(client.setSecret('one', 'x'));
    assert.deepEqual([r.status, r.inner], [403, 'ForbiddenByPolicy']);
    assert.match(r.message, /does not have secrets set permission on key vault/);
    const keys = new KeyClient(await liveVaultUrl(vault), appCredential(), { disableChallengeResourceVerification: true, retryOptions: { maxRetries: 0 } });
    assert.equal((await refusal(all(keys.listPropertiesOfKeys()))).status, 403);
    assert.match((await rawGet(vault, '/keys')).message, /does not have keys list permission/);
    const other = await secrets(vault, appCredential('test-app-no-access'));
    assert.equal((await refusal(other.getSecret('one'))).inner, 'ForbiddenByPolicy', 'no entry, no access');

    const open = await seedVault({ enableRbacAuthorization: false });
    await (await secrets(open)).setSecret('new', 'x');
    const arm = await armKeyVaultClient(SUB).vaults.get(RG, open);
    const oids = (arm.properties.accessPolicies ?? []).map((p) => p.objectId);
    assert.ok(oids.includes(TEST_APP) && oids.includes(ALICE), 'the default policies are listed');
  });

  it('applies the firewall: publicNetworkAccess Disabled and networkAcls ipRules', async () => {
    const closed = await seedVault({ publicNetworkAccess: 'Disabled' });
    const r = await refusal((await secrets(closed)).getSecret('one'));
    assert.deepEqual([r.status, r.inner], [403, 'ForbiddenByFirewall']);
    assert.match(r.message, /Client address: 127\.0\.0\.1/);
    const elsewhere = await seedVault({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '10.0.0.0/8' }] } });
    assert.equal((await refusal((await secrets(elsewhere)).getSecret('one'))).inner, 'ForbiddenByFirewall');
    const local = await seedVault({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.1/32' }] } });
    assert.equal((await (await secrets(local)).getSecret('one')).value, 'v1');
  });

  it('lists and reads the built-in role definitions', async () => {
    const client = authz();
    const byName = await all(client.roleDefinitions.list(`/subscriptions/${SUB}`, { filter: "roleName eq 'Key Vault Secrets User'" }));
    assert.deepEqual(byName.map((d) => [d.name, d.roleName, d.roleType, d.id]), [[SECRETS_USER, 'Key Vault Secrets User', 'BuiltInRole', roleId(SECRETS_USER)]]);
    const builtIn = await all(client.roleDefinitions.list(`/subscriptions/${SUB}`, { filter: "type eq 'BuiltInRole'" }));
    assert.ok(builtIn.length >= 15);
    const owner = await client.roleDefinitions.get(`/subscriptions/${SUB}`, OWNER);
    assert.deepEqual(owner.permissions, [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }]);
    const missing = await refusal(client.roleDefinitions.get(`/subscriptions/${SUB}`, randomUUID()));
    assert.equal(missing.status, 404);
  });

  it('answers RoleAssignments_Create and RoleDefinitions_Get in the shape of the official examples', async () => {
    // RoleAssignments_CreateForResource.json at a vault, with a built-in role instead of the example's 0b5fe924-….
    const create = example('RoleAssignments_CreateForResource.json');
    const vault = await seedVault({ roleAssignments: [{ principalId: TEST_APP, role: 'Owner' }] });
    const name = create.parameters.roleAssignmentName!;
    const body = { properties: { ...create.parameters.parameters!.properties, roleDefinitionId: roleId(SECRETS_USER), principalId: ALICE } };
    const res = await armCall('PUT', `${vaultId(vault)}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, body);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(missingFields(create.responses['201']!.body, res.json), []);
    const again = await armCall('PUT', `${vaultId(vault)}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, body);
    assert.equal(again.status, 200, 'the same assignment again: 200, as the example\'s second answer');
    const byId = example('GetRoleDefinitionById.json');
    const def = await armCall('GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${SECRETS_USER}?api-version=2022-04-01`);
    assert.equal(def.status, 200, def.text);
    assert.deepEqual(missingFields(byId.responses['200']!.body, def.json), []);
    const wrongVersion = await armCall('GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${SECRETS_USER}?api-version=2026-02-01`);
    assert.deepEqual([wrongVersion.status, (wrongVersion.json as { error: { code: string } }).error.code], [400, 'InvalidResourceType']);
  });

  it('dumps role assignments on the control API', async () => {
    const vault = await seedVault({ roleAssignments: [{ principalId: ALICE, role: 'Key Vault Reader', scope: '/keys/k1' }] });
    const dump = await rawControl(`/role-assignments?vault=${vault}`);
    assert.deepEqual(dump.roleAssignments.map((a) => [a.properties.principalId, a.properties.scope]), [[ALICE, `${vaultId(vault)}/keys/k1`]]);
  });
});

const KV_ADMIN_CONTROL = [
  'Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read', 'Microsoft.KeyVault/locations/*/read', 'Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/operations/read',
];

async function rawControl(path: string): Promise<{ roleAssignments: { properties: { principalId: string; scope: string } }[] }> {
  const res = await rawRequest(`${emulatorInfo().control}${path}`);
  assert.equal(res.status, 200, res.text);
  return res.json as { roleAssignments: { properties: { principalId: string; scope: string } }[] };
}
