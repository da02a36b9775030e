import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../src/azure/model';
import type { PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import {
  armSecurityFor, clientSecurityFor, guardCredential, isLoopbackHost, normalizeHost, originPolicy, scopeHost, TokenRefusedError, vaultSuffixOf,
} from '../../src/azure/tokenGuard';

const publicCloud: CloudEndpoints = {
  resourceManagerEndpoint: 'https://management.azure.com',
  resourceManagerScope: 'https://management.azure.com/.default',
  keyVaultDnsSuffix: 'vault.azure.net',
};
const customCloud: CloudEndpoints = {
  resourceManagerEndpoint: 'https://arm.contoso.example',
  resourceManagerScope: 'https://arm.contoso.example/.default',
  keyVaultDnsSuffix: 'vault.contoso.example',
};

function refuses(fn: () => void, host: string, scope: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof TokenRefusedError);
    assert.equal(e.name, 'TokenRefusedError');
    assert.equal(e.host, host);
    assert.equal(e.scope, scope);
    assert.ok(e.message.includes(host) && e.message.includes(scope));
    return true;
  });
}

describe('tokenGuard: loopback hosts', () => {
  for (const host of ['localhost', 'LOCALHOST', 'kv.localhost', 'a.b.localhost.', '127.0.0.1', '127.255.3.4', '[::1]', '::1', '[::ffff:127.0.0.1]', '::ffff:7f00:1']) {
    it(`${host} is loopback`, () => assert.equal(isLoopbackHost(host), true));
  }
  for (const host of ['localhost.evil.com', 'mylocalhost', '128.0.0.1', '127.0.0.256', '10.0.0.1', '0.0.0.0', '::2', '::ffff:10.0.0.1', 'kv.vault.azure.net', '127.0.0.1.nip.io']) {
    it(`${host} is not loopback`, () => assert.equal(isLoopbackHost(host), false));
  }
  it('normalises hosts and reads the host of a scope', () => {
    assert.equal(normalizeHost(' [::1] '), '::1');
    assert.equal(normalizeHost('Kv.Vault.Azure.Net.'), 'kv.vault.azure.net');
    assert.equal(scopeHost('https://Vault.Azure.Net/.default'), 'vault.azure.net');
    assert.equal(scopeHost('not a url'), undefined);
    assert.equal(scopeHost('https://[::1]:8443/.default'), '::1');
  });
});

describe('tokenGuard: clientSecurityFor', () => {
  it('keeps challenge verification on for a public-cloud vault and accepts only its resource', () => {
    const s = clientSecurityFor('https://contoso.vault.azure.net', publicCloud);
    assert.equal(s.disableChallengeResourceVerification, false);
    s.guard('https://vault.azure.net/.default');
    s.guard('https://VAULT.azure.net/.default');
    refuses(() => s.guard('https://management.azure.com/.default'), 'contoso.vault.azure.net', 'https://management.azure.com/.default');
    refuses(() => s.guard('https://vault.azure.cn/.default'), 'contoso.vault.azure.net', 'https://vault.azure.cn/.default');
    refuses(() => s.guard('https://vault.kv-emulator.localhost/.default'), 'contoso.vault.azure.net', 'https://vault.kv-emulator.localhost/.default');
  });

  it('keeps verification on for every known cloud suffix, whatever cloud is configured', () => {
    for (const [url, resource] of [
      ['https://kv.vault.azure.cn', 'https://vault.azure.cn/.default'],
      ['https://kv.vault.usgovcloudapi.net', 'https://vault.usgovcloudapi.net/.default'],
      ['https://hsm.managedhsm.azure.net', 'https://managedhsm.azure.net/.default'],
      ['https://hsm.managedhsm.azure.cn', 'https://managedhsm.azure.cn/.default'],
      ['https://hsm.managedhsm.usgovcloudapi.net', 'https://managedhsm.usgovcloudapi.net/.default'],
    ] as const) {
      const s = clientSecurityFor(url, publicCloud);
      assert.equal(s.disableChallengeResourceVerification, false, url);
      s.guard(resource);
      assert.throws(() => s.guard('https://vault.azure.net/.default'), TokenRefusedError);
    }
  });

  it("a Managed HSM gets only its own audience, never its cloud's vault audience (and a vault never the HSM's)", () => {
    const hsm = clientSecurityFor('https://pool.managedhsm.azure.net', publicCloud);
    hsm.guard('https://managedhsm.azure.net/.default');
    refuses(() => hsm.guard('https://vault.azure.net/.default'), 'pool.managedhsm.azure.net', 'https://vault.azure.net/.default');
    const vault = clientSecurityFor('https://kv.vault.azure.net', publicCloud);
    refuses(() => vault.guard('https://managedhsm.azure.net/.default'), 'kv.vault.azure.net', 'https://managedhsm.azure.net/.default');
    // A custom cloud's own HSM suffix is a vault host suffix of that cloud.
    const custom = clientSecurityFor('https://pool.hsm.contoso.example', { ...customCloud, managedHsmDnsSuffix: 'hsm.contoso.example' });
    assert.equal(custom.disableChallengeResourceVerification, false);
    custom.guard('https://hsm.contoso.example/.default');
    assert.throws(() => custom.guard('https://vault.contoso.example/.default'), TokenRefusedError);
  });

  it("keeps verification on for the configured custom cloud's suffix", () => {
    const s = clientSecurityFor('https://kv1.vault.contoso.example', customCloud);
    assert.equal(s.disableChallengeResourceVerification, false);
    assert.equal(vaultSuffixOf('kv1.vault.contoso.example', customCloud), 'vault.contoso.example');
    s.guard('https://vault.contoso.example/.default');
    assert.throws(() => s.guard('https://vault.azure.net/.default'), TokenRefusedError);
  });

  it('disables verification for a loopback vault and refuses every non-loopback scope', () => {
    for (const url of ['https://127.0.0.1:8443', 'https://localhost:9000', 'https://kv.localhost', 'https://[::1]:4443']) {
      const s = clientSecurityFor(url, publicCloud);
      assert.equal(s.disableChallengeResourceVerification, true, url);
      s.guard('https://vault.kv-emulator.localhost/.default');
      s.guard('https://localhost/.default');
      s.guard('https://127.0.0.1:1234/.default');
      for (const real of ['https://vault.azure.net/.default', 'https://management.azure.com/.default', 'https://vault.azure.cn/.default', 'https://graph.microsoft.com/.default', 'https://localhost.evil.com/.default']) {
        refuses(() => s.guard(real), normalizeHost(new URL(url).hostname), real);
      }
      assert.throws(() => s.guard('api://some-app/.default'), TokenRefusedError);
      assert.throws(() => s.guard('user_impersonation'), TokenRefusedError);
    }
  });

  it('gives a host that is not a vault host of the cloud no token at all, not even for a parent domain', () => {
    // Hosts under broad Microsoft parent domains: the SDK's own check (the resource is a parent domain of the host)
    // would let https://database.windows.net or https://graph.microsoft.com tokens through.
    const cases: [string, string[]][] = [
      ['https://contoso.database.windows.net', ['https://database.windows.net/.default', 'https://windows.net/.default']],
      ['https://graph.microsoft.com', ['https://microsoft.com/.default', 'https://graph.microsoft.com/.default']],
      ['https://x.graph.microsoft.com', ['https://graph.microsoft.com/.default']],
      ['https://kv.vault.azure.net.evil.example', ['https://evil.example/.default', 'https://vault.azure.net.evil.example/.default', 'https://vault.azure.net/.default']],
      ['https://a.b.vault.azure.net', ['https://vault.azure.net/.default', 'https://b.vault.azure.net/.default']],
      ['https://kv.azure.net', ['https://azure.net/.default', 'https://vault.azure.net/.default']],
      ['https://10.0.0.5', ['https://10.0.0.5/.default']],
      ['https://vault.azure.net', ['https://vault.azure.net/.default', 'https://azure.net/.default']],
    ];
    for (const [url, scopes] of cases) {
      const s = clientSecurityFor(url, publicCloud);
      assert.equal(s.disableChallengeResourceVerification, false, url);
      for (const scope of scopes) refuses(() => s.guard(scope), new URL(url).hostname, scope);
    }
    assert.equal(vaultSuffixOf('a.b.vault.azure.net', publicCloud), undefined, 'one DNS label in front of the suffix');
    assert.equal(vaultSuffixOf('contoso.database.windows.net', publicCloud), undefined);
    assert.equal(vaultSuffixOf('hsm-1.managedhsm.azure.net', publicCloud), 'managedhsm.azure.net');
  });

  it('never disables verification for a non-loopback host', () => {
    for (const url of ['https://a.vault.azure.net', 'https://10.0.0.5', 'https://example.com', 'https://localhost.example.com', 'https://0.0.0.0']) {
      assert.equal(clientSecurityFor(url, publicCloud).disableChallengeResourceVerification, false, url);
    }
  });
});

describe('tokenGuard: armSecurityFor (Resource Manager)', () => {
  const arm = (endpoint: string, scope = `${endpoint}/.default`): CloudEndpoints => ({ resourceManagerEndpoint: endpoint, resourceManagerScope: scope, keyVaultDnsSuffix: 'vault.azure.net' });

  it("sends a well-known cloud's ARM audience only to that cloud's ARM host", () => {
    armSecurityFor(publicCloud).guard('https://management.azure.com/.default');
    armSecurityFor(publicCloud).guard('https://management.core.windows.net//.default');
    armSecurityFor(arm('https://management.chinacloudapi.cn')).guard('https://management.core.chinacloudapi.cn/.default');
    armSecurityFor(arm('https://management.usgovcloudapi.net')).guard('https://management.usgovcloudapi.net/.default');
    for (const endpoint of ['https://evil.example', 'https://management.azure.com.evil.example', 'https://management.chinacloudapi.cn', 'https://10.0.0.5']) {
      for (const scope of ['https://management.azure.com/.default', 'https://management.core.windows.net/.default']) {
        refuses(() => armSecurityFor(arm(endpoint)).guard(scope), new URL(endpoint).hostname, scope);
      }
    }
    refuses(() => armSecurityFor(publicCloud).guard('https://management.chinacloudapi.cn/.default'), 'management.azure.com', 'https://management.chinacloudapi.cn/.default');
    refuses(() => armSecurityFor(publicCloud).guard('https://graph.microsoft.com/.default'), 'management.azure.com', 'https://graph.microsoft.com/.default');
  });

  it('gives a loopback endpoint only loopback (non-Entra) audiences', () => {
    for (const endpoint of ['https://127.0.0.1:4100', 'https://localhost:9000', 'https://arm.localhost', 'https://[::1]:4443']) {
      const s = armSecurityFor(arm(endpoint, 'https://management.kv-emulator.localhost/.default'));
      s.guard('https://management.kv-emulator.localhost/.default');
      s.guard('https://127.0.0.1:4100/.default');
      for (const real of ['https://management.azure.com/.default', 'https://management.core.windows.net/.default', 'https://vault.azure.net/.default', 'https://graph.microsoft.com/.default', 'https://management.localhost.evil.example/.default', 'user_impersonation']) {
        refuses(() => s.guard(real), normalizeHost(new URL(endpoint).hostname), real);
      }
    }
  });

  it('lets a custom cloud (Azure Stack) use its own audience, never a Key Vault one', () => {
    const stack = arm('https://management.local.azurestack.external', 'https://management.adfs.azurestack.local/4f0b2a47/.default');
    armSecurityFor(stack).guard('https://management.adfs.azurestack.local/4f0b2a47/.default');
    refuses(() => armSecurityFor(stack).guard('https://vault.azure.net/.default'), 'management.local.azurestack.external', 'https://vault.azure.net/.default');
    refuses(() => armSecurityFor(stack).guard('not a url'), 'management.local.azurestack.external', 'not a url');
  });
});

describe('tokenGuard: originPolicy', () => {
  const sent: string[] = [];
  const next = (request: PipelineRequest): Promise<PipelineResponse> => {
    sent.push(request.url);
    return Promise.resolve({ request, status: 200, headers: {} } as unknown as PipelineResponse);
  };
  const request = (url: string) => ({ url }) as PipelineRequest;

  beforeEach(() => {
    sent.length = 0;
  });

  it('passes requests to its own origin (any path and query) and refuses every other origin before sending', async () => {
    const policy = originPolicy('test', 'https://KV-One.vault.azure.net');
    await policy.sendRequest(request('https://kv-one.vault.azure.net/secrets?api-version=7.6&$skiptoken=x'), next);
    await policy.sendRequest(request('https://kv-one.vault.azure.net:443/secrets/a'), next);
    for (const other of ['https://kv-two.vault.azure.net/secrets', 'http://kv-one.vault.azure.net/secrets', 'https://kv-one.vault.azure.net:8443/secrets', 'https://kv-one.vault.azure.net.evil.example/secrets', 'https://127.0.0.1/secrets', 'not a url']) {
      await assert.rejects(policy.sendRequest(request(other), next), (e: unknown) => e instanceof TokenRefusedError && e.scope === undefined && /Refused to send a request/.test(e.message), other);
    }
    assert.deepEqual(sent, ['https://kv-one.vault.azure.net/secrets?api-version=7.6&$skiptoken=x', 'https://kv-one.vault.azure.net:443/secrets/a']);
  });

  it("is the ARM guard's policy for the endpoint's origin", async () => {
    const { policy } = armSecurityFor({ resourceManagerEndpoint: 'https://127.0.0.1:4100/', resourceManagerScope: 'https://management.kv-emulator.localhost/.default', keyVaultDnsSuffix: 'vault.kv-emulator.localhost' });
    await policy.sendRequest(request('https://127.0.0.1:4100/tenants?api-version=2022-12-01'), next);
    await assert.rejects(policy.sendRequest(request('https://127.0.0.1:4101/tenants?$skiptoken=1'), next), TokenRefusedError);
    assert.equal(sent.length, 1);
  });
});

describe('tokenGuard: guardCredential', () => {
  const calls: { scopes: string | string[]; options?: GetTokenOptions }[] = [];
  const inner: TokenCredential = {
    getToken: (scopes, options) => {
      calls.push({ scopes, options });
      return Promise.resolve<AccessToken>({ token: 'secret-token-value', expiresOnTimestamp: Date.now() + 3600_000 });
    },
  };

  beforeEach(() => {
    calls.length = 0;
  });

  it('passes allowed scopes and options through', async () => {
    const guarded = guardCredential(inner, clientSecurityFor('https://127.0.0.1:1', publicCloud).guard);
    const token = await guarded.getToken('https://vault.kv-emulator.localhost/.default', { tenantId: 't1' });
    assert.equal(token?.token, 'secret-token-value');
    assert.deepEqual(calls, [{ scopes: 'https://vault.kv-emulator.localhost/.default', options: { tenantId: 't1' } }]);
  });

  it('refuses before asking the credential, and the error never carries a token', async () => {
    const guarded = guardCredential(inner, clientSecurityFor('https://127.0.0.1:1', publicCloud).guard);
    await assert.rejects(guarded.getToken(['https://vault.kv-emulator.localhost/.default', 'https://vault.azure.net/.default']), (e: unknown) => {
      assert.ok(e instanceof TokenRefusedError);
      assert.ok(!e.message.includes('secret-token-value'));
      assert.match(e.message, /127\.0\.0\.1/);
      assert.match(e.message, /https:\/\/vault\.azure\.net\/\.default/);
      return true;
    });
    assert.equal(calls.length, 0);
  });
});
