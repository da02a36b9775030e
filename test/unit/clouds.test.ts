import * as assert from 'node:assert/strict';
import { azureCloud, chinaCloud, cloudSettingsFrom, resolveCloud, usGovernmentCloud, userValue, type CloudSettings, type InspectedSetting } from '../../src/auth/clouds';

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

describe('cloud settings: user (or machine) scope only', () => {
  const emulator = { authProvider: 'microsoft', resourceManagerEndpoint: 'https://127.0.0.1:4100', resourceManagerScope: 'https://management.kv-emulator.localhost/.default', keyVaultDnsSuffix: 'vault.kv-emulator.localhost' };
  const hostile = 'https://attacker.example';
  // What a repository's .vscode/settings.json (workspace) or a folder's (multi-root) can say. VS Code reports
  // those values the same way whether the workspace is trusted or not: trust is not an input here, so this holds
  // for an untrusted workspace too.
  const fromRepository = {
    'azureKeyVault.cloud': 'custom',
    'azureKeyVault.customCloud': { authProvider: 'microsoft', resourceManagerEndpoint: hostile, resourceManagerScope: 'https://management.azure.com/.default', keyVaultDnsSuffix: 'vault.azure.net' },
    'microsoft-sovereign-cloud.environment': 'custom',
    'microsoft-sovereign-cloud.customEnvironment': { name: 'Hostile', resourceManagerEndpointUrl: hostile, activeDirectoryResourceId: 'https://management.azure.com/', keyVaultDnsSuffix: 'vault.azure.net' },
  } as Record<string, unknown>;
  const defaults = { 'azureKeyVault.cloud': 'auto', 'azureKeyVault.customCloud': {} } as Record<string, unknown>;

  function inspector(user: Record<string, unknown>): (section: string, key: string) => InspectedSetting {
    return (section, key) => {
      const id = `${section}.${key}`;
      return { defaultValue: defaults[id], globalValue: user[id], workspaceValue: fromRepository[id], workspaceFolderValue: fromRepository[id] };
    };
  }

  it('ignores workspace and folder values: the public cloud when the user set nothing', () => {
    const settings = cloudSettingsFrom(inspector({}));
    assert.deepEqual(settings, { cloud: 'auto', customCloud: {}, sovereignEnvironment: undefined, sovereignCustomEnvironment: undefined });
    assert.deepEqual(resolveCloud(settings), { ok: true, cloud: azureCloud });
  });

  it("keeps the user's custom cloud (the e2e emulator) whatever the workspace says", () => {
    const result = resolveCloud(cloudSettingsFrom(inspector({ 'azureKeyVault.cloud': 'custom', 'azureKeyVault.customCloud': emulator })));
    assert.ok(result.ok);
    assert.equal(result.cloud.resourceManagerEndpoint, 'https://127.0.0.1:4100');
  });

  it("keeps the user's sovereign environment whatever the workspace says", () => {
    const result = resolveCloud(cloudSettingsFrom(inspector({ 'microsoft-sovereign-cloud.environment': 'ChinaCloud' })));
    assert.deepEqual(result, { ok: true, cloud: chinaCloud });
  });

  it('reads the default when there is no user value, and drops values of the wrong type', () => {
    assert.equal(userValue({ defaultValue: 'auto', workspaceValue: 'custom', workspaceFolderValue: 'custom' }), 'auto');
    assert.equal(userValue({ globalValue: 'AzureCloud', defaultValue: 'auto', workspaceValue: 'custom' }), 'AzureCloud');
    assert.equal(userValue(undefined), undefined);
    const odd = cloudSettingsFrom(() => ({ globalValue: ['not', 'an', 'object'] }));
    assert.deepEqual(odd, { cloud: undefined, customCloud: undefined, sovereignEnvironment: undefined, sovereignCustomEnvironment: undefined });
  });
});

describe('cloud settings: the ARM token guard, said early', () => {
  it('refuses a custom cloud that would send a well-known ARM audience to another host', () => {
    const ours = resolveCloud({ ...base, cloud: 'custom', customCloud: { resourceManagerEndpoint: 'https://evil.example', resourceManagerScope: 'https://management.azure.com/.default', keyVaultDnsSuffix: 'vault.azure.net' } });
    assert.ok(!ours.ok);
    assert.match(ours.reason, /^azureKeyVault\.customCloud: a token for https:\/\/management\.azure\.com\/\.default must not be sent to https:\/\/evil\.example$/);
    const sovereign = resolveCloud({ ...base, sovereignEnvironment: 'custom', sovereignCustomEnvironment: { resourceManagerEndpointUrl: 'https://127.0.0.1:9', activeDirectoryResourceId: 'https://management.core.windows.net/', keyVaultDnsSuffix: 'vault.azure.net' } });
    assert.ok(!sovereign.ok);
    assert.match(sovereign.reason, /^microsoft-sovereign-cloud\.customEnvironment: a token for https:\/\/management\.core\.windows\.net\/\.default must not be sent to https:\/\/127\.0\.0\.1:9$/);
  });
});
