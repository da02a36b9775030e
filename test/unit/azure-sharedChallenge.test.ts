// The shared-challenge policy in front of the SDK's real keyVaultAuthenticationPolicy (@azure/keyvault-common),
// against a fake Key Vault HTTP client: what the service receives is what the assertions read.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  createEmptyPipeline, createHttpHeaders, createPipelineRequest, type HttpClient, type HttpMethods, type Pipeline, type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { keyVaultAuthenticationPolicy } from '@azure/keyvault-common';
import { VaultChallenge } from '../../src/azure/sharedChallenge';

const SCOPE = 'https://vault.azure.net/.default';
const TENANT = '11111111-1111-4111-8111-111111111111';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly auth?: string;
  readonly body?: string;
}

/** A Key Vault that challenges requests without a valid token and records what reached it. */
class FakeVault implements HttpClient {
  readonly seen: Seen[] = [];
  readonly rejected = new Set<string>();

  sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const auth = request.headers.get('authorization');
    const body = typeof request.body === 'string' ? request.body : undefined;
    this.seen.push({ method: request.method, path: new URL(request.url).pathname, ...(auth ? { auth } : {}), ...(body !== undefined ? { body } : {}) });
    const token = auth?.replace(/^Bearer /, '');
    if (!token || this.rejected.has(token)) {
      return Promise.resolve({
        request,
        status: 401,
        headers: createHttpHeaders({ 'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"` }),
      });
    }
    return Promise.resolve({ request, status: 200, headers: createHttpHeaders(), bodyAsText: '{}' });
  }

  take(): Seen[] {
    return this.seen.splice(0);
  }
}

/** Issues tok-1, tok-2, … and records every call. */
class CountingCredential implements TokenCredential {
  readonly calls: { scopes: string[]; options?: GetTokenOptions }[] = [];
  lifetimeMs = 3600_000;

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    this.calls.push({ scopes: Array.isArray(scopes) ? scopes : [scopes], ...(options ? { options } : {}) });
    return Promise.resolve({ token: `tok-${this.calls.length}`, expiresOnTimestamp: Date.now() + this.lifetimeMs });
  }
}

/** One SDK-like client: our perCall policy right before the real auth policy. */
function client(challenge: VaultChallenge): Pipeline {
  const { credential, policy } = challenge.forClient();
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(policy);
  pipeline.addPolicy(keyVaultAuthenticationPolicy(credential, {}));
  return pipeline;
}

function send(pipeline: Pipeline, vault: FakeVault, method: HttpMethods, path: string, body?: string): Promise<PipelineResponse> {
  return pipeline.sendRequest(vault, createPipelineRequest({ url: `https://kv.vault.azure.net${path}`, method, ...(body !== undefined ? { body } : {}) }));
}

describe('sharedChallenge: one auth challenge per vault', () => {
  let vault: FakeVault;
  let credential: CountingCredential;
  let challenge: VaultChallenge;

  beforeEach(() => {
    vault = new FakeVault();
    credential = new CountingCredential();
    challenge = new VaultChallenge(credential);
  });

  it('the first client does the challenge; a second client of the vault sends its first GET authorised', async () => {
    const secrets = client(challenge);
    assert.equal(challenge.known, false);
    assert.equal((await send(secrets, vault, 'GET', '/secrets')).status, 200);
    assert.deepEqual(vault.take().map((s) => `${s.path} ${s.auth ?? 'none'}`), ['/secrets none', '/secrets Bearer tok-1']);
    assert.equal(challenge.known, true);
    assert.deepEqual(credential.calls, [{ scopes: [SCOPE], options: credential.calls[0]?.options }]);
    assert.equal(credential.calls[0]?.options?.tenantId, TENANT);

    const keys = client(challenge);
    assert.equal((await send(keys, vault, 'GET', '/keys')).status, 200);
    assert.deepEqual(vault.take().map((s) => `${s.path} ${s.auth ?? 'none'}`), ['/keys Bearer tok-1'], 'no 401 round trip');
    assert.equal(credential.calls.length, 1, 'the cached token was reused');
  });

  it("a second client's first request with a body takes its own challenge, and the body arrives intact", async () => {
    await send(client(challenge), vault, 'GET', '/secrets');
    vault.take();
    const keys = client(challenge);
    assert.equal((await send(keys, vault, 'POST', '/keys/k1/create', '{"kty":"EC"}')).status, 200);
    const seen = vault.take();
    assert.deepEqual(seen.map((s) => s.auth ?? 'none'), ['none', 'Bearer tok-2']);
    assert.equal(seen[1]?.body, '{"kty":"EC"}');
  });

  it('after a pre-authorised GET, writes of that client are pre-authorised with their body', async () => {
    await send(client(challenge), vault, 'GET', '/secrets');
    const certs = client(challenge);
    await send(certs, vault, 'GET', '/certificates');
    vault.take();
    assert.equal((await send(certs, vault, 'PATCH', '/certificates/c1/', '{"tags":{"a":"1"}}')).status, 200);
    assert.deepEqual(vault.take(), [{ method: 'PATCH', path: '/certificates/c1/', auth: 'Bearer tok-1', body: '{"tags":{"a":"1"}}' }]);
  });

  it('concurrent first requests of a new client (a GET and two writes) all arrive authorised with their bodies', async () => {
    await send(client(challenge), vault, 'GET', '/secrets');
    vault.take();
    const keys = client(challenge);
    const results = await Promise.all([
      send(keys, vault, 'PUT', '/keys/a', '{"n":"a"}'),
      send(keys, vault, 'GET', '/keys'),
      send(keys, vault, 'PUT', '/keys/b', '{"n":"b"}'),
    ]);
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    const authorised = vault.seen.filter((s) => s.auth);
    assert.deepEqual(authorised.filter((s) => s.method === 'PUT').map((s) => s.body).sort(), ['{"n":"a"}', '{"n":"b"}']);
    assert.equal(authorised.filter((s) => s.method === 'GET').length, 1);
  });

  it('asks the credential again when the cached token is within 5 minutes of expiry', async () => {
    credential.lifetimeMs = 60_000;
    await send(client(challenge), vault, 'GET', '/secrets');
    await send(client(challenge), vault, 'GET', '/keys');
    assert.equal(credential.calls.length, 2);
    assert.deepEqual(credential.calls[1]?.scopes, [SCOPE]);
    assert.equal(credential.calls[1]?.options?.tenantId, TENANT);
    assert.equal(credential.calls[1]?.options?.enableCae, true);
    assert.equal(vault.seen.at(-1)?.auth, 'Bearer tok-2');
  });

  it('a pre-authorised token the vault rejects falls back to the SDK challenge; that client then manages its own tokens', async () => {
    await send(client(challenge), vault, 'GET', '/secrets');
    vault.rejected.add('tok-1');
    vault.take();
    const keys = client(challenge);
    assert.equal((await send(keys, vault, 'GET', '/keys')).status, 200);
    assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['Bearer tok-1', 'Bearer tok-2']);
    assert.equal((await send(keys, vault, 'PUT', '/keys/x', '{"x":1}')).status, 200);
    assert.deepEqual(vault.take(), [{ method: 'PUT', path: '/keys/x', auth: 'Bearer tok-2', body: '{"x":1}' }]);
    const certs = client(challenge);
    await send(certs, vault, 'GET', '/certificates');
    assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['Bearer tok-2'], 'the rejected token left the cache');
  });

  it('does nothing before the vault is known', async () => {
    const a = client(challenge);
    const b = client(challenge);
    await Promise.all([send(a, vault, 'GET', '/secrets'), send(b, vault, 'GET', '/keys')]);
    assert.equal(vault.seen.filter((s) => !s.auth).length, 2, 'both clients were challenged');
  });

  describe('presumed before any challenge (a vault listed by ARM: its tenant and its cloud\'s scope are known)', () => {
    const presumed = { scopes: [SCOPE], tenantId: TENANT };

    it("the vault's very first GET goes out authorised: one request, no 401 round trip", async () => {
      challenge = new VaultChallenge(credential, () => presumed);
      assert.equal((await send(client(challenge), vault, 'GET', '/secrets')).status, 200);
      assert.deepEqual(vault.take().map((s) => `${s.path} ${s.auth ?? 'none'}`), ['/secrets Bearer tok-1']);
      assert.deepEqual(credential.calls.map((c) => [c.scopes, c.options?.tenantId]), [[[SCOPE], TENANT]]);
      const keys = client(challenge);
      await send(keys, vault, 'GET', '/keys');
      assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['Bearer tok-1'], 'the token is reused');
    });

    it('a first request with a body is not presumed: it takes the challenge, and the body arrives intact', async () => {
      challenge = new VaultChallenge(credential, () => presumed);
      assert.equal((await send(client(challenge), vault, 'PUT', '/secrets/x', '{"value":"v"}')).status, 200);
      assert.deepEqual(vault.take().map((s) => `${s.auth ?? 'none'} ${s.body ?? ''}`), ['none ', 'Bearer tok-1 {"value":"v"}']);
    });

    it('a presumption the vault refuses (401) gives way to the SDK challenge, and is not used again', async () => {
      let asked = 0;
      challenge = new VaultChallenge(credential, () => (asked++, { scopes: [SCOPE], tenantId: 'wrong-tenant' }));
      vault.rejected.add('tok-1');
      assert.equal((await send(client(challenge), vault, 'GET', '/secrets')).status, 200);
      assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['Bearer tok-1', 'Bearer tok-2']);
      assert.equal(credential.calls[1]?.options?.tenantId, TENANT, 'the challenge named the real tenant');
      const before = asked;
      await send(client(challenge), vault, 'GET', '/keys');
      assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['Bearer tok-2'], 'a later client uses what the challenge taught');
      assert.equal(asked, before, 'the presumption is not asked again');
    });

    it('a presumption the credential (or the token guard) refuses is dropped: the request takes the challenge', async () => {
      const refusing: TokenCredential = {
        getToken: (scopes, options) => (options?.tenantId === 'refused' ? Promise.reject(new Error('refused')) : credential.getToken(scopes, options)),
      };
      challenge = new VaultChallenge(refusing, () => ({ scopes: [SCOPE], tenantId: 'refused' }));
      assert.equal((await send(client(challenge), vault, 'GET', '/secrets')).status, 200);
      assert.deepEqual(vault.take().map((s) => s.auth ?? 'none'), ['none', 'Bearer tok-1']);
    });
  });
});
