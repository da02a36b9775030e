// Backup and restore of secrets, keys and certificates through the official SDK clients (emulator/README.md,
// "Backups"): backup → delete → purge → restore gives every version back as it was; a blob restores into another
// vault of the same subscription and Azure geography, and is refused ("Cannot decrypt backup blob.") by a vault of
// another subscription or geography; a restore over a live name is 409, over a soft-deleted one 409 with the
// service's "deleted but recoverable" message; a Managed HSM key comes back into its HSM after a purge.
// The test seeds its own vaults through the control API (subscriptions and the HSM of emulator/seeds/test.json).
import * as assert from 'node:assert/strict';
import { createPrivateKey, randomBytes } from 'node:crypto';
import type { CertificateClient, CertificatePolicy } from '@azure/keyvault-certificates';
import { CryptographyClient, type KeyClient } from '@azure/keyvault-keys';
import type { SecretClient } from '@azure/keyvault-secrets';
import * as forge from 'node-forge';
import { appCredential, certificateClient, controlApi, errorBody, keyClient, liveVaultUrl, secretClient, uniqueName } from './emulator';
import { hsmCryptoClient, hsmKeyClient } from './managedHsm';

const FAST = { intervalInMs: 50 };
const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const SUB_TWO = '51515151-0000-4000-8000-000000000002';
const HSM = 'hsm-test-main'; // subscription SUB_ONE, westeurope (emulator/seeds/test.json)
const run = Math.random().toString(36).slice(2, 7);

/** The source vault, and where its blobs may (same subscription, Europe) or may not go. */
const VAULTS = {
  source: { name: `bk-src-${run}`, subscription: SUB_ONE, location: 'westeurope' },
  sameGeography: { name: `bk-neu-${run}`, subscription: SUB_ONE, location: 'northeurope' },
  otherGeography: { name: `bk-eus-${run}`, subscription: SUB_ONE, location: 'eastus' },
  otherSubscription: { name: `bk-sub-${run}`, subscription: SUB_TWO, location: 'westeurope' },
} as const;
type VaultKey = keyof typeof VAULTS;

interface Clients {
  secrets: SecretClient;
  keys: KeyClient;
  certificates: CertificateClient;
}

const statusOf = (e: unknown): number | undefined => (e as { statusCode?: number }).statusCode;

/** The refusal of a blob from another subscription or geography. */
function cannotDecrypt(e: unknown): boolean {
  const body = errorBody(e).error;
  return statusOf(e) === 400 && body?.code === 'BadParameter' && body.message === 'Cannot decrypt backup blob.';
}

const conflict = (e: unknown): boolean => statusOf(e) === 409 && errorBody(e).error?.code === 'Conflict';

/** 409 for a name that is soft-deleted, in the service's words. */
function deletedButRecoverable(kind: 'Secret' | 'Key' | 'Certificate', name: string) {
  return (e: unknown): boolean => {
    const body = errorBody(e).error;
    return (
      conflict(e) &&
      body?.innererror?.code === 'ObjectIsDeletedButRecoverable' &&
      body.message ===
        `${kind} ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, ` +
          `the ${kind.toLowerCase()} can only be recovered or purged.`
    );
  };
}

const iso = (d: Date | undefined): string | undefined => d?.toISOString();
const byVersion = <T extends { version: string }>(rows: T[]): T[] => rows.sort((a, b) => a.version.localeCompare(b.version));

/** Everything a restore must give back of a secret: each version's properties and (when enabled) value. */
async function secretState(c: SecretClient, name: string): Promise<unknown[]> {
  const rows = [];
  for await (const p of c.listPropertiesOfSecretVersions(name)) {
    rows.push({
      version: p.version!, enabled: p.enabled, contentType: p.contentType, tags: p.tags, notBefore: iso(p.notBefore),
      expiresOn: iso(p.expiresOn), createdOn: iso(p.createdOn), updatedOn: iso(p.updatedOn),
      value: p.enabled ? (await c.getSecret(name, { version: p.version! })).value : undefined,
    });
  }
  return byVersion(rows);
}

/** Each version of a key: public material, operations, attributes and tags. */
async function keyState(c: KeyClient, name: string): Promise<unknown[]> {
  const rows = [];
  for await (const p of c.listPropertiesOfKeyVersions(name)) {
    const k = await c.getKey(name, { version: p.version! });
    rows.push({
      version: p.version!, kty: k.keyType, keyOps: [...(k.keyOperations ?? [])].sort(), n: k.key?.n && Buffer.from(k.key.n).toString('base64'),
      e: k.key?.e && Buffer.from(k.key.e).toString('base64'), crv: k.key?.crv, enabled: p.enabled, tags: p.tags,
      notBefore: iso(p.notBefore), expiresOn: iso(p.expiresOn), createdOn: iso(p.createdOn), updatedOn: iso(p.updatedOn),
    });
  }
  return byVersion(rows);
}

/** Each version's DER certificate and attributes, the policy, and the current secret (the PFX). */
async function certificateState(c: CertificateClient, secrets: SecretClient, name: string): Promise<unknown> {
  const versions = [];
  for await (const p of c.listPropertiesOfCertificateVersions(name)) {
    const v = await c.getCertificateVersion(name, p.version!);
    versions.push({
      version: p.version!, cer: Buffer.from(v.cer!).toString('base64'), enabled: p.enabled, tags: p.tags,
      notBefore: iso(p.notBefore), expiresOn: iso(p.expiresOn), createdOn: iso(p.createdOn), updatedOn: iso(p.updatedOn),
    });
  }
  const policy = await c.getCertificatePolicy(name);
  const secret = await secrets.getSecret(name);
  return { versions: byVersion(versions), policy, secretVersion: secret.properties.version, privateKey: privateKeyOfPfx(secret.value!) };
}

/** The private key inside a PFX (read with node-forge), as PKCS#8 DER in base64: PFX bytes differ per rendering (salts). */
function privateKeyOfPfx(pfxBase64: string): string {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pfxBase64, 'base64').toString('binary')), '');
  const oid = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const key = p12.getBags({ bagType: oid })[oid]?.[0]?.key;
  assert.ok(key, 'the PFX holds a private key');
  return createPrivateKey(forge.pki.privateKeyToPem(key)).export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** One kind of object, as the cross-vault cases need it. */
interface Kind {
  readonly label: 'Secret' | 'Key' | 'Certificate';
  create(c: Clients, name: string): Promise<void>;
  backup(c: Clients, name: string): Promise<Uint8Array>;
  restore(c: Clients, blob: Uint8Array): Promise<string>;
  softDelete(c: Clients, name: string): Promise<void>;
}

const policy: CertificatePolicy = {
  issuerName: 'Self',
  subject: 'CN=backup.contoso.com, O=Contoso',
  subjectAlternativeNames: { dnsNames: ['backup.contoso.com'] },
  validityInMonths: 12,
  keyType: 'RSA',
  keySize: 2048,
  contentType: 'application/x-pkcs12',
  exportable: true,
};

const KINDS: readonly Kind[] = [
  {
    label: 'Secret',
    create: async (c, name) => void (await c.secrets.setSecret(name, 'backed-up value', { contentType: 'text/plain' })),
    backup: async (c, name) => (await c.secrets.backupSecret(name))!,
    restore: async (c, blob) => (await c.secrets.restoreSecretBackup(blob)).name,
    softDelete: async (c, name) => void (await (await c.secrets.beginDeleteSecret(name, FAST)).pollUntilDone()),
  },
  {
    label: 'Key',
    create: async (c, name) => void (await c.keys.createEcKey(name, { curve: 'P-256' })),
    backup: async (c, name) => (await c.keys.backupKey(name))!,
    restore: async (c, blob) => (await c.keys.restoreKeyBackup(blob)).name,
    softDelete: async (c, name) => void (await (await c.keys.beginDeleteKey(name, FAST)).pollUntilDone()),
  },
  {
    label: 'Certificate',
    create: async (c, name) => void (await (await c.certificates.beginCreateCertificate(name, policy, FAST)).pollUntilDone()),
    backup: async (c, name) => (await c.certificates.backupCertificate(name))!,
    restore: async (c, blob) => (await c.certificates.restoreCertificateBackup(blob)).name,
    softDelete: async (c, name) => void (await (await c.certificates.beginDeleteCertificate(name, FAST)).pollUntilDone()),
  },
];

describe('backup and restore of secrets, keys and certificates (official SDK clients)', () => {
  const clients = {} as Record<VaultKey, Clients>;

  before(async () => {
    const timings = { deleteDelayMs: 0, certificateDelayMs: 0 };
    await controlApi.seed({ vaults: Object.values(VAULTS).map((v) => ({ ...v, resourceGroup: 'rg-backups', timings })) });
    for (const [key, v] of Object.entries(VAULTS) as [VaultKey, (typeof VAULTS)[VaultKey]][]) {
      const url = await liveVaultUrl(v.name);
      clients[key] = { secrets: secretClient(url), keys: keyClient(url), certificates: certificateClient(url) };
    }
  });

  it('a secret: backup → delete → purge → restore gives back every version, content type, tags, dates and values', async () => {
    const c = clients.source.secrets;
    const name = uniqueName('sec');
    const first = await c.setSecret(name, 'first value', { contentType: 'text/plain', tags: { env: 'dev' } });
    await c.setSecret(name, '{"user":"app","password":"second"}', {
      contentType: 'application/json', tags: { env: 'prod', owner: 'ops' },
      notBefore: new Date('2026-01-01T00:00:00Z'), expiresOn: new Date('2030-06-30T12:00:00Z'),
    });
    const third = await c.setSecret(name, 'third value');
    await c.updateSecretProperties(name, first.properties.version!, { enabled: false });
    const before = await secretState(c, name);
    const blob = await c.backupSecret(name);
    await (await c.beginDeleteSecret(name, FAST)).pollUntilDone();
    await c.purgeDeletedSecret(name);
    const restored = await c.restoreSecretBackup(blob!);
    assert.equal(restored.name, name);
    assert.equal(restored.version, third.properties.version);
    assert.deepEqual(await secretState(c, name), before);
    assert.equal(before.length, 3);
  });

  it('a key: backup → delete → purge → restore gives back every version and the same key material', async () => {
    const c = clients.source.keys;
    const name = uniqueName('key');
    const first = await c.createRsaKey(name, { keySize: 2048, tags: { env: 'dev' }, expiresOn: new Date('2031-01-01T00:00:00Z') });
    const second = await c.createRsaKey(name, { keySize: 2048, keyOps: ['encrypt', 'decrypt'], tags: { env: 'prod' } });
    await c.updateKeyProperties(name, first.properties.version!, { enabled: false });
    const plaintext = randomBytes(32);
    const crypto = new CryptographyClient(second.id!, appCredential(), { disableChallengeResourceVerification: true });
    const sealed = await crypto.encrypt({ algorithm: 'RSA-OAEP', plaintext });
    const before = await keyState(c, name);
    const blob = await c.backupKey(name);
    await (await c.beginDeleteKey(name, FAST)).pollUntilDone();
    await c.purgeDeletedKey(name);
    const restored = await c.restoreKeyBackup(blob!);
    assert.equal(restored.id, second.id);
    assert.deepEqual(await keyState(c, name), before);
    assert.equal(before.length, 2);
    // The private half came back too: the restored key decrypts what the original encrypted.
    const opened = await crypto.decrypt({ algorithm: 'RSA-OAEP', ciphertext: sealed.result });
    assert.deepEqual(Buffer.from(opened.result), plaintext);
  });

  it('a certificate: backup → delete → purge → restore gives back every version (DER), the policy and the PFX', async () => {
    const c = clients.source.certificates;
    const secrets = clients.source.secrets;
    const name = uniqueName('cert');
    await (await c.beginCreateCertificate(name, policy, { ...FAST, tags: { env: 'prod' } })).pollUntilDone();
    await (await c.beginCreateCertificate(name, policy, FAST)).pollUntilDone();
    const before = await certificateState(c, secrets, name);
    const blob = await c.backupCertificate(name);
    await (await c.beginDeleteCertificate(name, FAST)).pollUntilDone();
    await c.purgeDeletedCertificate(name);
    await assert.rejects(secrets.getSecret(name), (e: unknown) => statusOf(e) === 404, 'the purge took the secret too');
    const restored = await c.restoreCertificateBackup(blob!);
    assert.equal(restored.name, name);
    assert.deepEqual(await certificateState(c, secrets, name), before);
    assert.equal((before as { versions: unknown[] }).versions.length, 2);
    assert.equal((await clients.source.keys.getKey(name)).name, name, 'the certificate key is back');
  });

  for (const kind of KINDS) {
    describe(`${kind.label.toLowerCase()} blobs between vaults`, () => {
      let name: string;
      let blob: Uint8Array;

      before(async () => {
        name = uniqueName(`x${kind.label.toLowerCase()}`);
        await kind.create(clients.source, name);
        blob = await kind.backup(clients.source, name);
      });

      it('are refused by a vault of another subscription (same geography)', async () => {
        await assert.rejects(kind.restore(clients.otherSubscription, blob), cannotDecrypt);
      });

      it('are refused by a vault of another geography (same subscription)', async () => {
        await assert.rejects(kind.restore(clients.otherGeography, blob), cannotDecrypt);
      });

      it('restore into another vault of the same subscription and geography', async () => {
        assert.equal(await kind.restore(clients.sameGeography, blob), name);
      });

      it('are refused over a name in use (409 Conflict)', async () => {
        await assert.rejects(kind.restore(clients.source, blob), conflict);
      });

      it('are refused over a soft-deleted name (409, deleted but recoverable)', async () => {
        await kind.softDelete(clients.source, name);
        await assert.rejects(kind.restore(clients.source, blob), deletedButRecoverable(kind.label, name));
      });

      it('are refused when corrupt, as before (400 invalid or corrupt)', async () => {
        const cut = blob.subarray(0, blob.length - 40);
        await assert.rejects(kind.restore(clients.sameGeography, cut), (e: unknown) => statusOf(e) === 400 && /invalid or corrupt/.test(errorBody(e).error?.message ?? ''));
      });
    });
  }

  it('a Managed HSM key: backup → delete → purge → restore into the same HSM gives back the key', async () => {
    const c = hsmKeyClient(HSM);
    const name = uniqueName('hsmkey');
    const key = await c.createOctKey(name, { hsm: true, keySize: 256, tags: { env: 'prod' } });
    const plaintext = randomBytes(24);
    const sealed = await hsmCryptoClient(key.id!).encrypt({ algorithm: 'A256GCM', plaintext });
    const before = await keyState(c, name);
    const blob = await c.backupKey(name);
    await (await c.beginDeleteKey(name, FAST)).pollUntilDone();
    await c.purgeDeletedKey(name);
    const restored = await c.restoreKeyBackup(blob!);
    assert.equal(restored.id, key.id);
    assert.equal(restored.keyType, 'oct-HSM');
    assert.deepEqual(await keyState(c, name), before);
    const opened = await hsmCryptoClient(key.id!).decrypt({
      algorithm: 'A256GCM', ciphertext: sealed.result, iv: sealed.iv!, authenticationTag: sealed.authenticationTag!,
    });
    assert.deepEqual(Buffer.from(opened.result), plaintext);
    // An HSM key never goes into a vault, even one of the HSM's subscription and geography.
    await assert.rejects(clients.source.keys.restoreKeyBackup(blob!), (e: unknown) => statusOf(e) === 400);
  });
});
