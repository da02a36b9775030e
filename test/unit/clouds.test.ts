import * as assert from 'node:assert/strict';
import { azureCloud, chinaCloud, resolveCloud, usGovernmentCloud, type CloudSettings } from '../../src/auth/clouds';

const base: CloudSettings = { cloud: undefined, customCloud: undefined, sovereignEnvironment: undefined, sovereignCustomEnvironment: undefined };

describe('resolveCloud', () => {
  it('defaults to the public cloud with the microsoft provider', () => {
    assert.deepEqual(resolveCloud(base), { ok: true, cloud: azureCloud });
    assert.equal(azureCloud.authProviderId, 'microsoft');
  });

  it("follows VS Code's microsoft-sovereign-cloud.environment when set to auto", () => {
    assert.deepEqual(resolveCloud({ ...base, cloud: 'auto', sovereignEnvironment: 'ChinaCloud' }), { ok: true, cloud: chinaCloud });
    assert.deepEqual(resolveCloud({ ...base, sovereignEnvironment: 'USGovernment' }), { ok: true, cloud: usGovernmentCloud });
    assert.equal(chinaCloud.authProviderId, 'microsoft-sovereign-cloud');
    assert.equal(chinaCloud.keyVaultDnsSuffix, 'vault.azure.cn');
  });

  it('reads a sovereign custom environment (ARM endpoint, audience, vault suffix)', () => {
    const result = resolveCloud({
      ...base,
      sovereignEnvironment: 'custom',
      sovereignCustomEnvironment: { name: 'Stack', resourceManagerEndpointUrl: 'https://management.local.azurestack.external/', activeDirectoryResourceId: 'https://management.adfs.azurestack.local/abc/', keyVaultDnsSuffix: '.vault.local.azurestack.external' },
    });
    assert.ok(result.ok);
    assert.deepEqual(
      { ...result.cloud },
      {
        name: 'Stack',
        authProviderId: 'microsoft-sovereign-cloud',
        resourceManagerEndpoint: 'https://management.local.azurestack.external',
        resourceManagerScope: 'https://management.adfs.azurestack.local/abc/.default',
        keyVaultDnsSuffix: 'vault.local.azurestack.external',
        portalUrl: 'https://portal.azure.com',
      },
    );
  });

  it('reads azureKeyVault.customCloud (an emulator signed in through the microsoft provider)', () => {
    const result = resolveCloud({
      ...base,
      cloud: 'custom',
      customCloud: { authProvider: 'microsoft', resourceManagerEndpoint: 'https://127.0.0.1:4100', resourceManagerScope: 'https://management.kv-emulator.localhost/.default', keyVaultDnsSuffix: 'vault.kv-emulator.localhost' },
    });
    assert.ok(result.ok);
    assert.equal(result.cloud.authProviderId, 'microsoft');
    assert.equal(result.cloud.resourceManagerScope, 'https://management.kv-emulator.localhost/.default');
  });

  it('says which setting is wrong instead of guessing', () => {
    const cases: [CloudSettings, RegExp][] = [
      [{ ...base, cloud: 'Mars' }, /azureKeyVault\.cloud "Mars"/],
      [{ ...base, cloud: 'custom' }, /resourceManagerEndpoint is not set/],
      [{ ...base, cloud: 'custom', customCloud: { resourceManagerEndpoint: 'http://x' } }, /must be an https/],
      [{ ...base, cloud: 'custom', customCloud: { resourceManagerEndpoint: 'https://x' } }, /keyVaultDnsSuffix is not set/],
      [{ ...base, sovereignEnvironment: 'Moon' }, /microsoft-sovereign-cloud\.environment "Moon"/],
      [{ ...base, sovereignEnvironment: 'custom' }, /microsoft-sovereign-cloud\.customEnvironment: resourceManagerEndpoint/],
    ];
    for (const [settings, reason] of cases) {
      const result = resolveCloud(settings);
      assert.ok(!result.ok);
      assert.match(result.reason, reason);
    }
  });
});
