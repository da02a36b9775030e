// The e2e workspace of issue 19 (workspace references): a vault of its own (own subscription, seeded through the
// emulator's control API) and ≥ 30 files in 9 formats with > 100 references to it — App Service appsettings.json
// (SecretUri and VaultName/SecretName forms), ARM parameter files, Bicep (`existing` vault + getSecret), .bicepparam
// (az.getSecret), Terraform data sources, GitHub workflows (`az keyvault … show --id <uri>` and `--vault-name/--name`),
// Azure Pipelines (`AzureKeyVault@2` SecretsFilter names, whose `$(name)` variables later steps use, and `az keyvault
// … show --id <uri>`), Kubernetes SecretProviderClass manifests (CSI driver, every objectType, pins) and App
// Configuration KVSet files — written into a subfolder of the e2e workspace folder (removed by `remove()`).
// Broken references too: a missing secret, a deleted, a disabled and an expired one, and a pinned version that
// does not exist. Every reference's position is recorded as the file is written (markers around the name), so the
// suites compare exactly: Find References, usage counts, filters, workspace diagnostics (helper D), rename (R).
// Files the index must NOT read are written too: a .gitignored folder, a folder for search.exclude, one for
// files.exclude (the test sets those two settings: `excludeSettings`) and a file over the size limit.
// Each file is valid for its ecosystem's own parser (test/ecosystem/validators.ts: `validateAll`).
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validatorFor } from '../../ecosystem/validators';
import { control } from './emulator';

export const WS_SUBSCRIPTION = 'Workspace References E2E';
export const WS_SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000019ef';
export const WS_VAULT = 'kv-e2e-wsrefs';
export const WS_RESOURCE_GROUP = 'rg-wsrefs';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

export type ObjectKind = 'secret' | 'key' | 'certificate';
/** What a reference points at, as the vault has it. */
export type ReferenceStatus = 'ok' | 'missing' | 'deleted' | 'disabled' | 'expired' | 'versionMissing';

/** Versions of `app-db` (seeded with these ids): V1 older, V2 current; and one that does not exist. */
export const APP_DB_V1 = 'a1000000000000000000000000000001';
export const APP_DB_V2 = 'a2000000000000000000000000000002';
export const MISSING_VERSION = 'deadbeefdeadbeefdeadbeefdeadbeef';

/** The objects of the vault (and the one that is not there), with their state. */
export const WS_OBJECTS: readonly { readonly kind: ObjectKind; readonly name: string; readonly status: Exclude<ReferenceStatus, 'versionMissing'> }[] = [
  { kind: 'secret', name: 'app-db', status: 'ok' },
  { kind: 'secret', name: 'api-key', status: 'ok' },
  { kind: 'secret', name: 'storage-conn', status: 'ok' },
  { kind: 'secret', name: 'redis-pass', status: 'ok' },
  { kind: 'secret', name: 'sb-conn', status: 'ok' },
  { kind: 'secret', name: 'unused-one', status: 'ok' },
  { kind: 'secret', name: 'unused-two', status: 'ok' },
  { kind: 'secret', name: 'unused-three', status: 'ok' },
  { kind: 'secret', name: 'old-pass', status: 'disabled' },
  { kind: 'secret', name: 'retired-token', status: 'deleted' },
  { kind: 'secret', name: 'cert-pass', status: 'expired' },
  { kind: 'secret', name: 'ghost-secret', status: 'missing' },
  { kind: 'key', name: 'sign-key', status: 'ok' },
  { kind: 'key', name: 'unused-key', status: 'ok' },
  { kind: 'certificate', name: 'tls-cert', status: 'ok' },
];

/** Seeds the vault once per emulator process; its URL. */
export async function seedWorkspaceVault(): Promise<string> {
  const info = await control<{ vaults: Record<string, string> }>('GET', '/info');
  if (info.vaults[WS_VAULT]) return info.vaults[WS_VAULT];
  const plain = (name: string, extra: object = {}) => ({ name, versions: [{ value: `${name} value`, ...extra }] });
  const result = await control<{ vaults: { name: string; url: string }[] }>('POST', '/seed', {
    subscriptions: [{ id: WS_SUBSCRIPTION_ID, displayName: WS_SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: WS_VAULT, subscription: WS_SUBSCRIPTION_ID, resourceGroup: WS_RESOURCE_GROUP, location: 'westeurope', softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 200 },
        secrets: [
          { name: 'app-db', versions: [{ value: 'db v1', version: APP_DB_V1, created: '-10d' }, { value: 'db v2', version: APP_DB_V2, created: '-1d' }] },
          plain('api-key'), plain('storage-conn'), plain('redis-pass'), plain('sb-conn'),
          plain('unused-one'), plain('unused-two'), plain('unused-three'),
          plain('old-pass', { enabled: false }),
          { ...plain('retired-token'), deleted: { deletedDate: '-1d' } },
          plain('cert-pass', { exp: '-2d', created: '-30d' }),
        ],
        keys: [{ name: 'sign-key', kty: 'RSA', size: 2048 }, { name: 'unused-key', kty: 'EC', curve: 'P-256' }],
        certificates: [{ name: 'tls-cert', subject: 'CN=tls.wsrefs.e2e.contoso.com', validityMonths: 12 }],
      },
    ],
  });
  const url = result.vaults.find((v) => v.name === WS_VAULT)?.url;
  assert.ok(url, `the emulator seeded ${WS_VAULT}`);
  return url;
}

/** One reference the generator wrote: where the object's name is (0-based line/character, UTF-16) and what it points at. */
export interface ExpectedReference {
  /** Path relative to the workspace folder (posix separators). */
  readonly file: string;
  /** The file's URI as a string (what the index keys files by). */
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** The kind the text names (a certificate read through its secret is `secret`). */
  readonly kind: ObjectKind;
  readonly name: string;
  readonly version?: string;
  /** The format of the file (for messages). */
  readonly format: string;
  readonly status: ReferenceStatus;
}

/** A use of a pipeline variable named after a secret (the name's position, 0-based, UTF-16). */
export interface VariableUse {
  readonly file: string;
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  readonly name: string;
}

export interface WorkspaceFixture {
  readonly vaultUrl: string;
  /** Absolute path of the subfolder written. */
  readonly root: string;
  /** The subfolder, relative to the workspace folder. */
  readonly folder: string;
  /** Every file written that the index must read (relative paths), with and without references. */
  readonly files: readonly string[];
  /** Files written that the index must NOT read (gitignored, search.exclude, files.exclude, over the size limit). */
  readonly excludedFiles: readonly string[];
  /** The settings the test sets (Global target) so that the `search-excluded` and `files-excluded` folders are excluded. */
  readonly excludeSettings: { readonly search: Record<string, boolean>; readonly files: Record<string, boolean> };
  /** Every reference to the vault's objects in the indexed files, in file then position order. */
  readonly references: readonly ExpectedReference[];
  /** What Find References lists for an object (a certificate: its secret and key too); with a version, pinned ones only. */
  expectedFor(kind: ObjectKind, name: string, version?: string): ExpectedReference[];
  /** How many files reference the object (the tree's usage count). */
  /** Distinct files referencing the object (with `version`: the files pinning that version). */
  filesUsing(kind: ObjectKind, name: string, version?: string): number;
  /** The references that point at something missing, deleted, disabled, expired or a version that does not exist. */
  readonly broken: readonly ExpectedReference[];
  /**
   * Where Azure Pipelines files use the variable a SecretsFilter name makes (`$(name)`): not references, but a rename
   * of the secret renames them with the filter entry (src/references/rename.ts).
   */
  readonly variableUses: readonly VariableUse[];
  /** Deletes the subfolder. */
  remove(): void;
}

const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';

interface Mark {
  readonly kind: ObjectKind;
  readonly name: string;
  readonly version?: string;
  /** A use of the pipeline variable of that name, not a reference. */
  readonly use?: true;
}

/** A text with marked names: `m(ref)` returns the name wrapped in markers that `written` strips, recording where it was. */
class MarkedText {
  private readonly marks: Mark[] = [];
  m(mark: Mark): string {
    this.marks.push(mark);
    return `${OPEN}${this.marks.length - 1}${MID}${mark.name}${CLOSE}`;
  }

  /** The text without markers and each marked name's position. */
  written(text: string): { text: string; at: { mark: Mark; line: number; character: number }[] } {
    let out = '';
    let line = 0;
    let lineStart = 0;
    const at: { mark: Mark; line: number; character: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === OPEN) {
        const mid = text.indexOf(MID, i);
        at.push({ mark: this.marks[Number(text.slice(i + 1, mid))]!, line, character: out.length - lineStart });
        i = mid;
      } else if (c !== CLOSE) {
        out += c;
        if (c === '\n') {
          line++;
          lineStart = out.length;
        }
      }
    }
    return { text: out, at };
  }
}

const statusOf = (mark: Mark): ReferenceStatus => {
  if (mark.version === MISSING_VERSION) return 'versionMissing';
  const named = WS_OBJECTS.find((o) => o.name === mark.name && (o.kind === mark.kind || o.kind === 'certificate'));
  return named?.status ?? 'missing';
};

/** The references each file gets, round robin over these (secrets by name or URI; keys and certificates by URI or Terraform). */
const SECRET_REFS: readonly Mark[] = [
  { kind: 'secret', name: 'app-db' },
  { kind: 'secret', name: 'api-key' },
  { kind: 'secret', name: 'app-db', version: APP_DB_V1 },
  { kind: 'secret', name: 'storage-conn' },
  { kind: 'secret', name: 'redis-pass' },
  { kind: 'secret', name: 'sb-conn' },
  { kind: 'secret', name: 'app-db', version: APP_DB_V2 },
  { kind: 'secret', name: 'old-pass' },
  { kind: 'secret', name: 'retired-token' },
  { kind: 'secret', name: 'cert-pass' },
  { kind: 'secret', name: 'ghost-secret' },
  { kind: 'secret', name: 'app-db', version: MISSING_VERSION },
  { kind: 'secret', name: 'tls-cert' },
];
const ANY_REFS: readonly Mark[] = [...SECRET_REFS, { kind: 'key', name: 'sign-key' }, { kind: 'certificate', name: 'tls-cert' }];

function rotation(list: readonly Mark[]) {
  let next = 0;
  return (count: number, filter: (m: Mark) => boolean = () => true): Mark[] => {
    const out: Mark[] = [];
    while (out.length < count) {
      const m = list[next++ % list.length]!;
      if (filter(m)) out.push(m);
    }
    return out;
  };
}

interface Context {
  readonly vaultUrl: string;
  readonly armId: string;
}

const collection = (kind: ObjectKind) => `${kind}s`;
const uriOf = (ctx: Context, t: MarkedText, m: Mark) => `${ctx.vaultUrl}/${collection(m.kind)}/${t.m(m)}${m.version ? `/${m.version}` : ''}`;
const camel = (name: string, i: number) => `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}${i}`;

// ── the formats ──────────────────────────────────────────────────────────────────────────────────────────────

function appSettings(ctx: Context, t: MarkedText, refs: Mark[]): string {
  const lines = refs.map((m, i) => {
    const value = i % 2 === 0 || m.kind !== 'secret'
      ? `@Microsoft.KeyVault(SecretUri=${uriOf(ctx, t, { ...m, kind: 'secret' })}${m.version ? '' : '/'})`
      : `@Microsoft.KeyVault(VaultName=${WS_VAULT};SecretName=${t.m(m)}${m.version ? `;SecretVersion=${m.version}` : ''})`;
    return `    "Setting${i}": "${value}"`;
  });
  return ['{', '  "Logging": {', '    "LogLevel": {', '      "Default": "Information"', '    }', '  },', '  "AllowedHosts": "*",', '  "App": {', lines.join(',\n'), '  }', '}', ''].join('\n');
}

function armParameters(ctx: Context, t: MarkedText, refs: Mark[]): string {
  const params = refs.map((m, i) => [
    `    "${camel(m.name, i)}": {`,
    '      "reference": {',
    '        "keyVault": {',
    `          "id": "${ctx.armId}"`,
    '        },',
    `        "secretName": "${t.m(m)}"${m.version ? ',' : ''}`,
    ...(m.version ? [`        "secretVersion": "${m.version}"`] : []),
    '      }',
    '    }',
  ].join('\n'));
  return ['{', '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",', '  "contentVersion": "1.0.0.0",', '  "parameters": {', params.join(',\n'), '  }', '}', ''].join('\n');
}

function bicep(_ctx: Context, t: MarkedText, refs: Mark[]): string {
  const params = refs.map((m, i) => `    ${camel(m.name, i)}: kv.getSecret('${t.m(m)}'${m.version ? `, '${m.version}'` : ''})`);
  return [
    `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {`,
    `  name: '${WS_VAULT}'`,
    `  scope: resourceGroup('${WS_SUBSCRIPTION_ID}', '${WS_RESOURCE_GROUP}')`,
    '}',
    '',
    `module app './app.bicep' = {`,
    `  name: 'app'`,
    '  params: {',
    ...params,
    '  }',
    '}',
    '',
  ].join('\n');
}

function bicepparam(_ctx: Context, t: MarkedText, refs: Mark[]): string {
  return [
    `using './main.bicep'`,
    '',
    ...refs.map((m, i) => `param ${camel(m.name, i)} = az.getSecret('${WS_SUBSCRIPTION_ID}', '${WS_RESOURCE_GROUP}', '${WS_VAULT}', '${t.m(m)}'${m.version ? `, '${m.version}'` : ''})`),
    '',
  ].join('\n');
}

function terraform(ctx: Context, t: MarkedText, refs: Mark[]): string {
  const types: Record<ObjectKind, string> = { secret: 'azurerm_key_vault_secret', key: 'azurerm_key_vault_key', certificate: 'azurerm_key_vault_certificate' };
  return refs.map((m, i) => [
    `data "${types[m.kind]}" "${m.name.replace(/-/g, '_')}_${i}" {`,
    `  name         = "${t.m(m)}"`,
    `  key_vault_id = "${ctx.armId}"`,
    ...(m.version && m.kind !== 'key' ? [`  version      = "${m.version}"`] : []),
    '}',
    '',
  ].join('\n')).join('\n');
}

/** `az keyvault <kind> show` by URI, or by vault and name (in either order, `-n` too) as the GitHub Actions format writes it. */
function showArguments(ctx: Context, t: MarkedText, m: Mark, i: number): string {
  if (i % 3 === 0) return `--id ${uriOf(ctx, t, m)}`;
  const pin = m.version ? ` --version ${m.version}` : '';
  return i % 3 === 1 ? `--vault-name ${WS_VAULT} --name ${t.m(m)}${pin}` : `-n ${t.m(m)}${pin} \\\n            --vault-name ${WS_VAULT}`;
}

function githubWorkflow(ctx: Context, t: MarkedText, refs: Mark[], n: number): string {
  const steps = refs.map((m, i) => [
    `      - name: Read ${m.name}`,
    `        id: read-${i}`,
    '        shell: bash',
    '        run: |',
    `          value="$(az keyvault ${m.kind} show ${showArguments(ctx, t, m, i + n)} --query id --output tsv)"`,
    `          echo "::add-mask::$value"`,
  ].join('\n'));
  return [`name: deploy-${n}`, '', 'on:', '  push:', '    branches: [main]', '', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', ...steps, ''].join('\n');
}

function azurePipeline(ctx: Context, t: MarkedText, refs: Mark[]): string {
  const steps = refs.map((m) => [
    '  - task: AzureCLI@2',
    `    displayName: Read ${m.name}`,
    '    inputs:',
    "      azureSubscription: 'service-connection'",
    '      scriptType: bash',
    '      scriptLocation: inlineScript',
    '      inlineScript: |',
    `        az keyvault ${m.kind} show --id ${uriOf(ctx, t, m)} --query id --output tsv`,
  ].join('\n'));
  return ['trigger:', '  - main', '', 'pool:', '  vmImage: ubuntu-latest', '', 'steps:', ...steps, ''].join('\n');
}

/** `AzureKeyVault@2` tasks (names only: the task reads the current versions), then a step using each variable. */
function keyVaultTaskPipeline(_ctx: Context, t: MarkedText, refs: Mark[]): string {
  const half = Math.ceil(refs.length / 2);
  const task = (names: Mark[]) => [
    '  - task: AzureKeyVault@2',
    `    displayName: Get secrets from ${WS_VAULT}`,
    '    inputs:',
    "      azureSubscription: 'service-connection'",
    `      KeyVaultName: '${WS_VAULT}'`,
    `      SecretsFilter: '${names.map((m) => t.m(m)).join(', ')}'`,
    '      RunAsPreJob: false',
  ].join('\n');
  const uses = refs.map((m) => `--${m.name} "$(${t.m({ ...m, use: true })})"`).join(' ');
  return ['trigger:', '  - main', '', 'pool:', '  vmImage: ubuntu-latest', '', 'steps:', task(refs.slice(0, half)), task(refs.slice(half)), `  - script: ./deploy.sh ${uses}`, '    displayName: Deploy', ''].join('\n');
}

/** A SecretProviderClass reading the objects (every objectType, pins, each with an alias: its mounted file), and a Deployment mounting it. */
function csiManifest(_ctx: Context, t: MarkedText, refs: Mark[], n: number): string {
  const types: Record<ObjectKind, string> = { secret: 'secret', key: 'key', certificate: 'cert' };
  const items = refs.map((m, i) => [
    '        - |',
    `          objectName: ${t.m(m)}`,
    `          objectType: ${types[m.kind]}`,
    `          objectAlias: ${m.name}-${i}`,
    ...(m.version ? [`          objectVersion: "${m.version}"`] : []),
  ].join('\n'));
  return [
    'apiVersion: secrets-store.csi.x-k8s.io/v1', 'kind: SecretProviderClass', 'metadata:', `  name: app-${n}`, 'spec:', '  provider: azure', '  parameters:',
    '    usePodIdentity: "false"', '    clientID: "00000000-0000-4000-8000-0000000000c1"', `    keyvaultName: ${WS_VAULT}`, `    tenantId: "${CONTOSO}"`, '    objects: |', '      array:', ...items,
    '---',
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${n}`, 'spec:', '  replicas: 1', '  selector:', '    matchLabels:', `      app: app-${n}`, '  template:', '    metadata:', '      labels:', `        app: app-${n}`,
    '    spec:', '      containers:', '        - name: app', '          image: mcr.microsoft.com/azuredocs/aks-helloworld:v1', '          volumeMounts:', '            - name: secrets', '              mountPath: /mnt/secrets', '              readOnly: true',
    '      volumes:', '        - name: secrets', '          csi:', '            driver: secrets-store.csi.k8s.io', '            readOnly: true', '            volumeAttributes:', `              secretProviderClass: app-${n}`, '',
  ].join('\n');
}

function appConfig(ctx: Context, t: MarkedText, refs: Mark[]): string {
  const items = refs.map((m, i) => [
    '    {',
    `      "key": "App:${m.name}:${i}",`,
    `      "value": "{\\"uri\\":\\"${uriOf(ctx, t, { ...m, kind: 'secret' })}\\"}",`,
    '      "label": null,',
    '      "content_type": "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"',
    '    }',
  ].join('\n'));
  return ['{', '  "items": [', items.join(',\n'), '  ]', '}', ''].join('\n');
}

/** Which files, in which format, with how many references each. */
function plan(): { file: string; format: string; refs: number; write: (ctx: Context, t: MarkedText, refs: Mark[]) => string; anyKind: boolean; fixed?: Mark[] }[] {
  const out: ReturnType<typeof plan> = [];
  for (let i = 1; i <= 6; i++) out.push({ file: `services/svc${i}/appsettings.json`, format: 'appService', refs: 5, write: appSettings, anyKind: false });
  for (let i = 1; i <= 5; i++) out.push({ file: `infra/arm/env${i}.parameters.json`, format: 'armParameters', refs: 3, write: armParameters, anyKind: false });
  for (let i = 1; i <= 5; i++) out.push({ file: `infra/bicep/app${i}.bicep`, format: 'bicep', refs: 3, write: bicep, anyKind: false });
  for (let i = 1; i <= 4; i++) out.push({ file: `infra/bicep/app${i}.bicepparam`, format: 'bicepparam', refs: 3, write: bicepparam, anyKind: false });
  for (let i = 1; i <= 4; i++) out.push({ file: `infra/tf/stack${i}.tf`, format: 'terraform', refs: 3, write: terraform, anyKind: true });
  for (let i = 1; i <= 3; i++) out.push({ file: `.github/workflows/deploy${i}.yml`, format: 'githubActions', refs: 3, write: (c, t, r) => githubWorkflow(c, t, r, i), anyKind: true });
  for (let i = 1; i <= 3; i++) out.push({ file: `pipelines/azure-pipelines-${i}.yml`, format: 'azurePipelines', refs: 3, write: azurePipeline, anyKind: true });
  for (let i = 1; i <= 2; i++) out.push({ file: `config/appconfig-${i}.json`, format: 'appConfig', refs: 4, write: appConfig, anyKind: false });
  // The task reads current versions only: unpinned secrets, app-db in both (a rename renames its `$(app-db)` uses too).
  const taskRefs = [['app-db', 'api-key', 'storage-conn', 'ghost-secret'], ['app-db', 'redis-pass', 'old-pass', 'tls-cert']];
  taskRefs.forEach((names, i) => out.push({
    file: `pipelines/keyvault-task-${i + 1}.yml`, format: 'azurePipelinesTask', refs: names.length, write: keyVaultTaskPipeline, anyKind: false, fixed: names.map((name) => ({ kind: 'secret', name })),
  }));
  for (let i = 1; i <= 3; i++) out.push({ file: `k8s/app${i}/secret-provider-class.yaml`, format: 'csi', refs: 4, write: (c, t, r) => csiManifest(c, t, r, i), anyKind: true });
  return out;
}

/** The settings that exclude the fixture's `search-excluded` and `files-excluded` folders (set them before writing it). */
export function excludeSettingsFor(folder: string): WorkspaceFixture['excludeSettings'] {
  return { search: { [`**/${folder}/search-excluded`]: true }, files: { [`**/${folder}/files-excluded`]: true } };
}

/** Where the e2e workspace folder is (the index reads it; test/e2e/workspace). */
export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e suite runs with a workspace folder');
  return folder.uri.fsPath;
}

/**
 * Writes the fixture into `<workspace folder>/<folder>` (default: a fresh `wsrefs-<random>`) and returns what the
 * index must find there. Seeds the vault first (once per emulator process).
 */
export async function writeWorkspaceReferences(options: { readonly folder?: string } = {}): Promise<WorkspaceFixture> {
  const vaultUrl = (await seedWorkspaceVault()).replace(/\/+$/, '');
  const ctx: Context = { vaultUrl, armId: `/subscriptions/${WS_SUBSCRIPTION_ID}/resourceGroups/${WS_RESOURCE_GROUP}/providers/Microsoft.KeyVault/vaults/${WS_VAULT}` };
  const ws = workspaceFolder();
  const folder = options.folder ?? `wsrefs-${randomBytes(4).toString('hex')}`;
  const root = path.join(ws, folder);
  fs.rmSync(root, { recursive: true, force: true });
  // Collected first, written at the end (folders before files: see writeWatched).
  const toWrite: [string, string][] = [];
  const write = (relative: string, text: string) => void toWrite.push([relative, text]);
  const secretsOnly = rotation(SECRET_REFS);
  const anyKind = rotation(ANY_REFS);
  const references: ExpectedReference[] = [];
  const variableUses: VariableUse[] = [];
  const files: string[] = [];
  for (const entry of plan()) {
    const t = new MarkedText();
    const refs = entry.fixed ?? (entry.anyKind ? anyKind(entry.refs) : secretsOnly(entry.refs));
    const { text, at } = t.written(entry.write(ctx, t, refs));
    const relative = `${folder}/${entry.file}`;
    write(entry.file, text);
    files.push(relative);
    const uri = vscode.Uri.file(path.join(root, entry.file)).toString();
    for (const { mark, line, character } of at) {
      if (mark.use) {
        variableUses.push({ file: relative, uri, line, character, endCharacter: character + mark.name.length, name: mark.name });
        continue;
      }
      references.push({ file: relative, uri, line, character, endCharacter: character + mark.name.length, kind: mark.kind, name: mark.name, ...(mark.version ? { version: mark.version } : {}), format: entry.format, status: statusOf(mark) });
    }
  }
  // A file with no reference at all (indexed, counts as a file, no reference).
  write('README.json', '{ "about": "workspace references fixture (issue 19)" }\n');
  files.push(`${folder}/README.json`);

  // What the index must not read: each holds references that would change every count if it were read.
  const decoy = (t: MarkedText) => t.written(appSettings(ctx, t, [{ kind: 'secret', name: 'api-key' }, { kind: 'secret', name: 'unused-one' }])).text;
  write('.gitignore', 'ignored-by-git/\n*.local.json\n');
  write('ignored-by-git/appsettings.json', decoy(new MarkedText()));
  write('services/svc1/appsettings.local.json', decoy(new MarkedText()));
  write('search-excluded/appsettings.json', decoy(new MarkedText()));
  write('files-excluded/appsettings.json', decoy(new MarkedText()));
  // Over the default size limit (256 KB): padding, then references.
  write('big/appsettings.json', `{\n  "Padding": "${'x'.repeat(600 * 1024)}",\n  "Ref": "@Microsoft.KeyVault(SecretUri=${vaultUrl}/secrets/unused-two/)"\n}\n`);
  await writeWatched(root, toWrite);
  const excludedFiles = ['ignored-by-git/appsettings.json', 'services/svc1/appsettings.local.json', 'search-excluded/appsettings.json', 'files-excluded/appsettings.json', 'big/appsettings.json'].map((f) => `${folder}/${f}`);

  const order = (a: ExpectedReference, b: ExpectedReference) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.character - b.character);
  references.sort(order);
  const kindsFor = (kind: ObjectKind): ObjectKind[] => (kind === 'certificate' ? ['certificate', 'secret', 'key'] : [kind]);
  const expectedFor = (kind: ObjectKind, name: string, version?: string) =>
    references.filter((r) => r.name === name && kindsFor(kind).includes(r.kind) && (version === undefined || r.version === version));
  return {
    vaultUrl,
    root,
    folder,
    files,
    excludedFiles,
    excludeSettings: excludeSettingsFor(folder),
    references,
    expectedFor,
    filesUsing: (kind, name, version) => new Set(expectedFor(kind, name, version).map((r) => r.file)).size,
    broken: references.filter((r) => r.status !== 'ok'),
    variableUses,
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes files under `root` as a person or a tool would, but watcher-friendly: the folders first, one depth at a time
 * with a pause, so VS Code's recursive watcher watches each new folder before files appear in it (files written into a
 * folder in the instant it is created may never be reported, and neither are later changes to them).
 */
export async function writeWatched(root: string, files: readonly (readonly [string, string])[]): Promise<void> {
  const dirs = new Set<string>();
  for (const [relative] of files) {
    const parts = relative.split('/').slice(0, -1);
    for (let i = 0; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const byDepth = [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  let depth = -1;
  for (const dir of byDepth) {
    const d = dir === '' ? 0 : dir.split('/').length;
    if (d !== depth) {
      if (depth >= 0) await sleep(300);
      depth = d;
    }
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  }
  await sleep(300);
  for (const [relative, text] of files) fs.writeFileSync(path.join(root, relative), text);
}

/** Every written file that has a validator is accepted by its ecosystem's own parser or schema: problems by file (empty: all valid). */
export async function validateAll(fixture: WorkspaceFixture): Promise<Record<string, string[]>> {
  const problems: Record<string, string[]> = {};
  const ws = workspaceFolder();
  const withReferences = new Set(fixture.references.map((r) => r.file));
  for (const file of fixture.files.filter((f) => withReferences.has(f))) {
    const written = fs.readFileSync(path.join(ws, file), 'utf8');
    // The App Configuration reference schema only knows Azure's hosts (`<vault>.vault.<suffix>`): the emulator's
    // vault URL (127.0.0.1 and a port) is judged as the Azure host of the same vault.
    const text = written.split(fixture.vaultUrl).join(`https://${WS_VAULT}.vault.azure.net`);
    const result = await validatorFor(file, text).validate(text, path.basename(file));
    if (!result.ok) problems[file] = result.problems;
  }
  return problems;
}
