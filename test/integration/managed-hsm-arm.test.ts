// Microsoft.KeyVault/managedHSMs through ARM, driven by the official @azure/arm-keyvault client and compared with the
// official examples vendored in test/fixtures/contracts/managedhsm (ManagedHsm_Get, _ListBySubscription,
// _ListByResourceGroup): same properties with the same types, the service's constants (type, sku, provisioning
// state, status message), lists answered as the vault lists are. Resource Graph finds the HSM with its own type only: the
// extension's vault query (`type =~ 'microsoft.keyvault/vaults'`) answers as before.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { armKeyVaultClient, armRequest as rawArmRequest, type JsonValue } from './emulator';
import { hsmInfo, hsmUrl } from './managedHsm';

const SUB1 = '51515151-0000-4000-8000-000000000001';
const HSM = 'hsm-test-main';
const API = 'api-version=2026-02-01';
const examplesDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'contracts', 'managedhsm');

/** An ARM call with the test app's token; the parsed body read field by field. */
async function armRequest(pathAndQuery: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<{ status: number; body: JsonValue }> {
  const res = await rawArmRequest(pathAndQuery, undefined, init);
  return { status: res.status, body: res.body as JsonValue };
}

function example(file: string): JsonValue {
  return JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')).responses['200'].body;
}

/** Every property of the example is in `actual`, with the same JSON type (arrays: their first item's shape). */
function assertShape(actual: JsonValue, expected: JsonValue, at = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${at} is an array`);
    if (expected.length > 0 && actual.length > 0) assertShape(actual[0], expected[0], `${at}[0]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${at} is an object`);
    for (const key of Object.keys(expected)) {
      if (at === '$.tags') continue; // the example's tags are its own
      assert.ok(key in actual, `${at}.${key} is present`);
      assertShape(actual[key], expected[key], `${at}.${key}`);
    }
    return;
  }
  assert.equal(typeof actual, typeof expected, `${at} has the example's type`);
}

/** The values every HSM shares with the examples. */
function assertConstants(actual: JsonValue, expected: JsonValue): void {
  assert.equal(actual.type, expected.type);
  assert.deepEqual(actual.sku, expected.sku);
  for (const k of ['provisioningState', 'statusMessage', 'enableSoftDelete']) assert.equal(actual.properties[k], expected.properties[k], k);
}

describe('Managed HSM through ARM (Microsoft.KeyVault/managedHSMs)', () => {
  it('ManagedHsms_Get answers in the shape of ManagedHsm_Get.json, with the HSM\'s own data-plane URL', async () => {
    const expected = example('ManagedHsm_Get.json');
    const res = await armRequest(`/subscriptions/${SUB1}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/${HSM}?${API}`);
    assert.equal(res.status, 200);
    assertShape(res.body, expected);
    assertConstants(res.body, expected);
    assert.equal(res.body.id, `/subscriptions/${SUB1}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/${HSM}`);
    assert.equal(res.body.properties.hsmUri, hsmUrl(HSM));
    assert.equal(res.body.properties.tenantId, hsmInfo().tenants[0]!.id);
    assert.deepEqual(res.body.properties.initialAdminObjectIds, ['b0b0b0b0-0000-4000-8000-000000000001']);
    assert.equal(res.body.properties.publicNetworkAccess, 'Enabled');
    assert.equal(res.body.properties.securityDomainProperties.activationStatus, 'Active');
    assert.deepEqual(res.body.properties.regions, [{ name: 'westeurope', isPrimary: true, provisioningState: 'Succeeded' }]);
  });

  it('@azure/arm-keyvault gets the HSM and lists it by subscription and by resource group', async () => {
    const client = armKeyVaultClient(SUB1);
    const hsm = await client.managedHsms.get('rg-hsm', HSM);
    assert.equal(hsm?.name, HSM);
    assert.equal(hsm?.sku?.name, 'Standard_B1');
    assert.equal(hsm?.sku?.family, 'B');
    assert.equal(hsm?.properties?.hsmUri, hsmUrl(HSM));
    assert.equal(hsm?.properties?.softDeleteRetentionInDays, 90);
    assert.equal(hsm?.properties?.enablePurgeProtection, false);
    assert.deepEqual(hsm?.tags, { purpose: 'integration' });
    const bySub: string[] = [];
    for await (const h of client.managedHsms.listBySubscription()) bySub.push(h.name!);
    assert.deepEqual(bySub, [HSM]);
    const byRg: string[] = [];
    for await (const h of client.managedHsms.listByResourceGroup('rg-hsm')) byRg.push(h.name!);
    assert.deepEqual(byRg, [HSM]);
    const none: string[] = [];
    for await (const h of client.managedHsms.listByResourceGroup('rg-test')) none.push(h.name!);
    assert.deepEqual(none, [], 'a resource group with vaults only has no HSM');
    await assert.rejects(client.managedHsms.get('rg-hsm', 'no-such-hsm'), (e: { statusCode?: number; code?: string }) => e.statusCode === 404 && e.code === 'ResourceNotFound');
  });

  it('list answers are shaped like ManagedHsm_ListBySubscription.json / _ListByResourceGroup.json (one page: no nextLink)', async () => {
    for (const [file, listPath] of [
      ['ManagedHsm_ListBySubscription.json', `/subscriptions/${SUB1}/providers/Microsoft.KeyVault/managedHSMs`],
      ['ManagedHsm_ListByResourceGroup.json', `/subscriptions/${SUB1}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs`],
    ] as const) {
      const expected = example(file);
      const res = await armRequest(`${listPath}?${API}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.value.length, 1);
      assertShape(res.body.value[0], expected.value[0]);
      assertConstants(res.body.value[0], expected.value[0]);
      assert.equal(res.body.nextLink, undefined, 'one page: no nextLink');
    }
    const unknownRg = await armRequest(`/subscriptions/${SUB1}/resourceGroups/rg-nowhere/providers/Microsoft.KeyVault/managedHSMs?${API}`);
    assert.equal(unknownRg.status, 404);
    assert.equal(unknownRg.body.error.code, 'ResourceGroupNotFound');
  });

  it('is not a vault: the vault lists and the vault Resource Graph query are unchanged; its own type finds it', async () => {
    const client = armKeyVaultClient(SUB1);
    const vaults: string[] = [];
    for await (const v of client.vaults.listBySubscription()) vaults.push(v.name!);
    assert.ok(!vaults.includes(HSM));
    const asResources: string[] = [];
    for await (const r of client.vaults.list()) asResources.push(r.name!);
    assert.ok(!asResources.includes(HSM));
    const graph = (query: string): Promise<{ body: JsonValue }> =>
      armRequest('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', { method: 'POST', body: { subscriptions: [SUB1], query } });
    const vaultRows = (await graph("resources | where type =~ 'microsoft.keyvault/vaults' | project name, type")).body.data as { name: string; type: string }[];
    assert.ok(vaultRows.length > 0 && vaultRows.every((r) => r.type === 'microsoft.keyvault/vaults'));
    const hsmRows = (await graph("resources | where type =~ 'Microsoft.KeyVault/managedHSMs' | project id, name, type, sku, properties.hsmUri")).body.data as JsonValue[];
    assert.deepEqual(hsmRows.map((r) => [r.name, r.type, r.sku.name, r.properties_hsmUri]), [[HSM, 'microsoft.keyvault/managedhsms', 'Standard_B1', hsmUrl(HSM)]]);
    const generic = await armRequest(`/subscriptions/${SUB1}/resources?$filter=resourceType eq 'Microsoft.KeyVault/managedHSMs'&api-version=2021-04-01`);
    assert.deepEqual((generic.body.value as JsonValue[]).map((r) => r.name), [HSM]);
  });
});
