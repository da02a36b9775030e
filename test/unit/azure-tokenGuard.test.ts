import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../src/azure/model';
import {
  clientSecurityFor, guardCredential, isLoopbackHost, normalizeHost, scopeHost, TokenRefusedError, vaultSuffixOf,
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
    ] as const) {
      const s = clientSecurityFor(url, publicCloud);
      assert.equal(s.disableChallengeResourceVerification, false, url);
      s.guard(resource);
      assert.throws(() => s.guard('https://vault.azure.net/.default'), TokenRefusedError);
    }
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

  it('keeps verification on for any other host, and refuses cloud resources and non-parent domains', () => {
    const s = clientSecurityFor('https://kv.vault.azure.net.evil.example', publicCloud);
    assert.equal(s.disableChallengeResourceVerification, false);
    s.guard('https://evil.example/.default');
    s.guard('https://vault.azure.net.evil.example/.default');
    assert.throws(() => s.guard('https://vault.azure.net/.default'), TokenRefusedError);
    assert.throws(() => s.guard('https://other.example/.default'), TokenRefusedError);
    assert.throws(() => s.guard('https://kv.vault.azure.net.evil.example/.default'), TokenRefusedError, 'the host itself is not a parent');
    const onAzureNet = clientSecurityFor('https://kv.azure.net', publicCloud);
    assert.throws(() => onAzureNet.guard('https://vault.azure.net/.default'), TokenRefusedError);
  });

  it('never disables verification for a non-loopback host', () => {
    for (const url of ['https://a.vault.azure.net', 'https://10.0.0.5', 'https://example.com', 'https://localhost.example.com', 'https://0.0.0.0']) {
      assert.equal(clientSecurityFor(url, publicCloud).disableChallengeResourceVerification, false, url);
    }
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
