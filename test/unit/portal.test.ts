import * as assert from 'node:assert/strict';
import { objectPortalUrl, portalForVault, portalLink, vaultPortalUrl } from '../../src/azure/portal';

const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';

describe('portal links', () => {
  it('opens a public-cloud vault in portal.azure.com, in its tenant', () => {
    const portal = portalForVault('https://kv1.vault.azure.net', 'https://portal.azure.com');
    assert.equal(vaultPortalUrl(portal, id, 'tid-1'), `https://portal.azure.com/#@tid-1/resource${id}/overview`);
  });

  it('opens a China-cloud vault in portal.azure.cn whatever the configured cloud', () => {
    const portal = portalForVault('https://kv1.vault.azure.cn/', 'https://portal.azure.com');
    assert.equal(vaultPortalUrl(portal, id), `https://portal.azure.cn/#@/resource${id}/overview`);
  });

  it('uses the US Government portal for usgovcloudapi vaults, and the configured one for other hosts', () => {
    assert.equal(portalForVault('https://kv1.vault.usgovcloudapi.net', 'x'), 'https://portal.azure.us');
    assert.equal(portalForVault('https://127.0.0.1:4443', 'https://portal.example/'), 'https://portal.example');
  });

  it('links objects by identifier', () => {
    assert.equal(
      objectPortalUrl('https://portal.azure.com', 'secret', 'https://kv1.vault.azure.net/secrets/db/abc', 'tid'),
      'https://portal.azure.com/#@tid/asset/Microsoft_Azure_KeyVault/Secret/https://kv1.vault.azure.net/secrets/db/abc',
    );
  });

  describe('portalLink (Open in Portal)', () => {
    const info = { id, tenantId: '6f2b4a18-5d3c-4e7a-9b1f-2c8d0e4a7b31' };
    it('links a vault row to its resource blade in its tenant, in the portal of its own cloud', () => {
      assert.deepEqual(portalLink({ vaultUrl: 'https://kv1.vault.azure.cn/', info }, undefined, 'https://portal.azure.com'), {
        url: `https://portal.azure.cn/#@${info.tenantId}/resource${id}/overview`,
      });
    });
    it('links a listed secret version by its identifier', () => {
      const object = { kind: 'secret' as const, id: 'https://kv1.vault.azure.net/secrets/api-key/0123456789abcdef0123456789abcdef' };
      assert.deepEqual(portalLink({ vaultUrl: 'https://kv1.vault.azure.net', info }, object, 'https://portal.azure.com'), {
        url: `https://portal.azure.com/#@${info.tenantId}/asset/Microsoft_Azure_KeyVault/Secret/${object.id}`,
      });
    });
    it('has no link for a local (loopback) vault, whatever the row', () => {
      for (const vaultUrl of ['https://127.0.0.1:4443', 'https://localhost:8443/', 'https://[::1]:9000']) {
        assert.deepEqual(portalLink({ vaultUrl, info }, undefined, 'https://portal.azure.com'), { problem: 'local' });
        assert.deepEqual(portalLink({ vaultUrl, info }, { kind: 'key', id: `${vaultUrl}/keys/k` }, 'https://portal.azure.com'), { problem: 'local' });
      }
    });
    it('has no vault link for a vault attached by URL (no resource id), but links its objects', () => {
      assert.deepEqual(portalLink({ vaultUrl: 'https://kv1.vault.azure.net' }, undefined, 'https://portal.azure.com'), { problem: 'attached' });
      assert.ok('url' in portalLink({ vaultUrl: 'https://kv1.vault.azure.net' }, { kind: 'certificate', id: 'https://kv1.vault.azure.net/certificates/c' }, 'https://portal.azure.com'));
    });
  });
});
