import * as assert from 'node:assert/strict';
import { readJson } from './repoRoot';

// dist/bundle-inputs.json is written by scripts/build.mjs from esbuild's metafile: which sources went into
// which output file.
const inputs = readJson<Record<string, string[]>>('dist/bundle-inputs.json');

describe('bundles', () => {
  it('keeps every @azure/* module out of dist/extension.js (loaded at activation)', () => {
    const main = inputs['dist/extension.js'];
    assert.ok(main && main.length > 0);
    assert.deepEqual(main.filter((i) => i.includes('node_modules/@azure/') || i.includes('node_modules/@typespec/')), []);
  });

  it('puts the Azure SDKs into dist/azure-sdk.js, loaded on first use', () => {
    const sdk = inputs['dist/azure-sdk.js'];
    assert.ok(sdk?.some((i) => i.includes('node_modules/@azure/keyvault-secrets/')));
  });

  it('shares one @vscode/l10n (dist/l10n.js) between both bundles, so activate configures it for both', () => {
    for (const bundle of ['dist/extension.js', 'dist/azure-sdk.js']) {
      assert.deepEqual((inputs[bundle] ?? []).filter((i) => i.includes('node_modules/@vscode/l10n/')), [], bundle);
    }
    assert.ok(inputs['dist/l10n.js']?.some((i) => i.includes('node_modules/@vscode/l10n/')));
  });
});
