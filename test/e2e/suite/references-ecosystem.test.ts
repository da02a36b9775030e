// Issue 15 acceptance inside VS Code (emulator): two references from two vaults — the same secret name in both —
// inserted into an existing workflow, an existing SecretProviderClass, an existing Terraform file and a nested
// appsettings section give files each ecosystem's own parser or schema accepts (test/ecosystem/validators.ts: GitHub's
// workflow parser, the yaml document model, the HCL parser, jsonc + SchemaStore's appsettings schema), and every value
// is read from the vault it was inserted from.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../../src/commands/references/insertReference';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { validatorFor, type KeyVaultRead } from '../../ecosystem/validators';
import { control } from './emulator';
import { discard, openAt, referencesWorld, seedOnce, type ReferencesWorld } from './references-world';

const SUBSCRIPTION = 'Ecosystem E2E';
const SUBSCRIPTION_ID = 'e2e15000-0000-4000-8000-0000000000e1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT_A = 'kv-eco-a';
const VAULT_B = 'kv-eco-b';
const SECRET = 'db-password';

function seed(): Promise<string> {
  const vault = (name: string) => ({
    name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-eco', location: 'westeurope', softDeleteRetentionInDays: 7,
    secrets: [{ name: SECRET, versions: [{ value: `${name} value` }] }, { name: 'api-key', versions: [{ value: 'k' }] }],
  });
  return seedOnce(VAULT_A, { subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }], vaults: [vault(VAULT_A), vault(VAULT_B)] });
}

/** Existing files: each already reads `db-password` from vault A (and has a step id / label / name our text would take). */
const files: { name: string; path: string; text: (urlA: string, armA: string) => string }[] = [
  {
    name: 'an existing workflow (a step with id "keyvault" already there)',
    path: '.github/workflows/deploy.yml',
    text: () =>
      [
        'name: deploy',
        'on: push',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - id: keyvault',
        '        run: echo "an unrelated step that took the id"',
        '      |',
      ].join('\n'),
  },
  {
    name: 'an existing SecretProviderClass for vault A',
    path: 'k8s/spc.yaml',
    text: () =>
      [
        'apiVersion: secrets-store.csi.x-k8s.io/v1',
        'kind: SecretProviderClass',
        'metadata:',
        `  name: ${VAULT_A}`,
        'spec:',
        '  provider: azure',
        '  parameters:',
        '    usePodIdentity: "false"',
        '    clientID: "00000000-0000-0000-0000-000000000000"',
        `    keyvaultName: ${VAULT_A}`,
        '    tenantId: "00000000-0000-0000-0000-000000000001"',
        '    objects: |',
        '      array:',
        '        - |',
        '          objectName: api-key',
        '          objectType: secret',
        '|',
      ].join('\n'),
  },
  {
    name: 'an existing Terraform file that reads db-password from vault A',
    path: 'infra/main.tf',
    text: (_url, armA) =>
      [
        'data "azurerm_key_vault_secret" "db_password" {',
        `  name         = "${SECRET}"`,
        `  key_vault_id = "${armA}"`,
        '}',
        '',
        '|',
      ].join('\n'),
  },
  {
    name: 'a nested appsettings section',
    path: 'app/appsettings.json',
    text: (urlA) => `{\n  "ConnectionStrings": {\n    "Existing": "@Microsoft.KeyVault(SecretUri=${urlA}/secrets/api-key/)"\n    |\n  },\n  "AllowedHosts": "*"\n}\n`,
  },
];

describe('references: two vaults into existing files, accepted by each ecosystem (emulator)', function () {
  this.timeout(120_000);
  let w: ReferencesWorld;
  let urls: Record<string, string>;
  let armA = '';

  before(async () => {
    w = await referencesWorld({ seed, subscription: SUBSCRIPTION, vault: VAULT_A, copyWorkspace: false });
    urls = (await control<{ vaults: Record<string, string> }>('GET', '/info')).vaults;
    armA = ((await w.node()) as unknown as { vault: { info: { id: string } } }).vault.info.id;
  });
  after(async () => {
    await w?.restore();
  });

  const secretOf = (vault: string): Promise<TreeNode> => w.tree.path('Contoso', SUBSCRIPTION, vault, 'Secrets', SECRET);
  /** The names a read's vault may go by: its name, or its emulator host (URL-based syntaxes). */
  const vaultIs = (read: KeyVaultRead, vault: string) => read.vault === vault || read.vault === new URL(urls[vault]!).host.toLowerCase();

  for (const file of files) {
    it(`${file.name}: the real parser accepts it; each value comes from its vault`, async () => {
      const editor = await openAt(w, file.path, file.text(urls[VAULT_A]!, armA));
      const a = await secretOf(VAULT_A);
      const b = await secretOf(VAULT_B);
      await vscode.commands.executeCommand<InsertResult>('azureKeyVault.insertReference', a, [a, b]);
      const text = editor.document.getText();
      const fileName = editor.document.uri.path;
      const validator = validatorFor(fileName, text);
      const verdict = await validator.validate(text, fileName);
      assert.ok(verdict.ok, `${validator.tool} rejects the file:\n${verdict.problems.join('\n')}\n---\n${text}`);
      const reads = (await validator.reads(text, fileName)).filter((r) => r.name === SECRET);
      assert.ok(reads.some((r) => vaultIs(r, VAULT_A)), `reads ${SECRET} from ${VAULT_A}: ${JSON.stringify(reads)}\n---\n${text}`);
      assert.ok(reads.some((r) => vaultIs(r, VAULT_B)), `reads ${SECRET} from ${VAULT_B}: ${JSON.stringify(reads)}\n---\n${text}`);
      await discard(editor);
    });
  }
});
