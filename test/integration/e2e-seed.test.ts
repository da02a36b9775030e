// The seed of the extension's end-to-end tests (emulator/seeds/e2e.json) in a second emulator process: the names the
// e2e tests assert, 60 secrets in three pages, the denied vaults, and a Fabrikam vault reached with a Fabrikam token.
import * as assert from 'node:assert/strict';
import { CertificateClient } from '@azure/keyvault-certificates';
import { KeyClient } from '@azure/keyvault-keys';
import { SecretClient } from '@azure/keyvault-secrets';
import { errorBody, startSeededEmulator, userCredentialOf, type EmulatorInfo, type SeededEmulator } from './emulator';

describe('the e2e seed', () => {
  let emulator: SeededEmulator | undefined;
  let info: EmulatorInfo;

  before(async () => {
    emulator = await startSeededEmulator('emulator/seeds/e2e.json');
    info = emulator.info;
  });

  after(async () => {
    await emulator?.stop();
  });

  const options = { disableChallengeResourceVerification: true };
  const secrets = (vault: string): SecretClient => new SecretClient(info.vaults[vault]!, userCredentialOf(info), options);
  const rejectsWith = (inner: string) => (e: unknown) => errorBody(e).error?.innererror?.code === inner;

  it('has the documented tenants, subscriptions, vaults, user and app', () => {
    assert.deepEqual(info.tenants.map((t) => t.displayName), ['Contoso', 'Fabrikam']);
    assert.deepEqual(info.subscriptions.map((s) => s.displayName), ['Contoso Prod', 'Contoso Dev', 'Fabrikam Shared']);
    assert.deepEqual(Object.keys(info.vaults).sort(), ['kv-e2e-denied', 'kv-e2e-dev', 'kv-e2e-fabrikam', 'kv-e2e-firewall', 'kv-e2e-main', 'kv-e2e-paging']);
    assert.equal(info.user?.username, 'e2e@contoso.onmicrosoft.com');
    assert.equal(info.users[0]?.tenants.length, 2);
    assert.equal(info.client?.tenantId, info.tenants[0]?.id);
  });

  it('serves kv-e2e-main: secrets with versions and states, keys, a certificate and deleted objects', async () => {
    const client = secrets('kv-e2e-main');
    const listed: string[] = [];
    for await (const p of client.listPropertiesOfSecrets()) if (!p.managed) listed.push(p.name);
    assert.deepEqual(listed.sort(), ['api-key', 'db-password', 'disabled-secret', 'expired-secret', 'expiring-secret', 'future-secret']);
    const versions: string[] = [];
    for await (const v of client.listPropertiesOfSecretVersions('db-password')) versions.push(v.version!);
    assert.equal(versions.length, 3);
    assert.equal((await client.getSecret('db-password')).properties.contentType, 'text/plain');
    await assert.rejects(client.getSecret('disabled-secret'), rejectsWith('SecretDisabled'));
    const deleted: string[] = [];
    for await (const d of client.listDeletedSecrets()) deleted.push(d.name);
    assert.deepEqual(deleted, ['old-secret']);
    const keys = new KeyClient(info.vaults['kv-e2e-main']!, userCredentialOf(info), options);
    const keyNames: string[] = [];
    for await (const k of keys.listPropertiesOfKeys()) keyNames.push(`${k.name}${k.managed ? ' (managed)' : ''}`);
    assert.deepEqual(keyNames.sort(), ['ec-key', 'rsa-key', 'web-cert (managed)']);
    const deletedKeys: string[] = [];
    for await (const k of keys.listDeletedKeys()) deletedKeys.push(k.name);
    assert.deepEqual(deletedKeys, ['old-key']);
    const certs = new CertificateClient(info.vaults['kv-e2e-main']!, userCredentialOf(info), options);
    assert.equal((await certs.getCertificate('web-cert')).policy?.validityInMonths, 12);
  });

  it('lists the 60 secrets of kv-e2e-paging in three pages', async () => {
    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of secrets('kv-e2e-paging').listPropertiesOfSecrets().byPage()) {
      pages.push(page.length);
      listed.push(...page.map((p) => p.name));
    }
    assert.deepEqual(pages, [25, 25, 10]);
    assert.deepEqual(listed, Array.from({ length: 60 }, (_, i) => `secret-${String(i + 1).padStart(2, '0')}`));
  });

  it('denies the e2e user on kv-e2e-denied (rbac) and kv-e2e-firewall (firewall)', async () => {
    await assert.rejects(secrets('kv-e2e-denied').getSecret('denied-secret-1'), rejectsWith('ForbiddenByRbac'));
    await assert.rejects(secrets('kv-e2e-firewall').getSecret('firewalled-secret'), rejectsWith('ForbiddenByFirewall'));
  });

  it('reaches kv-e2e-fabrikam with a Fabrikam-tenant token (the challenge names the vault tenant)', async () => {
    const fabrikam = info.tenants[1]!.id;
    const client = new SecretClient(info.vaults['kv-e2e-fabrikam']!, userCredentialOf(info, fabrikam), options);
    assert.equal((await client.getSecret('fabrikam-secret-1')).value, 'from fabrikam 1');
    const viaChallenge = secrets('kv-e2e-fabrikam');
    assert.equal((await viaChallenge.getSecret('fabrikam-secret-2')).value, 'from fabrikam 2');
  });
});
