// Certificate store handlers without HTTP: seeds, lists and paging, versions, update, policy, soft delete with its
// timings, recover, purge, backup/restore, issuers/contacts and the error answers.
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { CertificateStore } from '../../emulator/certificates';
import { FakeKeys, FakeSecrets, invoke, testVault, type TestVault } from '../../emulator/certificates/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are free-form JSON
type Json = Record<string, any>;

interface Setup {
  vault: TestVault;
  store: CertificateStore;
  keys: FakeKeys;
  secrets: FakeSecrets;
}

function setup(overrides: Parameters<typeof testVault>[0] = {}): Setup {
  const vault = testVault(overrides);
  const keys = new FakeKeys();
  const secrets = new FakeSecrets();
  return { vault, store: new CertificateStore(vault, { keys, secrets }), keys, secrets };
}

const ec = (name: string, extra: Json = {}): Json => ({ name, keyType: 'EC', ...extra });

async function listAll(s: Setup, first: string): Promise<{ pages: number; items: Json[] }> {
  let next: string | null = first;
  let pages = 0;
  const items: Json[] = [];
  while (next) {
    const res = await invoke(s.store, 'GET', next.startsWith('http') ? next.slice(s.vault.url.length) : next);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = res.body as Json;
    items.push(...(body.value as Json[]));
    next = body.nextLink as string | null;
    pages++;
  }
  return { pages, items };
}

describe('emulator certificates: seeds and lists', () => {
  it('seeds expired, nearly expired, multi-version and deleted certificates with their keys and secrets', async () => {
    const s = setup();
    await s.store.seed([
      ec('expired', { notBefore: '-400d', expires: '-35d', subject: 'CN=old.contoso.com', sans: ['old.contoso.com'] }),
      ec('soon', { notBefore: '-300d', expires: '+20d', tags: { team: 'web' }, contentType: 'pem' }),
      ec('multi', { versions: 3 }),
      ec('gone', { deleted: true }),
      { name: 'rsa-default', enabled: false },
    ]);
    const expired = (await invoke(s.store, 'GET', '/certificates/expired/')).body as Json;
    const now = Math.floor(s.vault.clock.now() / 1000);
    assert.ok(expired.attributes.exp < now - 34 * 86400);
    const parsed = new X509Certificate(Buffer.from(expired.cer, 'base64'));
    assert.equal(Math.floor(Date.parse(parsed.validTo) / 1000), expired.attributes.exp);
    assert.equal(parsed.subjectAltName, 'DNS:old.contoso.com');
    const soon = (await invoke(s.store, 'GET', '/certificates/soon/')).body as Json;
    assert.ok(soon.attributes.exp > now + 19 * 86400 && soon.attributes.exp <= now + 20 * 86400);
    assert.equal(soon.contentType, 'application/x-pem-file');
    assert.deepEqual(soon.tags, { team: 'web' });
    const versions = (await invoke(s.store, 'GET', '/certificates/multi/versions')).body as Json;
    assert.equal(versions.value.length, 3);
    assert.equal((await invoke(s.store, 'GET', '/certificates/gone/')).status, 404);
    assert.equal((await invoke(s.store, 'GET', '/deletedcertificates/gone')).status, 200);
    const rsa = (await invoke(s.store, 'GET', '/certificates/rsa-default/')).body as Json;
    assert.equal(rsa.attributes.enabled, false);
    assert.equal(rsa.policy.key_props.key_size, 2048);
    assert.equal(s.secrets.objects.size, 5);
    assert.equal(s.secrets.objects.get('gone')?.state, 'deleted');
    assert.equal(s.keys.objects.get('multi')?.versions.size, 3);
  });

  it('rejects a bad seed with a message naming the item', async () => {
    const s = setup();
    await assert.rejects(s.store.seed([{ name: 'ok', keyType: 'EC' }, { name: 'bad', keyType: 'oct' }]), /certificate seed #1/);
  });

  it('pages with maxresults and $skiptoken, the last page has nextLink null; includePending shows pending ones', async () => {
    const s = setup();
    await s.store.seed(['a', 'B', 'c', 'd', 'e'].map((n) => ec(n)));
    await invoke(s.store, 'POST', '/certificates/pending1/create', {
      policy: { key_props: { kty: 'EC' }, x509_props: { subject: 'CN=p' }, issuer: { name: 'Unknown' } },
    });
    const paged = await listAll(s, '/certificates?maxresults=2');
    assert.equal(paged.pages, 3);
    assert.deepEqual(
      paged.items.map((i) => (i.id as string).split('/').pop()),
      ['a', 'B', 'c', 'd', 'e'],
    );
    assert.ok(paged.items.every((i) => typeof i.x5t === 'string' && i.attributes.recoveryLevel));
    const withPending = await listAll(s, '/certificates?maxresults=4&includePending=true');
    assert.equal(withPending.items.length, 6);
    assert.equal(withPending.pages, 2);
    assert.equal((await invoke(s.store, 'GET', '/certificates?maxresults=0')).status, 400);
    assert.equal((await invoke(s.store, 'GET', '/certificates?maxresults=26')).status, 400);
    assert.equal((await invoke(s.store, 'GET', '/certificates?$skiptoken=garbage')).status, 400);
    const empty = (await invoke(s.store, 'GET', '/certificates/nothing/versions')).body as Json;
    assert.deepEqual(empty, { value: [], nextLink: null });
  });
});

describe('emulator certificates: update, policy, delete, recover, purge, backup', () => {
  it('updates tags and enabled of a version (mirrored to key and secret) and merges policy patches', async () => {
    const s = setup();
    await s.store.seed([ec('upd', { versions: 2 })]);
    const versions = ((await invoke(s.store, 'GET', '/certificates/upd/versions')).body as Json).value as Json[];
    const older = (versions[1]!.id as string).split('/').pop()!;
    const res = await invoke(s.store, 'PATCH', `/certificates/upd/${older}`, { attributes: { enabled: false }, tags: { a: 'b' } });
    assert.equal(res.status, 200);
    assert.equal((res.body as Json).attributes.enabled, false);
    assert.deepEqual((res.body as Json).tags, { a: 'b' });
    assert.equal(s.secrets.get('upd', older)?.attributes.enabled, false);
    assert.equal(s.keys.get('upd', older)?.attributes.enabled, false);
    const latest = (await invoke(s.store, 'GET', '/certificates/upd/')).body as Json;
    assert.equal(latest.attributes.enabled, true);

    const policy = await invoke(s.store, 'PATCH', '/certificates/upd/policy', {
      x509_props: { validity_months: 3 },
      lifetime_actions: [{ trigger: { days_before_expiry: 10 }, action: { action_type: 'EmailContacts' } }],
    });
    assert.equal(policy.status, 200);
    const p = policy.body as Json;
    assert.equal(p.id, `${s.vault.url}/certificates/upd/policy`);
    assert.equal(p.x509_props.validity_months, 3);
    assert.equal(p.x509_props.subject, 'CN=upd');
    assert.deepEqual(p.lifetime_actions, [{ trigger: { days_before_expiry: 10 }, action: { action_type: 'EmailContacts' } }]);
    assert.deepEqual(((await invoke(s.store, 'GET', '/certificates/upd/policy')).body as Json).x509_props.validity_months, 3);
    const bad = await invoke(s.store, 'PATCH', '/certificates/upd/policy', { key_props: { kty: 'RSA', key_size: 1024 } });
    assert.equal(bad.status, 400);
    assert.equal((await invoke(s.store, 'GET', '/certificates/upd/0123456789abcdef0123456789abcdef')).status, 404);
  });

  it('soft-deletes with the key and secret; shows the deleted certificate only after the delete delay', async () => {
    const s = setup();
    await s.store.seed([ec('del')]);
    const res = await invoke(s.store, 'DELETE', '/certificates/del');
    assert.equal(res.status, 200);
    const d = res.body as Json;
    assert.equal(d.recoveryId, `${s.vault.url}/deletedcertificates/del`);
    assert.equal(d.scheduledPurgeDate - d.deletedDate, 7 * 86400);
    assert.ok(d.policy && d.cer);
    assert.deepEqual(s.keys.calls.slice(-1), ['delete del']);
    assert.deepEqual(s.secrets.calls.slice(-1), ['delete del']);
    assert.equal((await invoke(s.store, 'GET', '/certificates/del/')).status, 404);
    assert.equal((await invoke(s.store, 'GET', '/deletedcertificates/del')).status, 404);
    const during = await invoke(s.store, 'POST', '/certificates/del/create', { policy: { x509_props: { subject: 'CN=x' }, issuer: { name: 'Self' } } });
    assert.equal(during.status, 409);
    assert.equal((during.body as Json).error.innererror.code, 'ObjectIsBeingDeleted');
    assert.equal(((await invoke(s.store, 'GET', '/deletedcertificates')).body as Json).value.length, 0);

    s.vault.clock.advance(2000);
    assert.equal((await invoke(s.store, 'GET', '/deletedcertificates/DEL')).status, 200);
    const list = ((await invoke(s.store, 'GET', '/deletedcertificates')).body as Json).value as Json[];
    assert.deepEqual(list.map((i) => i.recoveryId), [`${s.vault.url}/deletedcertificates/del`]);
    const after = await invoke(s.store, 'POST', '/certificates/del/import', { value: 'x' });
    assert.equal((after.body as Json).error.innererror.code, 'ObjectIsDeletedButRecoverable');

    const rec = await invoke(s.store, 'POST', '/deletedcertificates/del/recover');
    assert.equal(rec.status, 200);
    assert.ok((rec.body as Json).policy);
    assert.deepEqual(s.keys.calls.slice(-1), ['recover del']);
    assert.equal((await invoke(s.store, 'GET', '/certificates/del/')).status, 404);
    s.vault.clock.advance(2000);
    assert.equal((await invoke(s.store, 'GET', '/certificates/del/')).status, 200);
  });

  it('purges (204), refuses purge with purge protection, removes at once without soft delete', async () => {
    const s = setup();
    await s.store.seed([ec('p1', { deleted: true })]);
    assert.equal((await invoke(s.store, 'DELETE', '/deletedcertificates/p1')).status, 204);
    assert.deepEqual(s.secrets.calls.slice(-1), ['purge p1']);
    assert.equal((await invoke(s.store, 'DELETE', '/deletedcertificates/p1')).status, 404);
    assert.equal((await invoke(s.store, 'POST', '/certificates/p1/create', { policy: { x509_props: { subject: 'CN=p1' }, issuer: { name: 'Self' } } })).status, 202);

    const protectedVault = setup({ purgeProtectionEnabled: true });
    await protectedVault.store.seed([ec('p2', { deleted: true })]);
    const refused = await invoke(protectedVault.store, 'DELETE', '/deletedcertificates/p2');
    assert.equal(refused.status, 403);
    assert.equal((await invoke(protectedVault.store, 'GET', '/deletedcertificates/p2')).status, 200);
    const item = ((await invoke(protectedVault.store, 'GET', '/deletedcertificates')).body as Json).value[0] as Json;
    assert.equal(item.attributes.recoveryLevel, 'CustomizedRecoverable');

    const plain = setup({ softDeleteEnabled: false });
    await plain.store.seed([ec('p3')]);
    const del = await invoke(plain.store, 'DELETE', '/certificates/p3');
    assert.equal(del.status, 200);
    assert.equal((del.body as Json).recoveryId, undefined);
    assert.equal((del.body as Json).attributes.recoveryLevel, 'Purgeable');
    plain.vault.clock.advance(5000);
    assert.equal((await invoke(plain.store, 'GET', '/deletedcertificates/p3')).status, 404);
    assert.equal((await invoke(plain.store, 'GET', '/certificates/p3/')).status, 404);
  });

  it('backs up and restores all versions with the key and secret; refuses a restore over an existing name', async () => {
    const s = setup();
    await s.store.seed([ec('bk', { versions: 2 })]);
    const before = (await invoke(s.store, 'GET', '/certificates/bk/')).body as Json;
    const backup = (await invoke(s.store, 'POST', '/certificates/bk/backup')).body as Json;
    assert.match(backup.value, /^[A-Za-z0-9_-]+$/);
    assert.equal((await invoke(s.store, 'POST', '/certificates/restore', backup)).status, 409);
    await invoke(s.store, 'DELETE', '/certificates/bk');
    s.vault.clock.advance(2000);
    await invoke(s.store, 'DELETE', '/deletedcertificates/bk');
    const restored = await invoke(s.store, 'POST', '/certificates/restore', backup);
    assert.equal(restored.status, 200);
    assert.equal((restored.body as Json).id, before.id);
    assert.equal((restored.body as Json).cer, before.cer);
    assert.equal(s.secrets.objects.get('bk')?.versions.size, 2);
    assert.equal((await invoke(s.store, 'POST', '/certificates/restore', { value: 'bm9wZQ' })).status, 400);
  });

  it('answers 400 for bad names and bodies, 404 CertificateNotFound for unknown certificates', async () => {
    const s = setup();
    const badName = await invoke(s.store, 'GET', '/certificates/bad_name/');
    assert.equal(badName.status, 400);
    assert.equal((badName.body as Json).error.code, 'BadParameter');
    const missing = await invoke(s.store, 'GET', '/certificates/missing/');
    assert.equal(missing.status, 404);
    assert.equal((missing.body as Json).error.code, 'CertificateNotFound');
    assert.equal((await invoke(s.store, 'GET', '/certificates/missing/policy')).status, 404);
    assert.equal((await invoke(s.store, 'POST', '/certificates/nopolicy/create', {})).status, 400);
    const badKey = { policy: { key_props: { kty: 'oct' }, x509_props: { subject: 'CN=a' } } };
    assert.equal((await invoke(s.store, 'POST', '/certificates/k/create', badKey)).status, 400);
    const noSubject = { policy: { x509_props: {}, issuer: { name: 'Self' } } };
    assert.equal((await invoke(s.store, 'POST', '/certificates/k/create', noSubject)).status, 400);
    const badSubject = { policy: { x509_props: { subject: 'XX=1' }, issuer: { name: 'Self' } } };
    assert.equal((await invoke(s.store, 'POST', '/certificates/k/create', badSubject)).status, 400);
    const deletedMissing = await invoke(s.store, 'GET', '/deletedcertificates/missing');
    assert.equal((deletedMissing.body as Json).error.message, 'Deleted Certificate not found: missing');
  });

  it('keeps issuers and contacts', async () => {
    const s = setup();
    assert.equal(((await invoke(s.store, 'GET', '/certificates/contacts')).body as Json).error.code, 'ContactsNotFound');
    const set = await invoke(s.store, 'PUT', '/certificates/contacts', { contacts: [{ email: 'a@contoso.com', name: 'A' }] });
    assert.deepEqual((set.body as Json).contacts, [{ email: 'a@contoso.com', name: 'A' }]);
    assert.equal((await invoke(s.store, 'DELETE', '/certificates/contacts')).status, 200);
    assert.equal((await invoke(s.store, 'GET', '/certificates/contacts')).status, 404);
    assert.deepEqual((await invoke(s.store, 'GET', '/certificates/issuers')).body, { value: [], nextLink: null });
    await invoke(s.store, 'PUT', '/certificates/issuers/ca', { provider: 'Test', credentials: { account_id: 'me', pwd: 'hidden' } });
    const issuer = (await invoke(s.store, 'GET', '/certificates/issuers/ca')).body as Json;
    assert.deepEqual(issuer.credentials, { account_id: 'me' });
    assert.equal(((await invoke(s.store, 'PATCH', '/certificates/issuers/ca', { provider: 'Other' })).body as Json).provider, 'Other');
    assert.equal((await invoke(s.store, 'DELETE', '/certificates/issuers/ca')).status, 200);
    assert.equal((await invoke(s.store, 'GET', '/certificates/issuers/ca')).status, 404);
  });
});
