// Paging parameters at the edges: data-plane `maxresults` outside 1–25, unknown, altered and foreign `$skiptoken`s
// (another vault's, another list's, another kind's) and ARM `$top=0|-1|abc` and bad skip tokens are refused with
// 400 instead of silently restarting at page 1 — and the official clients still page through everything.
import * as assert from 'node:assert/strict';
import { appCredential, armKeyVaultClient, armRequest, controlApi, emulatorInfo, liveVaultUrl, rawRequest, secretClient, vaultInfo, type JsonValue } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const VAULT = 'kv-paging-params';
const COUNT = 30;
const NAMES = Array.from({ length: COUNT }, (_, i) => `paged-${String(i + 1).padStart(2, '0')}`);

function skiptokenOf(nextLink: string): string {
  const token = new URL(nextLink).searchParams.get('$skiptoken');
  assert.ok(token, 'the next link carries a $skiptoken');
  return token;
}

describe('emulator paging parameters', function () {
  this.timeout(60_000);
  let url = '';
  let token = '';
  const get = (path: string): ReturnType<typeof rawRequest> => rawRequest(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    await controlApi.seed({
      vaults: [{
        name: VAULT, subscription: SUB_ONE, resourceGroup: 'rg-paging-params',
        secrets: NAMES.map((name) => ({ name, versions: [{ value: 'a' }, { value: 'b' }] })),
        keys: [{ name: 'paged-key', kty: 'EC', curve: 'P-256' }, { name: 'paged-key-2', kty: 'EC', curve: 'P-256' }],
      }],
    });
    url = await liveVaultUrl(VAULT);
    token = (await appCredential().getToken(emulatorInfo().scopes.vault)).token;
  });

  describe('data plane', () => {
    it('maxresults 1 and 25 page; 0, 26, -1, 1.5, abc, 1e1 are 400 BadParameter', async () => {
      assert.equal(((await get('/secrets?api-version=2025-07-01&maxresults=1')).json).value.length, 1);
      assert.equal(((await get('/secrets?api-version=2025-07-01&maxresults=25')).json).value.length, 25);
      assert.equal(((await get('/secrets?api-version=2025-07-01')).json).value.length, 25, 'default 25');
      for (const bad of ['0', '26', '-1', '1.5', 'abc', '1e1', ' 5']) {
        for (const path of ['/secrets', '/secrets/paged-01/versions', '/deletedsecrets', '/keys']) {
          const res = await get(`${path}?api-version=2025-07-01&maxresults=${encodeURIComponent(bad)}`);
          assert.equal(res.status, 400, `${path} maxresults=${bad}`);
          assert.equal((res.json).error.code, 'BadParameter');
          assert.match((res.json).error.message, /maxresults/);
        }
      }
    });

    it('a next link gives the next page; unknown, altered and foreign $skiptokens are 400 BadParameter', async () => {
      const first = (await get('/secrets?api-version=2025-07-01&maxresults=10')).json;
      const good = skiptokenOf(first.nextLink);
      const second = (await rawRequest(first.nextLink, { headers: { authorization: `Bearer ${token}` } })).json;
      assert.equal(second.value[0].id, `${url}/secrets/paged-11`, 'page 2, not page 1 again');

      const decoded = JSON.parse(Buffer.from(good, 'base64url').toString('utf8')) as { NextMarker: string; TargetLocation: number };
      const altered = Buffer.from(JSON.stringify({ ...decoded, NextMarker: `${Buffer.from('paged-20').toString('base64url')}${decoded.NextMarker.slice(decoded.NextMarker.indexOf('!'))}` })).toString('base64url');
      const versionsLink = ((await get('/secrets/paged-01/versions?api-version=2025-07-01&maxresults=1')).json).nextLink as string;
      const keysLink = ((await get('/keys?api-version=2025-07-01&maxresults=1')).json).nextLink as string;
      const otherVault = vaultInfo('kv-test-main').url;
      const refused: [string, string][] = [
        ['garbage', '/secrets?api-version=2025-07-01&$skiptoken=abc'],
        ['base64 of nothing useful', `/secrets?api-version=2025-07-01&$skiptoken=${Buffer.from('{"NextMarker":"x","TargetLocation":0}').toString('base64url')}`],
        ['altered marker', `/secrets?api-version=2025-07-01&$skiptoken=${altered}`],
        ['a secrets token on the deleted secrets', `/deletedsecrets?api-version=2025-07-01&$skiptoken=${good}`],
        ['a secrets token on the keys', `/keys?api-version=2025-07-01&$skiptoken=${good}`],
        ['a secrets token on the certificates', `/certificates?api-version=2025-07-01&$skiptoken=${good}`],
        ['a versions token on the secrets', `/secrets?api-version=2025-07-01&$skiptoken=${skiptokenOf(versionsLink)}`],
        ['another secret\'s versions token', `/secrets/paged-02/versions?api-version=2025-07-01&$skiptoken=${skiptokenOf(versionsLink)}`],
        ['a keys token on the secrets', `/secrets?api-version=2025-07-01&$skiptoken=${skiptokenOf(keysLink)}`],
      ];
      for (const [why, path] of refused) {
        const res = await get(path);
        assert.equal(res.status, 400, why);
        assert.deepEqual(res.json, { error: { code: 'BadParameter', message: 'The specified $skiptoken is invalid.' } }, why);
      }
      const foreign = await rawRequest(`${otherVault}/secrets?api-version=2025-07-01&$skiptoken=${good}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(foreign.status, 400, 'another vault\'s token');
      assert.equal((foreign.json).error.code, 'BadParameter');
    });

    it('the official SecretClient still pages through everything, at any page size', async () => {
      const client = secretClient(url);
      for (const maxPageSize of [1, 7, 25]) {
        const names: string[] = [];
        let pages = 0;
        for await (const page of client.listPropertiesOfSecrets().byPage({ maxPageSize })) {
          pages++;
          names.push(...page.map((p) => p.name));
        }
        assert.deepEqual(names, NAMES, `maxPageSize ${maxPageSize}`);
        assert.equal(pages, Math.ceil(COUNT / maxPageSize));
      }
      const versions: string[] = [];
      for await (const page of client.listPropertiesOfSecretVersions('paged-05').byPage({ maxPageSize: 1 })) versions.push(...page.map((p) => p.version!));
      assert.equal(versions.length, 2);
    });
  });

  describe('ARM', () => {
    const vaults = `/subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/vaults?api-version=2026-02-01`;

    it('$top=0, -1, abc, 1.5 are 400 InvalidQueryParameterValue; $top=1 pages one by one', async () => {
      for (const top of ['0', '-1', 'abc', '1.5', '']) {
        for (const path of [vaults, '/subscriptions?api-version=2022-12-01', `/subscriptions/${SUB_ONE}/resources?api-version=2021-04-01`]) {
          const res = await armRequest(`${path}&$top=${encodeURIComponent(top)}`);
          assert.equal(res.status, 400, `${path} $top=${top}`);
          assert.equal((res.body as JsonValue).error.code, 'InvalidQueryParameterValue');
          assert.match((res.body as JsonValue).error.message, /'\$top'/);
        }
      }
      const all = ((await armRequest(vaults)).body as JsonValue).value.map((v: { name: string }) => v.name) as string[];
      const paged: string[] = [];
      let link: string | undefined = `${vaults}&$top=1`;
      while (link) {
        const page = (await armRequest(link)).body as JsonValue;
        assert.equal(page.value.length, 1);
        paged.push(page.value[0].name as string);
        link = page.nextLink as string | undefined;
      }
      assert.deepEqual(paged, all);
    });

    it('unknown, altered and foreign skip tokens are 400 InvalidSkipToken', async () => {
      const first = (await armRequest(`${vaults}&$top=1`)).body as JsonValue;
      const good = skiptokenOf(first.nextLink);
      const subsToken = skiptokenOf(((await armRequest('/subscriptions?api-version=2022-12-01&$top=1')).body as JsonValue).nextLink);
      const decoded = JSON.parse(Buffer.from(good, 'base64url').toString('utf8')) as { o: number; s: string };
      const altered = Buffer.from(JSON.stringify({ ...decoded, o: 0 })).toString('base64url');
      for (const [why, url] of [
        ['garbage', `${vaults}&$skiptoken=abc`],
        ['an offset as the old tokens had it', `${vaults}&$skiptoken=${Buffer.from('1').toString('base64url')}`],
        ['altered offset', `${vaults}&$skiptoken=${altered}`],
        ['the subscriptions list\'s token', `${vaults}&$skiptoken=${subsToken}`],
        ['a vaults token on the resources list', `/subscriptions/${SUB_ONE}/resources?api-version=2021-04-01&$skiptoken=${good}`],
        ['another resource group', `/subscriptions/${SUB_ONE}/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults?api-version=2026-02-01&$skiptoken=${good}`],
      ] as const) {
        const res = await armRequest(url);
        assert.equal(res.status, 400, why);
        assert.equal((res.body as JsonValue).error.code, 'InvalidSkipToken', why);
      }
    });

    it('the official KeyVaultManagementClient pages through every vault with top', async () => {
      const client = armKeyVaultClient(SUB_ONE);
      const all: string[] = [];
      for await (const v of client.vaults.listBySubscription()) all.push(v.name!);
      const paged: string[] = [];
      for await (const page of client.vaults.listBySubscription({ top: 2 }).byPage()) {
        assert.ok(page.length <= 2);
        paged.push(...page.map((v) => v.name!));
      }
      assert.deepEqual(paged, all);
      assert.ok(all.includes(VAULT));
    });
  });
});
