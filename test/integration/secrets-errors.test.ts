// Every error the secrets data plane answers, as the official SecretClient (or a raw HTTPS call, where the SDK
// would hide the detail) sees it. AZURE-FACTS.md "Errors (data plane)" and "Objects".
import * as assert from 'node:assert/strict';
import { SecretClient } from '@azure/keyvault-secrets';
import { appCredential, controlApi, emulatorInfo, errorBody, rawRequest, secretClient, uniqueName, vaultInfo } from './emulator';

interface Expected {
  status: number;
  code: string;
  inner?: string;
  message?: RegExp;
}

/** Asserts a rejection with the given status and error body (code, innererror). */
async function rejectsWith(promise: Promise<unknown>, expected: Expected): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    const e = err as { statusCode?: number };
    assert.equal(e.statusCode, expected.status);
    const body = errorBody(err);
    assert.equal(body.error?.code, expected.code);
    assert.equal(body.error?.innererror?.code, expected.inner);
    if (expected.message) assert.match(body.error?.message ?? '', expected.message);
    return true;
  });
}

describe('secrets data plane errors', () => {
  const main = secretClient('kv-test-main');
  const mainUrl = vaultInfo('kv-test-main').url;
  const contoso = vaultInfo('kv-test-main').tenantId;

  it('404 SecretNotFound for a missing secret and a missing version', async () => {
    await rejectsWith(main.getSecret(uniqueName('missing')), { status: 404, code: 'SecretNotFound', message: /was not found in this key vault/ });
    await rejectsWith(main.getSecret('Plain-Secret', { version: 'ffffffffffffffffffffffffffffffff' }), { status: 404, code: 'SecretNotFound' });
  });

  it('403 Forbidden / SecretDisabled for a disabled secret', async () => {
    await rejectsWith(main.getSecret('disabled-secret'), {
      status: 403,
      code: 'Forbidden',
      inner: 'SecretDisabled',
      message: /^Operation get is not allowed on a disabled secret\.$/,
    });
  });

  it('409 Conflict / ObjectIsDeletedButRecoverable when setting a soft-deleted name', async () => {
    await rejectsWith(main.setSecret('soft-deleted-secret', 'again'), { status: 409, code: 'Conflict', inner: 'ObjectIsDeletedButRecoverable' });
  });

  it('while a delete is in progress: set is 409 ObjectIsBeingDeleted, getDeleted is 404 "Deleted Secret not found"', async () => {
    const slow = secretClient('kv-test-slow');
    const name = uniqueName('slow');
    await slow.setSecret(name, 'x');
    await slow.beginDeleteSecret(name); // one poll: the DELETE, then a getDeleted that is still 404
    await rejectsWith(slow.getDeletedSecret(name), { status: 404, code: 'SecretNotFound', message: /^Deleted Secret not found$/ });
    await rejectsWith(slow.setSecret(name, 'y'), { status: 409, code: 'Conflict', inner: 'ObjectIsBeingDeleted' });
  });

  it('403 on purge before the scheduled purge date with purge protection on', async () => {
    await rejectsWith(secretClient('kv-test-protected').purgeDeletedSecret('protected-deleted'), { status: 403, code: 'Forbidden', message: /purge protection/ });
  });

  it('400 BadParameter for an unsupported api-version, with the latest supported one named', async () => {
    // Every version the SDK can name is accepted (test/integration/emulator-apiversions.test.ts); this one is not.
    const unknown = new SecretClient(mainUrl, appCredential(), { disableChallengeResourceVerification: true, serviceVersion: '2099-01-01' as '7.6' });
    await rejectsWith(unknown.getSecret('Plain-Secret'), {
      status: 400,
      code: 'BadParameter',
      message: /^The specified version \(2099-01-01\) is not recognized\. Consider using the latest supported version \(2026-04-01\)\.$/,
    });
    for (const version of ['7.3', '7.4', '7.5', '7.6', '2025-07-01'] as const) {
      const c = new SecretClient(mainUrl, appCredential(), { disableChallengeResourceVerification: true, serviceVersion: version });
      assert.equal((await c.getSecret('Plain-Secret')).value, 'plain value', version);
    }
  });

  it('400 for invalid names, oversized values, content types and tags', async () => {
    await rejectsWith(main.setSecret('bad_name', 'x'), { status: 400, code: 'BadParameter', message: /invalid name: bad_name/ });
    await rejectsWith(main.setSecret('a'.repeat(128), 'x'), { status: 400, code: 'BadParameter' });
    const name = uniqueName('limits');
    assert.equal((await main.setSecret(name, 'x'.repeat(25 * 1024))).value?.length, 25 * 1024);
    await rejectsWith(main.setSecret(name, 'x'.repeat(25 * 1024 + 1)), { status: 400, code: 'BadParameter' });
    await rejectsWith(main.setSecret(name, 'x', { contentType: 'c'.repeat(256) }), { status: 400, code: 'BadParameter' });
    const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
    await rejectsWith(main.setSecret(name, 'x', { tags }), { status: 400, code: 'BadParameter' });
    await rejectsWith(main.setSecret(name, 'x', { tags: { ['k'.repeat(513)]: 'v' } }), { status: 400, code: 'BadParameter' });
    await rejectsWith(main.setSecret(name, 'x', { tags: { k: 'v'.repeat(257) } }), { status: 400, code: 'BadParameter' });
  });

  describe('401 Unauthorized', () => {
    const url = `${mainUrl}/secrets/Plain-Secret?api-version=2025-07-01`;
    const challenge = `Bearer authorization="${emulatorInfo().login}/${contoso}", resource="${emulatorInfo().audiences.vault}"`;

    it('without a token: the challenge and AKV10000', async () => {
      const res = await rawRequest(url);
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], challenge);
      assert.deepEqual(res.json, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer, PoP, or MTLS_POP token.' } });
    });

    it('with an ARM token (wrong audience), an expired token, a forged signature', async () => {
      const arm = (await appCredential().getToken(emulatorInfo().scopes.arm)).token;
      const expired = await controlApi.token({ tenantId: contoso, audience: 'vault', lifetimeSec: -60 });
      const good = (await appCredential().getToken(emulatorInfo().scopes.vault)).token;
      const [h, p] = good.split('.');
      const forged = `${h}.${p}.${Buffer.from('not a signature').toString('base64url')}`;
      for (const [token, message] of [[arm, /^AKV10022: Invalid audience/], [expired, /expired/], [forged, /signature/]] as const) {
        const res = await rawRequest(url, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 401);
        assert.equal(res.headers['www-authenticate'], challenge);
        assert.equal(res.json.error.code, 'Unauthorized');
        assert.match(res.json.error.message as string, message);
      }
    });

    it('with a token of another tenant: the challenge names the vault tenant, which the SDK then follows', async () => {
      const fabrikam = emulatorInfo().tenants[1]!.id;
      const foreign = await controlApi.token({ tenantId: fabrikam, audience: 'vault' });
      const res = await rawRequest(url, { headers: { authorization: `Bearer ${foreign}` } });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], challenge);
      assert.match(res.json.error.message as string, /^AKV10032: Invalid issuer/);
      // A multi-tenant app whose credential starts in Fabrikam follows the challenge to Contoso and succeeds.
      const crossTenant = appCredential('test-app', { additionallyAllowedTenants: ['*'] }, fabrikam);
      assert.equal((await secretClient('kv-test-main', crossTenant).getSecret('Plain-Secret')).value, 'plain value');
      // Without that permission the SDK refuses to switch tenants.
      await assert.rejects(secretClient('kv-test-main', appCredential('test-app', {}, fabrikam)).getSecret('Plain-Secret'));
    });
  });

  describe('403 denial', () => {
    const noAccess = () => secretClient('kv-test-main', appCredential('test-app-no-access'));

    it('ForbiddenByRbac for a caller the seed denies', async () => {
      await rejectsWith(noAccess().getSecret('Plain-Secret'), { status: 403, code: 'Forbidden', inner: 'ForbiddenByRbac', message: /Caller is not authorized to perform action on resource/ });
    });

    it('ForbiddenByPolicy and ForbiddenByFirewall switched at run time, then lifted', async () => {
      const objectId = emulatorInfo().apps.find((a) => a.clientId === 'aaaaaaaa-0000-4000-8000-000000000001')!.objectId;
      const c = secretClient('kv-test-main');
      try {
        await controlApi.deny({ vault: 'kv-test-main', objectId, reason: 'policy' });
        await rejectsWith(c.getSecret('Plain-Secret'), { status: 403, code: 'Forbidden', inner: 'ForbiddenByPolicy', message: /does not have secrets get permission on key vault 'kv-test-main;location=westeurope'/ });
        await controlApi.deny({ vault: 'kv-test-main', objectId, reason: 'firewall' });
        await rejectsWith(c.getSecret('Plain-Secret'), { status: 403, code: 'Forbidden', inner: 'ForbiddenByFirewall', message: /^Client address is not authorized and caller is not a trusted service\./ });
      } finally {
        await controlApi.lift('kv-test-main', objectId);
      }
      assert.equal((await c.getSecret('Plain-Secret')).value, 'plain value');
      await rejectsWith(noAccess().getSecret('Plain-Secret'), { status: 403, code: 'Forbidden', inner: 'ForbiddenByRbac' });
    });
  });
});
