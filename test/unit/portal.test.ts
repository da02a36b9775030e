import * as assert from 'node:assert/strict';
import { objectPortalUrl, portalForVault, vaultPortalUrl } from '../../src/azure/portal';

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
});
