// Issue 19: index a 5,000-file workspace. Writes 5,000 files (App Service settings, ARM parameters, Bicep,
// .bicepparam, Terraform, pipelines, plain JSON without references; 1–12 KB each, ≈ 3 references per file) into the
// benchmark's workspace folder, then builds the index from nothing (the index setting switched off and on again:
// every file listed, read and parsed) and times it until ready(), with the event-loop block probe running.
// Then one file changed on disk: the time until the index has its new reference (one file read again).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceReferenceIndex } from '../../src/platform/referenceIndex/workspaceIndex';
import type { TestApi } from '../../src/testApi';
import { BlockProbe, round, sleep, startCpuProfile } from './probe';
import type { Recorder } from './recorder';

export const INDEX_FILES = 5_000;
const VAULT = 'kvb-index';
const URL = 'https://kvb-index.vault.azure.net';
const ARM_ID = '/subscriptions/00000000-0000-4000-8000-000000000019/resourceGroups/rg-bench/providers/Microsoft.KeyVault/vaults/kvb-index';

export function fileOf(i: number): { name: string; text: string } {
  const s = (n: number) => `secret-${(i * 7 + n) % 400}`;
  const pad = (bytes: number) => `"${'p'.repeat(bytes)}"`;
  const size = 1_000 + ((i * 131) % 11_000);
  switch (i % 7) {
    case 0:
      return { name: `svc${i}/appsettings.json`, text: `{\n  "Pad": ${pad(size)},\n  "A": "@Microsoft.KeyVault(SecretUri=${URL}/secrets/${s(1)}/)",\n  "B": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=${s(2)})",\n  "C": "@Microsoft.KeyVault(SecretUri=${URL}/secrets/${s(3)}/)"\n}\n` };
    case 1:
      return { name: `arm/env${i}.parameters.json`, text: `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "pad": { "value": ${pad(size)} },\n${[1, 2, 3].map((n) => `    "p${n}": { "reference": { "keyVault": { "id": "${ARM_ID}" }, "secretName": "${s(n)}" } }`).join(',\n')}\n  }\n}\n` };
    case 2:
      return { name: `bicep/app${i}.bicep`, text: `// ${'p'.repeat(size)}\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: '${VAULT}'\n}\n\nmodule app './app.bicep' = {\n  name: 'app'\n  params: {\n${[1, 2, 3].map((n) => `    p${n}: kv.getSecret('${s(n)}')`).join('\n')}\n  }\n}\n` };
    case 3:
      return { name: `bicep/app${i}.bicepparam`, text: `using './main.bicep'\n// ${'p'.repeat(size)}\n${[1, 2, 3].map((n) => `param p${n} = az.getSecret('00000000-0000-4000-8000-000000000019', 'rg-bench', '${VAULT}', '${s(n)}')`).join('\n')}\n` };
    case 4:
      return { name: `tf/stack${i}.tf`, text: `# ${'p'.repeat(size)}\n${[1, 2, 3].map((n) => `data "azurerm_key_vault_secret" "s${n}" {\n  name         = "${s(n)}"\n  key_vault_id = "${ARM_ID}"\n}\n`).join('\n')}` };
    case 5:
      return { name: `pipelines/azure-pipelines-${i}.yml`, text: `# ${'p'.repeat(size)}\nsteps:\n${[1, 2, 3].map((n) => `  - script: az keyvault secret show --id ${URL}/secrets/${s(n)} --query id\n`).join('')}` };
    default:
      return { name: `data/plain${i}.json`, text: `{ "nothing": ${pad(size)} }\n` };
  }
}

/**
 * Writes the 5,000 files (before anything is timed): the folders first, one depth at a time with a pause, so VS Code's
 * recursive watcher watches each before files appear in it (a folder created with its files in the same instant may
 * never be watched: its later changes would go unreported — see test/e2e/suite/workspaceRefs.ts writeWatched).
 */
async function writeWorkspace(root: string): Promise<number> {
  const files = Array.from({ length: INDEX_FILES }, (_, i) => fileOf(i));
  fs.mkdirSync(root, { recursive: true });
  await sleep(500);
  const top = [...new Set(files.map((f) => f.name.split('/')[0]!))];
  for (const dir of top) fs.mkdirSync(path.join(root, dir), { recursive: true });
  await sleep(500);
  for (const f of files) fs.mkdirSync(path.dirname(path.join(root, f.name)), { recursive: true });
  await sleep(1000);
  let bytes = 0;
  for (const { name, text } of files) {
    fs.writeFileSync(path.join(root, name), text);
    bytes += text.length;
  }
  return bytes;
}

export async function indexWorkspace(rec: Recorder, api: TestApi): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the benchmark runs with a workspace folder');
  const root = path.join(folder, 'index-bench');
  const bytes = await writeWorkspace(root);
  const index = api.services.workspaceReferences as WorkspaceReferenceIndex;
  const setting = vscode.workspace.getConfiguration('azureKeyVault.references');
  // Let the watcher's events of the writes land, then start from nothing.
  await sleep(3000);
  await setting.update('indexWorkspace', false, vscode.ConfigurationTarget.Global);
  await sleep(500);
  const readsBefore = index.readCount();
  // BENCH_INDEX_CPU_PROFILE=<file>: a CPU profile of the extension host while the index builds (to find what blocks).
  const profile = process.env.BENCH_INDEX_CPU_PROFILE ? await startCpuProfile() : undefined;
  const probe = new BlockProbe();
  probe.start();
  const t0 = performance.now();
  await setting.update('indexWorkspace', true, vscode.ConfigurationTarget.Global);
  await index.ready();
  const buildMs = performance.now() - t0;
  const block = probe.stop();
  if (profile) await profile.stopInto(process.env.BENCH_INDEX_CPU_PROFILE!);
  const size = index.size;
  // One file changed on disk: until the index has its new reference.
  const changed = path.join(root, fileOf(0).name);
  const reads = index.readCount();
  const query = { vaultUrl: URL, vaultName: VAULT, kind: 'secret' as const, name: 'bench-changed' };
  const t1 = performance.now();
  fs.writeFileSync(changed, `{ "X": "@Microsoft.KeyVault(SecretUri=${URL}/secrets/bench-changed/)" }\n`);
  while (index.filesUsing(query) !== 1 && performance.now() - t1 < 30_000) await sleep(10);
  const changeMs = performance.now() - t1;
  rec.details.workspace_index = {
    files_written: INDEX_FILES,
    bytes_written: bytes,
    files_indexed: size.files,
    references: size.references,
    files_read: reads - readsBefore,
    build_ms: round(buildMs),
    max_block: block,
    changed_file_ms: round(changeMs),
    changed_file_reads: index.readCount() - reads,
    note: 'includes the 250 ms debounce of file events',
  };
  rec.details.workspace_index_ms = round(buildMs);
  rec.details.workspace_index_max_block_ms = block.max_block_ms;
  fs.rmSync(root, { recursive: true, force: true });
}
