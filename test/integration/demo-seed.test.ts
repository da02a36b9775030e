// The demo seed (emulator/seeds/demo.json) in a second emulator process: it starts, the demo user signs in with the
// password grant and sees tenants, subscriptions, vaults, secrets, keys and certificates; one vault denies the demo
// user. Start-up time is measured by scripts/bench-emulator.mjs, never asserted here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { CertificateClient } from '@azure/keyvault-certificates';
import { KeyClient } from '@azure/keyvault-keys';
import { SecretClient } from '@azure/keyvault-secrets';
import { armRequest, errorBody, startSeededEmulator, userCredentialOf, type EmulatorInfo, type SeededEmulator } from './emulator';

const DAY_MS = 86_400_000;

interface DemoSeed {
  users: { username: string; password: string; homeTenant: string }[];
  apps: { clientId: string; clientSecret: string; tenantId: string }[];
  subscriptions: { id: string; displayName: string; tenantId: string }[];
}

async function names<T>(items: AsyncIterable<T>, name: (item: T) => string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of items) out.push(name(item));
  return out;
}

describe('the demo seed', () => {
  const seedFile = path.join('emulator', 'seeds', 'demo.json');
  const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', seedFile), 'utf8')) as DemoSeed;
  const user = seed.users[0]!;
  let emulator: SeededEmulator | undefined;
  let demo: EmulatorInfo;

  before(async () => {
    emulator = await startSeededEmulator(seedFile);
    demo = emulator.info;
  });

  after(async () => {
    await emulator?.stop();
  });

  const options = { disableChallengeResourceVerification: true };
  const url = (name: string): string => {
    const u = demo.vaults[name];
    if (!u) throw new Error(`no live vault ${name}`);
    return u;
  };

  it('prints the ready line: vault name → URL for live vaults, details, the first app and user', () => {
    assert.equal(demo.tenants.length, 2);
    assert.equal(demo.subscriptions.length, 3);
    assert.equal(Object.keys(demo.vaults).length, 6);
    assert.match(url('contoso-prod-kv'), /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(demo.vaults['contoso-old-kv'], undefined);
    assert.equal(demo.vaultDetails.find((v) => v.name === 'contoso-old-kv')?.deleted, true);
    const app = seed.apps[0]!;
    assert.deepEqual(demo.client, { tenantId: app.tenantId, clientId: app.clientId, clientSecret: app.clientSecret });
    assert.deepEqual(demo.user, { username: user.username, password: user.password });
  });

  it('lists tenants, subscriptions and vaults to the demo user', async () => {
    const credential = userCredentialOf(demo);
    const tenants = await armRequest(`${demo.arm}/tenants?api-version=2022-12-01`, credential);
    assert.equal((tenants.body as { value: unknown[] }).value.length, 2);
    const subs = await armRequest(`${demo.arm}/subscriptions?api-version=2022-12-01`, credential);
    const home = seed.subscriptions.filter((s) => s.tenantId === user.homeTenant).map((s) => s.displayName).sort();
    assert.deepEqual((subs.body as { value: { displayName: string }[] }).value.map((s) => s.displayName).sort(), home);
    const arm = new KeyVaultManagementClient(credential, seed.subscriptions[0]!.id, { endpoint: demo.arm, credentials: { scopes: [demo.scopes.arm] } });
    const vaults = await names(arm.vaults.listBySubscription(), (v) => v.name!);
    assert.ok(vaults.includes('contoso-prod-kv') && vaults.includes('contoso-restricted-kv'));
  });

  it('lists secrets of a vault, and one vault refuses the demo user (ForbiddenByRbac)', async () => {
    const client = new SecretClient(url('contoso-prod-kv'), userCredentialOf(demo), options);
    const secrets = await names(client.listPropertiesOfSecrets(), (p) => p.name);
    assert.ok(secrets.includes('db-connection-string') && secrets.includes('tls-cert-password'));
    assert.ok((await names(client.listDeletedSecrets(), (d) => d.name)).includes('old-api-key'));
    const restricted = new SecretClient(url('contoso-restricted-kv'), userCredentialOf(demo), options);
    await assert.rejects(restricted.getSecret('break-glass-password'), (e: unknown) => errorBody(e).error?.innererror?.code === 'ForbiddenByRbac');
  });

  it('has RSA 2048/3072 and EC keys, a rotation policy, versions, a disabled and a deleted key', async () => {
    const keys = new KeyClient(url('contoso-prod-kv'), userCredentialOf(demo), options);
    const listed = await names(keys.listPropertiesOfKeys(), (k) => `${k.name}${k.managed ? ' (managed)' : ''}`);
    assert.deepEqual(listed.filter((n) => !n.endsWith('(managed)')).sort(), ['app-signing-key', 'data-encryption-key', 'jwt-signing-ec', 'legacy-wrap-key', 'webhook-signing-key']);
    assert.ok(listed.includes('api-contoso-com (managed)'));
    const modulusBits = async (name: string): Promise<number> => ((await keys.getKey(name)).key?.n?.length ?? 0) * 8;
    assert.equal(await modulusBits('app-signing-key'), 2048);
    assert.equal(await modulusBits('data-encryption-key'), 3072);
    const policy = await keys.getKeyRotationPolicy('data-encryption-key');
    assert.equal(policy.expiresIn, 'P1Y');
    assert.deepEqual(
      policy.lifetimeActions?.map((a) => [a.action, a.timeAfterCreate ?? a.timeBeforeExpiry]),
      [['Rotate', 'P90D'], ['Notify', 'P30D']],
    );
    const ec = await keys.getKey('jwt-signing-ec');
    assert.equal(ec.key?.crv, 'P-256');
    assert.equal((await names(keys.listPropertiesOfKeyVersions('jwt-signing-ec'), (v) => v.version!)).length, 4);
    assert.equal((await keys.getKey('legacy-wrap-key')).properties.enabled, false);
    assert.ok((await names(keys.listDeletedKeys(), (d) => d.name)).includes('retired-signing-key'));
  });

  it('has a self-signed, an expiring, an expired, a PEM and a deleted certificate', async () => {
    const certs = new CertificateClient(url('contoso-prod-kv'), userCredentialOf(demo), options);
    const api = await certs.getCertificate('api-contoso-com');
    assert.equal(api.policy?.subject, 'CN=api.contoso.com, O=Contoso Ltd, C=US');
    assert.ok(api.policy?.subjectAlternativeNames?.dnsNames?.includes('api.contoso.com'));
    assert.equal(api.policy?.validityInMonths, 12);
    const now = Date.now();
    const expiring = (await certs.getCertificate('payments-tls')).properties.expiresOn!.getTime();
    assert.ok(expiring > now + 9 * DAY_MS && expiring < now + 11 * DAY_MS);
    assert.ok((await certs.getCertificate('legacy-portal-tls')).properties.expiresOn!.getTime() < now);
    assert.equal((await certs.getCertificate('internal-ca-pem')).policy?.contentType, 'application/x-pem-file');
    assert.ok((await names(certs.listDeletedCertificates(), (d) => d.name)).includes('old-web-cert'));
  });
});
