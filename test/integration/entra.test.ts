// The emulator's Entra ID, through @azure/identity unmodified (authorityHost + disableInstanceDiscovery).
import * as assert from 'node:assert/strict';
import { ClientSecretCredential, UsernamePasswordCredential } from '@azure/identity';
import { appCredential, emulatorInfo, rawRequest, seededApp, seededUser, userCredentialOf } from './emulator';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('emulator Entra ID', () => {
  const info = emulatorInfo();
  const contoso = info.tenants[0]!.id;
  const fabrikam = info.tenants[1]!.id;

  it('publishes OpenID discovery and a JWKS', async () => {
    const res = await rawRequest(`${info.login}/${contoso}/v2.0/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    for (const field of ['issuer', 'token_endpoint', 'authorization_endpoint', 'jwks_uri']) {
      assert.equal(typeof res.json[field], 'string', field);
    }
    assert.equal(res.json.issuer, `${info.login}/${contoso}/v2.0`);
    const jwks = await rawRequest(res.json.jwks_uri as string);
    assert.equal(jwks.json.keys[0].kty, 'RSA');
    const unknown = await rawRequest(`${info.login}/not-a-tenant/v2.0/.well-known/openid-configuration`);
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.error_description as string, /AADSTS90002/);
  });

  it('issues a JWT for the vault scope to a ClientSecretCredential', async () => {
    const token = await appCredential().getToken(info.scopes.vault);
    assert.ok(token.expiresOnTimestamp > Date.now());
    const parts = token.token.split('.');
    assert.equal(parts.length, 3);
    const claims = claimsOf(token.token);
    assert.equal(claims.tid, contoso);
    assert.equal(claims.aud, info.audiences.vault);
    assert.equal(claims.iss, `${info.login}/${contoso}/v2.0`);
    assert.equal(claims.oid, info.apps.find((a) => a.clientId === seededApp('test-app').clientId)?.objectId);
    assert.ok(typeof claims.exp === 'number' && typeof claims.iat === 'number' && typeof claims.nbf === 'number');
    assert.ok(Array.isArray(claims.roles));
  });

  it('issues ARM tokens for the scope with and without a trailing slash', async () => {
    const cred = appCredential();
    for (const scope of [info.scopes.arm, `${info.audiences.arm.replace(/\/$/, '')}/.default`]) {
      const claims = claimsOf((await cred.getToken(scope)).token);
      assert.equal(String(claims.aud).replace(/\/$/, ''), info.audiences.arm.replace(/\/$/, ''));
    }
  });

  it('refuses real Azure audiences, wrong secrets and unknown apps', async () => {
    await assert.rejects(appCredential().getToken('https://vault.azure.net/.default'), /AADSTS500011/);
    const app = seededApp('test-app');
    const wrong = new ClientSecretCredential(app.tenantId, app.clientId, 'not-the-secret', { authorityHost: info.login, disableInstanceDiscovery: true });
    await assert.rejects(wrong.getToken(info.scopes.vault), /AADSTS7000215/);
    const stranger = new ClientSecretCredential(fabrikam, seededApp('test-app-no-access').clientId, 'test-app-secret-2', {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    await assert.rejects(stranger.getToken(info.scopes.vault), /AADSTS700016/);
  });

  it('signs a user in with the password grant, in the home and a guest tenant', async () => {
    const alice = seededUser('alice@contosotest.onmicrosoft.com');
    const home = new UsernamePasswordCredential(contoso, 'kv-explorer-tests', alice.username, alice.password, {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    const token = await home.getToken(info.scopes.arm);
    const claims = claimsOf(token.token);
    assert.equal(claims.scp, 'user_impersonation');
    assert.equal(claims.upn, alice.username);
    const guest = new UsernamePasswordCredential(fabrikam, 'kv-explorer-tests', alice.username, alice.password, {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    assert.equal(claimsOf((await guest.getToken(info.scopes.vault)).token).tid, fabrikam);
    const bad = new UsernamePasswordCredential(contoso, 'kv-explorer-tests', alice.username, 'wrong', {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    await assert.rejects(bad.getToken(info.scopes.arm), /AADSTS50126/);
  });

  it('refuses a user in a tenant they do not belong to', async () => {
    const bob = seededUser('bob@contosotest.onmicrosoft.com');
    const cred = new UsernamePasswordCredential(fabrikam, 'kv-explorer-tests', bob.username, bob.password, {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    await assert.rejects(cred.getToken(info.scopes.arm), /AADSTS50020/);
  });

  it("signs in with the ready line's client (first seeded app) and user (first seeded user)", async () => {
    const app = seededApp('test-app');
    assert.deepEqual(info.client, { tenantId: app.tenantId, clientId: app.clientId, clientSecret: app.clientSecret });
    const client = new ClientSecretCredential(info.client.tenantId, info.client.clientId, info.client.clientSecret, {
      authorityHost: info.login,
      disableInstanceDiscovery: true,
    });
    assert.equal(claimsOf((await client.getToken(info.scopes.vault)).token).appid, app.clientId);
    const alice = seededUser('alice@contosotest.onmicrosoft.com');
    assert.deepEqual(info.user, { username: alice.username, password: alice.password });
    assert.equal(claimsOf((await userCredentialOf(info).getToken(info.scopes.arm)).token).upn, info.user.username);
  });

  it('honours token lifetime from the token endpoint (expires_in)', async () => {
    const app = seededApp('test-app');
    const res = await rawRequest(`${info.login}/${app.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: info.scopes.vault }).toString(),
    });
    assert.equal(res.status, 200);
    assert.equal(res.json.token_type, 'Bearer');
    assert.equal(res.json.expires_in, 3600);
  });
});
