// Every api-version the services accept, replayed against the emulator: the Key Vault data plane (raw HTTPS and
// the official SecretClient at each version the SDKs name), ARM and Resource Graph; and the services' 400 for a
// version they do not know. The expected lists are the REST specs' (sources in emulator/apiVersions.ts).
import * as assert from 'node:assert/strict';
import { SecretClient } from '@azure/keyvault-secrets';
import { appCredential, armRequest, controlApi, emulatorInfo, keyClient, liveVaultUrl, rawRequest, type JsonValue } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const VAULT = 'kv-apiversions';

/** specification/keyvault/data-plane/Microsoft.KeyVault/{stable,preview}/* and @azure/keyvault-secrets 4.12.0. */
const DATA_PLANE_VERSIONS = [
  '2015-06-01', '2016-10-01', '7.0-preview', '7.0', '7.1-preview', '7.1', '7.2-preview', '7.2', '7.3-preview', '7.3',
  '7.4-preview.1', '7.4', '7.5-preview.1', '7.5', '7.6-preview.1', '7.6-preview.2', '7.6', '2025-06-01-preview',
  '2025-06-01', '2025-07-01-preview', '2025-07-01', '2026-01-01-preview', '2026-04-01',
];
/** What the versions' KeyVault/SecretBundle definitions lack: recoveryLevel from 2016-10-01, recoverableDays from 7.1,
 * key attributes.exportable and release_policy from 7.3 (7.3-preview). */
const WITHOUT_RECOVERY_LEVEL = new Set(['2015-06-01']);
const WITHOUT_RECOVERABLE_DAYS = new Set([...WITHOUT_RECOVERY_LEVEL, '2016-10-01', '7.0-preview', '7.0']);
const WITHOUT_EXPORTABLE = new Set([...WITHOUT_RECOVERABLE_DAYS, '7.1-preview', '7.1', '7.2-preview', '7.2']);
/** serviceVersion values the official clients name (SecretClientOptions of 4.11/4.12, KnownVersions). */
const SDK_VERSIONS = ['7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6-preview.2', '7.6', '2025-07-01', '2026-04-01'] as const;

describe('emulator api-versions', function () {
  this.timeout(60_000);
  let url = '';
  let token = '';
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${token}` });

  before(async () => {
    await controlApi.seed({ vaults: [{ name: VAULT, subscription: SUB_ONE, resourceGroup: 'rg-apiversions', secrets: [{ name: 'seeded', versions: [{ value: 'v0' }] }] }] });
    url = await liveVaultUrl(VAULT);
    token = (await appCredential().getToken(emulatorInfo().scopes.vault)).token;
    await keyClient(url).createEcKey('shape-key', { curve: 'P-256' });
  });

  it('the ready line lists exactly the specs\' data-plane versions, newest stable named latest', async () => {
    const info = (await controlApi.info()) as unknown as { apiVersions: { vault: string; vaultSupported: string[] } };
    assert.deepEqual(info.apiVersions.vaultSupported, DATA_PLANE_VERSIONS);
    assert.equal(info.apiVersions.vault, '2026-04-01');
  });

  for (const version of DATA_PLANE_VERSIONS) {
    it(`data plane ${version}: set, get and list a secret, read a key, in that version's shape`, async () => {
      const q = `api-version=${encodeURIComponent(version)}`;
      const name = `v-${version.replace(/\./g, '-')}`;
      const set = await rawRequest(`${url}/secrets/${name}?${q}`, { method: 'PUT', headers: auth(), body: { value: `value at ${version}` } });
      assert.equal(set.status, 200, set.text);
      const got = await rawRequest(`${url}/secrets/${name}?${q}`, { headers: auth() });
      assert.equal(got.status, 200, got.text);
      const secret = got.json;
      assert.equal(secret.value, `value at ${version}`);
      assert.match(secret.id, new RegExp(`/secrets/${name}/[0-9a-f]{32}$`));
      assert.equal('recoveryLevel' in secret.attributes, !WITHOUT_RECOVERY_LEVEL.has(version), 'recoveryLevel');
      assert.equal('recoverableDays' in secret.attributes, !WITHOUT_RECOVERABLE_DAYS.has(version), 'recoverableDays');
      const list = await rawRequest(`${url}/secrets?${q}&maxresults=1`, { headers: auth() });
      assert.equal(list.status, 200, list.text);
      const page = list.json;
      assert.equal(page.value.length, 1);
      assert.equal(new URL(page.nextLink as string).searchParams.get('api-version'), version, 'the next link keeps the version');
      assert.equal('recoverableDays' in page.value[0].attributes, !WITHOUT_RECOVERABLE_DAYS.has(version));
      const key = await rawRequest(`${url}/keys/shape-key?${q}`, { headers: auth() });
      assert.equal(key.status, 200, key.text);
      assert.equal((key.json).key.kty, 'EC');
      assert.equal('exportable' in (key.json).attributes, !WITHOUT_EXPORTABLE.has(version), 'exportable');
    });
  }

  it('the official SecretClient works at every serviceVersion the SDKs name', async () => {
    for (const serviceVersion of SDK_VERSIONS) {
      const client = new SecretClient(url, appCredential(), { disableChallengeResourceVerification: true, serviceVersion: serviceVersion as '7.6' });
      const name = `sdk-${serviceVersion.replace(/\./g, '-')}`;
      await client.setSecret(name, serviceVersion);
      assert.equal((await client.getSecret(name)).value, serviceVersion, serviceVersion);
      const names: string[] = [];
      for await (const p of client.listPropertiesOfSecrets()) names.push(p.name);
      assert.ok(names.includes(name), serviceVersion);
    }
  });

  it('an unknown data-plane version: 400 BadParameter in the service\'s words, naming the latest', async () => {
    for (const version of ['7.7', '2024-01-01', '7.6-preview.3', 'latest']) {
      const res = await rawRequest(`${url}/secrets/seeded?api-version=${encodeURIComponent(version)}`, { headers: auth() });
      assert.equal(res.status, 400, version);
      assert.deepEqual(res.json, {
        error: { code: 'BadParameter', message: `The specified version (${version}) is not recognized. Consider using the latest supported version (2026-04-01).` },
      });
    }
    const missing = await rawRequest(`${url}/secrets/seeded`, { headers: auth() });
    assert.equal(missing.status, 400);
    assert.equal((missing.json).error.code, 'BadParameter');
  });

  describe('ARM', () => {
    const vaults = `/subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/vaults`;
    /** specification/keyvault/resource-manager/Microsoft.KeyVault/KeyVault (and the RP's own 2014-12-19-preview). */
    const KEYVAULT = [
      '2014-12-19-preview', '2015-06-01', '2016-10-01', '2018-02-14-preview', '2018-02-14', '2019-09-01', '2020-04-01-preview',
      '2021-04-01-preview', '2021-06-01-preview', '2021-10-01', '2021-11-01-preview', '2022-02-01-preview', '2022-07-01',
      '2022-11-01', '2023-02-01', '2023-07-01', '2024-04-01-preview', '2024-11-01', '2024-12-01-preview', '2025-05-01',
      '2026-02-01', '2026-04-01',
    ];

    it('every Microsoft.KeyVault version lists the vaults; another gets InvalidResourceType with the list', async () => {
      for (const version of KEYVAULT) {
        const res = await armRequest(`${vaults}?api-version=${version}`);
        assert.equal(res.status, 200, version);
        assert.ok(((res.body as JsonValue).value as { name: string }[]).some((v) => v.name === VAULT), version);
      }
      const bad = await armRequest(`${vaults}?api-version=2023-08-01`);
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body, {
        error: {
          code: 'InvalidResourceType',
          message: `The resource type 'vaults' could not be found in the namespace 'Microsoft.KeyVault' for api version '2023-08-01'. The supported api-versions are '${KEYVAULT.join(',')}'.`,
        },
      });
      const deleted = await armRequest(`/subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/x?api-version=1999-01-01`);
      assert.equal(deleted.status, 400);
      assert.match((deleted.body as JsonValue).error.message, /^The resource type 'locations\/deletedVaults' could not be found/);
    });

    it('subscriptions and tenants take the Microsoft.Resources versions; another gets InvalidApiVersionParameter', async () => {
      for (const version of ['2016-06-01', '2020-01-01', '2022-12-01', '2025-04-01']) {
        assert.equal((await armRequest(`/subscriptions?api-version=${version}`)).status, 200, version);
        assert.equal((await armRequest(`/tenants?api-version=${version}`)).status, 200, version);
      }
      assert.equal((await armRequest(`/subscriptions/${SUB_ONE}/resources?$filter=resourceType eq 'Microsoft.KeyVault/vaults'&api-version=2015-11-01`)).status, 200);
      const bad = await armRequest('/subscriptions?api-version=2023-02-01');
      assert.equal(bad.status, 400);
      const error = (bad.body as JsonValue).error;
      assert.equal(error.code, 'InvalidApiVersionParameter');
      assert.match(error.message, /^The api-version '2023-02-01' is invalid\. The supported versions are '2025-04-01,2025-03-01,.*,2022-12-01,.*,2014-04'\.$/);
    });

    it('Resource Graph takes its versions; another gets InvalidResourceType', async () => {
      const body = { query: "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name" };
      for (const version of ['2019-04-01', '2021-03-01', '2022-10-01', '2024-04-01']) {
        const res = await armRequest(`/providers/Microsoft.ResourceGraph/resources?api-version=${version}`, appCredential(), { method: 'POST', body });
        assert.equal(res.status, 200, version);
      }
      const bad = await armRequest('/providers/Microsoft.ResourceGraph/resources?api-version=2026-01-01', appCredential(), { method: 'POST', body });
      assert.equal(bad.status, 400);
      assert.equal((bad.body as JsonValue).error.code, 'InvalidResourceType');
      assert.match((bad.body as JsonValue).error.message, /'resources' could not be found in the namespace 'Microsoft\.ResourceGraph' for api version '2026-01-01'\. The supported api-versions are '.*2024-04-01'\.$/);
    });
  });
});
