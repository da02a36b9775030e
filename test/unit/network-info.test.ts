// src/azure/networkInfo.ts: the client's address from `x-ms-keyvault-network-info`, in the shapes the service has
// sent (Azure SDK recordings: `conn_type=Ipv4;addr=72.68.182.20;act_addr_fam=InterNetwork;`, older `addr=…;act_addr_fam=…;`,
// `addr=50.35.231.105`), and nothing that is not an address.
import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { clientAddressOf, clientAddressPolicy } from '../../src/azure/networkInfo';

describe('networkInfo: the client address a vault saw', () => {
  it('reads addr= in every shape the service sends', () => {
    assert.equal(clientAddressOf('conn_type=Ipv4;addr=72.68.182.20;act_addr_fam=InterNetwork;'), '72.68.182.20');
    assert.equal(clientAddressOf('addr=131.107.174.199;act_addr_fam=InterNetwork;'), '131.107.174.199');
    assert.equal(clientAddressOf('addr=50.35.231.105'), '50.35.231.105');
    assert.equal(clientAddressOf('conn_type=Ipv6;addr=2001:DB8::1;act_addr_fam=InterNetworkV6;'), '2001:db8::1');
  });
  it('takes nothing else: no header, no addr, not an address, another key ending in addr', () => {
    for (const header of [undefined, null, '', 'conn_type=Ipv4;', 'addr=;', 'addr=<script>', 'addr=example.com', 'act_addr=1.2.3.4', `addr=${'1'.repeat(60)}`]) {
      assert.equal(clientAddressOf(header), undefined, String(header));
    }
  });
  it('the policy reports the address of any answer, a 401 challenge or a 403 included, and passes the response on', async () => {
    const seen: string[] = [];
    const policy = clientAddressPolicy((a) => seen.push(a));
    const request = createPipelineRequest({ url: 'https://kv-app.vault.azure.net/secrets?api-version=2025-07-01' });
    for (const [status, header] of [[401, 'conn_type=Ipv4;addr=203.0.113.5;act_addr_fam=InterNetwork;'], [403, 'addr=203.0.113.6;'], [200, undefined]] as const) {
      const response: PipelineResponse = { request, status, headers: createHttpHeaders(header ? { 'x-ms-keyvault-network-info': header } : {}) };
      assert.equal(await policy.sendRequest(request, () => Promise.resolve(response)), response);
    }
    assert.deepEqual(seen, ['203.0.113.5', '203.0.113.6']);
  });
});
