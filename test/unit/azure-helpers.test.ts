// Pure helpers of src/azure: withTenant, bounded parallelism, mappers, the list context, vault keys.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { ManagedHsm, Vault } from '@azure/arm-keyvault';
import type { SecretProperties } from '@azure/keyvault-secrets';
import { withTenant } from '../../src/azure/credentials';
import { mapWithConcurrency } from '../../src/azure/concurrency';
import { newestFirst, resourceGroupOf, secretItem, managedHsmInfo, vaultInfo } from '../../src/azure/mappers';
import { ListContext, nextLinkOf, withErrorDetails, type ListCall } from '../../src/azure/listContext';
import type { ItemProperties } from '../../src/azure/model';

describe('withTenant', () => {
  it('always passes the tenant, keeping the other options', async () => {
    const seen: (GetTokenOptions | undefined)[] = [];
    const inner: TokenCredential = { getToken: (_s, o) => (seen.push(o), Promise.resolve<AccessToken>({ token: 't', expiresOnTimestamp: 0 })) };
    const c = withTenant(inner, 'tenant-b');
    await c.getToken('https://management.azure.com/.default');
    await c.getToken(['x'], { tenantId: 'other', claims: 'c' });
    assert.deepEqual(seen, [{ tenantId: 'tenant-b' }, { tenantId: 'tenant-b', claims: 'c' }]);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the order of the input and never runs more than the limit', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 4, 3, 2, 1, 0], 2, async (n, i) => {
      active++;
      peak = Math.max(peak, active);
      for (let k = 0; k < n; k++) await new Promise((resolve) => setImmediate(resolve));
      active--;
      return `${i}:${n}`;
    });
    assert.deepEqual(out, ['0:5', '1:4', '2:3', '3:2', '4:1', '5:0']);
    assert.equal(peak, 2);
  });

  it('handles an empty list and a limit above the item count', async () => {
    assert.deepEqual(await mapWithConcurrency([], 4, () => Promise.resolve(1)), []);
    assert.deepEqual(await mapWithConcurrency([1], 10, (n) => Promise.resolve(n * 2)), [2]);
  });
});

describe('mappers', () => {
  it('maps secret properties to plain data without SDK objects', () => {
    const created = new Date('2024-01-01T00:00:00Z');
    const tags = { a: '1' };
    const p = { vaultUrl: 'https://kv.vault.azure.net', name: 's1', id: 'https://kv.vault.azure.net/secrets/s1', enabled: true, createdOn: created, tags, contentType: 'text/plain', recoveryLevel: 'Recoverable' } as SecretProperties;
    const item = secretItem(p);
    assert.deepEqual(item, { kind: 'secret', name: 's1', id: 'https://kv.vault.azure.net/secrets/s1', enabled: true, createdOn: created, contentType: 'text/plain', tags: { a: '1' }, recoveryLevel: 'Recoverable' });
    assert.notEqual(item.createdOn, created, 'dates are copied');
    assert.notEqual(item.tags, tags, 'tags are copied');
    assert.ok(!('value' in item));
  });

  it('sorts versions newest first, undated last', () => {
    const v = (version: string, created?: string): ItemProperties => ({ kind: 'secret', name: 'n', id: version, version, ...(created ? { createdOn: new Date(created) } : {}) });
    const sorted = newestFirst([v('a', '2024-01-01'), v('b'), v('c', '2024-03-01'), v('d', '2024-02-01')]);
    assert.deepEqual(sorted.map((x) => x.version), ['c', 'd', 'a', 'b']);
  });

  it('maps an ARM vault', () => {
    const v = {
      id: '/subscriptions/s1/resourceGroups/rg-One/providers/Microsoft.KeyVault/vaults/kv1',
      name: 'kv1',
      location: 'westeurope',
      tags: { env: 'dev' },
      properties: { tenantId: 't1', sku: { family: 'A', name: 'standard' }, vaultUri: 'https://kv1.vault.azure.net/', enableSoftDelete: true, softDeleteRetentionInDays: 7, enableRbacAuthorization: true, publicNetworkAccess: 'Enabled' },
    } as Vault;
    assert.deepEqual(vaultInfo(v, 's1'), {
      id: v.id, name: 'kv1', subscriptionId: 's1', resourceGroup: 'rg-One', location: 'westeurope', tenantId: 't1', vaultUrl: 'https://kv1.vault.azure.net',
      softDeleteEnabled: true, softDeleteRetentionInDays: 7, purgeProtectionEnabled: false, rbacAuthorization: true, publicNetworkAccess: 'Enabled', sku: 'standard', tags: { env: 'dev' },
    });
    assert.equal(resourceGroupOf('/subscriptions/x/resourcegroups/lower/providers/p'), 'lower');
  });

  it('maps an ARM Managed HSM beside vaults: its hsmUri, soft delete always on, local RBAC', () => {
    const h = {
      id: '/subscriptions/s1/resourceGroups/rg-h/providers/Microsoft.KeyVault/managedHSMs/hsm1',
      name: 'hsm1',
      location: 'westus',
      sku: { family: 'B', name: 'Standard_B1' },
      properties: { tenantId: 't1', hsmUri: 'https://hsm1.managedhsm.azure.net/', softDeleteRetentionInDays: 90, enablePurgeProtection: true, publicNetworkAccess: 'Disabled' },
    } as ManagedHsm;
    assert.deepEqual(managedHsmInfo(h, 's1'), {
      id: h.id, kind: 'managedHsm', name: 'hsm1', subscriptionId: 's1', resourceGroup: 'rg-h', location: 'westus', tenantId: 't1', vaultUrl: 'https://hsm1.managedhsm.azure.net',
      softDeleteEnabled: true, softDeleteRetentionInDays: 90, purgeProtectionEnabled: true, rbacAuthorization: true, publicNetworkAccess: 'Disabled', sku: 'Standard_B1',
    });
  });
});

describe('listContext', () => {
  it('reads nextLink from a listing body', () => {
    assert.equal(nextLinkOf('{"value":[],"nextLink":"https://kv/secrets?$skiptoken=a"}'), 'https://kv/secrets?$skiptoken=a');
    assert.equal(nextLinkOf('{"value":[],"nextLink":null}'), undefined);
    assert.equal(nextLinkOf('not json'), undefined);
    assert.equal(nextLinkOf(undefined), undefined);
  });

  it('records the nextLink of the call it runs in, and lends the call its abort signal', async () => {
    const lists = new ListContext();
    const policy = lists.policy();
    const controller = new AbortController();
    let signalSeen: unknown;
    const next = (req: PipelineRequest): Promise<PipelineResponse> => {
      signalSeen = req.abortSignal;
      return Promise.resolve({ request: req, status: 200, headers: createHttpHeaders(), bodyAsText: '{"value":[],"nextLink":"https://kv/next"}' });
    };
    const call: { abortSignal?: AbortSignal; nextLink?: string } = { abortSignal: controller.signal };
    await lists.run(call, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await policy.sendRequest(createPipelineRequest({ url: 'https://kv/secrets' }), next);
    });
    assert.equal(call.nextLink, 'https://kv/next');
    assert.equal(signalSeen, controller.signal);
    const outside = createPipelineRequest({ url: 'https://kv/secrets' });
    await policy.sendRequest(outside, next);
    assert.equal(outside.abortSignal, undefined, 'no context outside run()');
  });

  it("keeps the last error body, and gives a listing's RestError its details", async () => {
    const lists = new ListContext();
    const call: ListCall = {};
    const body = '{"error":{"code":"Forbidden","innererror":{"code":"ForbiddenByRbac"}}}';
    await lists.run(call, () =>
      lists.policy().sendRequest(createPipelineRequest({ url: 'https://kv/secrets' }), (req) => Promise.resolve({ request: req, status: 403, headers: createHttpHeaders(), bodyAsText: body })),
    );
    assert.deepEqual(call.errorResponse, { status: 403, body });
    const error = Object.assign(new Error('Forbidden'), { statusCode: 403 });
    assert.deepEqual((withErrorDetails(error, call) as { details?: unknown }).details, JSON.parse(body));
    const other = Object.assign(new Error('x'), { statusCode: 500 });
    assert.equal((withErrorDetails(other, call) as { details?: unknown }).details, undefined, 'only for the same status');
    const kept = Object.assign(new Error('x'), { statusCode: 403, details: { mine: true } });
    assert.deepEqual((withErrorDetails(kept, call) as { details?: unknown }).details, { mine: true });
  });
});
