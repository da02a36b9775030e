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

  it('keeps @azure/identity and MSAL out of dist/azure-sdk.js: dist/azure-identity.js, loaded only for the CLI/environment credentials', () => {
    const heavy = (i: string) => /node_modules\/@azure\/(identity|msal-node|msal-common)\//.test(i);
    assert.deepEqual((inputs['dist/azure-sdk.js'] ?? []).filter(heavy), []);
    assert.ok(inputs['dist/azure-identity.js']?.some((i) => i.includes('node_modules/@azure/identity/')));
  });

  it('keeps the references layer (formats, placement, yaml, jsonc-parser) out of dist/extension.js: dist/references.js, loaded on first use', () => {
    const main = inputs['dist/extension.js'] ?? [];
    // src/references/lazy.ts is the door; names.ts (and the template helpers it uses) are a few lines the hover needs.
    const allowed = new Set(['src/references/lazy.ts', 'src/references/names.ts', 'src/references/template.ts']);
    assert.deepEqual(main.filter((i) => (i.startsWith('src/references/') && !allowed.has(i)) || /node_modules\/(yaml|jsonc-parser)\//.test(i)), []);
    const references = inputs['dist/references.js'] ?? [];
    for (const needed of ['node_modules/yaml/', 'node_modules/jsonc-parser/', 'src/references/placement.ts']) assert.ok(references.some((i) => i.includes(needed)), needed);
  });

  it('keeps the workspace index out of dist/extension.js (only its door): dist/reference-index.js, loaded when the index starts', () => {
    const main = inputs['dist/extension.js'] ?? [];
    // lazy.ts is the door; settings.ts and start.ts are a few lines it needs; referencesView.ts shows Find References' results.
    const allowed = new Set(['lazy.ts', 'settings.ts', 'start.ts', 'referencesView.ts'].map((f) => `src/platform/referenceIndex/${f}`));
    assert.deepEqual(main.filter((i) => i.startsWith('src/platform/referenceIndex/') && !allowed.has(i)), []);
    for (const needed of ['workspaceIndex.ts', 'fileSet.ts', 'store.ts']) assert.ok(inputs['dist/reference-index.js']?.includes(`src/platform/referenceIndex/${needed}`), needed);
  });

  it('keeps the handlers of the lazy command areas out of dist/extension.js: dist/commands-<area>.js, loaded on first run', () => {
    const main = inputs['dist/extension.js'] ?? [];
    const chunks = Object.keys(inputs).filter((b) => /^dist\/commands-[a-z]+\.js$/.test(b));
    assert.ok(chunks.length > 0);
    for (const chunk of chunks) {
      const area = /commands-([a-z]+)\.js$/.exec(chunk)![1]!;
      assert.ok(inputs[chunk]!.includes(`src/commands/${area}/handlers.ts`), chunk);
      assert.deepEqual(main.filter((i) => i === `src/commands/${area}/handlers.ts`), [], chunk);
    }
    for (const handler of ['src/commands/secrets/renameSecret.ts', 'src/commands/keys/rotateKey.ts', 'src/commands/certificates/createCertificate.ts', 'src/commands/history/makeCurrent.ts']) {
      assert.ok(!main.includes(handler), handler);
    }
  });

  it('shares one @vscode/l10n (dist/l10n.js) between the bundles, so activate configures it for all', () => {
    for (const bundle of Object.keys(inputs).filter((b) => b !== 'dist/l10n.js')) {
      assert.deepEqual((inputs[bundle] ?? []).filter((i) => i.includes('node_modules/@vscode/l10n/')), [], bundle);
    }
    assert.ok(inputs['dist/l10n.js']?.some((i) => i.includes('node_modules/@vscode/l10n/')));
  });
});
