// Issue 20: a launch configuration's environment sources and the configuration handed to the adapter with resolved
// values (src/commands/run/debugEnv.ts, pure): env overrides envFile, envFile dropped once read, cppdbg's
// `environment` list, the original configuration untouched.
import * as assert from 'node:assert/strict';
import { debugEnvSources, withResolvedEnv, type DebugConfigLike } from '../../src/commands/run/debugEnv';

describe('issue 20: debug configurations with Key Vault references', () => {
  it('reads env (strings only), envFile as a string or a list, per adapter field', () => {
    assert.deepEqual(debugEnvSources({ type: 'node', envFile: '/w/.env.keyvault', env: { A: 'kv://v/a', B: null, C: 3, D: 'x' } }), {
      field: 'env',
      envFiles: ['/w/.env.keyvault'],
      inline: [{ name: 'A', value: 'kv://v/a' }, { name: 'D', value: 'x' }],
    });
    assert.deepEqual(debugEnvSources({ type: 'go', envFile: ['/w/a.env', '', 7, '/w/b.env'] }).envFiles, ['/w/a.env', '/w/b.env']);
    assert.deepEqual(debugEnvSources({ type: 'cppdbg', environment: [{ name: 'A', value: 'kv://v/a' }, { name: 'B' }, 'junk'], env: { IGNORED: 'kv://v/x' } }), {
      field: 'environment',
      envFiles: [],
      inline: [{ name: 'A', value: 'kv://v/a' }],
    });
    assert.deepEqual(debugEnvSources({ type: 'python' }), { field: 'env', envFiles: [], inline: [] });
  });

  it('puts the files\' values under env, the configuration\'s own (resolved) on top, and drops envFile', () => {
    const config: DebugConfigLike = { type: 'node', name: 'App', program: 'app.js', envFile: ['/w/.env.keyvault'], env: { TOKEN: 'kv://v/token', SHARED: 'from-env', GONE: null } };
    const before = structuredClone(config);
    const next = withResolvedEnv(config, debugEnvSources(config), new Map([['DB', 'db-value'], ['SHARED', 'from-file']]), new Map([['TOKEN', 'token-value']]));
    assert.deepEqual(next, { type: 'node', name: 'App', program: 'app.js', env: { DB: 'db-value', SHARED: 'from-env', TOKEN: 'token-value', GONE: null } });
    assert.deepEqual(config, before, 'the given configuration is not changed');
  });

  it('keeps envFile when the files were not read (only env held references)', () => {
    const config: DebugConfigLike = { type: 'pwa-node', env: { TOKEN: 'kv://v/token' } };
    assert.deepEqual(withResolvedEnv(config, debugEnvSources(config), undefined, new Map([['TOKEN', 't']])), { type: 'pwa-node', env: { TOKEN: 't' } });
  });

  it('C/C++: environment items, the configuration\'s own winning over the files\'', () => {
    const config: DebugConfigLike = { type: 'cppvsdbg', envFile: 'C:\\w\\.env.keyvault', environment: [{ name: 'TOKEN', value: '@Microsoft.KeyVault(VaultName=v;SecretName=t)' }, { name: 'PLAIN', value: 'p' }] };
    const next = withResolvedEnv(config, debugEnvSources(config), new Map([['DB', 'd'], ['PLAIN', 'from-file']]), new Map([['TOKEN', 't']]));
    assert.deepEqual(next, { type: 'cppvsdbg', environment: [{ name: 'DB', value: 'd' }, { name: 'TOKEN', value: 't' }, { name: 'PLAIN', value: 'p' }] });
  });
});
