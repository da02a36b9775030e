import * as assert from 'node:assert/strict';
import { isManagedHsmUrl, parseVaultUrl } from '../../src/azure/vaultUrl';

function ok(input: string) {
  const r = parseVaultUrl(input);
  assert.ok(r.ok, `${input}: ${r.ok ? '' : r.reason}`);
  return r.vault;
}
function reason(input: string): string {
  const r = parseVaultUrl(input);
  assert.ok(!r.ok, `${input} should be refused`);
  return r.reason;
}

describe('parseVaultUrl', () => {
  it('normalises public-cloud URLs, with or without scheme, path or trailing slash', () => {
    for (const input of ['https://Contoso.vault.azure.net/', 'contoso.vault.azure.net', ' https://contoso.vault.azure.net/secrets/x/1 ']) {
      assert.deepEqual(ok(input), { url: 'https://contoso.vault.azure.net', name: 'contoso', host: 'contoso.vault.azure.net' });
    }
  });

  it('knows sovereign-cloud suffixes (the host decides, nothing hard-codes vault.azure.net)', () => {
    assert.equal(ok('https://kv1.vault.azure.cn').name, 'kv1');
    assert.equal(ok('https://kv-gov.vault.usgovcloudapi.net').url, 'https://kv-gov.vault.usgovcloudapi.net');
  });

  it('accepts emulator and custom-cloud hosts, keeping the port', () => {
    assert.deepEqual(ok('https://127.0.0.1:8443/'), { url: 'https://127.0.0.1:8443', name: '127.0.0.1:8443', host: '127.0.0.1' });
  });

  it('refuses bad input with a message that says what is wrong', () => {
    assert.match(reason(''), /Enter the vault URL/);
    assert.match(reason('http://contoso.vault.azure.net'), /https/);
    assert.match(reason('https://user:pw@contoso.vault.azure.net'), /credentials/);
    assert.match(reason('https://a--b.vault.azure.net'), /not a valid vault name/);
    assert.match(reason('https://ab.vault.azure.net'), /3–24/);
    assert.match(reason('https://x.y.vault.azure.net'), /not a valid vault name/);
    assert.match(reason('https://'), /not a URL/);
  });
});

describe('isManagedHsmUrl', () => {
  it("tells a Managed HSM's URL (every built-in cloud) from a vault's", () => {
    for (const url of ['https://pool.managedhsm.azure.net', 'https://pool.managedhsm.azure.cn/', 'https://POOL.managedhsm.usgovcloudapi.net/keys/k']) assert.equal(isManagedHsmUrl(url), true, url);
    for (const url of ['https://kv.vault.azure.net', 'https://managedhsm.vault.azure.net', 'https://127.0.0.1:4000', 'not a url']) assert.equal(isManagedHsmUrl(url), false, url);
    assert.equal(parseVaultUrl('pool.managedhsm.azure.cn').ok, true, 'attachable by URL');
  });
});
