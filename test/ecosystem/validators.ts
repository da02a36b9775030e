// Each ecosystem's own judgement of a file the extension wrote: the real parser or the official schema where one
// exists on npm (issue 15, "Ecosystem validation in npm test"), plus property checks the tool itself does not make
// (unique ids/names/symbols, which vault a value is read from). Plain node, no vscode: the mocha unit layer and the
// e2e suite inside VS Code's extension host both import it. Nothing here reads the network: the schemas are
// vendored in test/fixtures/ecosystem (their sources in SOURCES.md).
//
// Every validator: `validate(text, fileName) → { ok, problems }` (async: GitHub's workflow converter is async, and
// the HCL parser is WebAssembly) and `reads(text, fileName)`: every Key Vault object the file reads and from which
// vault, so a test can tell that a value comes from the vault it was meant to come from.
/* eslint-disable @typescript-eslint/require-await -- one async interface for every validator (GitHub's converter and the HCL parser are async); most of them are synchronous */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import * as dotenv from 'dotenv';
import * as jsonc from 'jsonc-parser';
import * as YAML from 'yaml';

export interface ValidationResult {
  readonly ok: boolean;
  readonly problems: string[];
}

/** A Key Vault object a file reads: the vault (its name, lower case), the object, and what in the file reads it. */
export interface KeyVaultRead {
  /** Vault name (lower case); undefined when the file itself does not say which vault (e.g. a .NET key). */
  readonly vault: string | undefined;
  readonly name: string;
  readonly kind?: 'secret' | 'key' | 'certificate';
  readonly version?: string;
  /** The step id, data source, symbol, parameter… that reads it (for messages). */
  readonly via: string;
}

export interface Validator {
  readonly id: EcosystemId;
  /** The tool that judges (shown in the matrix summary). */
  readonly tool: string;
  validate(text: string, fileName: string): Promise<ValidationResult>;
  /** Every Key Vault object the file reads. */
  reads(text: string, fileName: string): Promise<KeyVaultRead[]>;
  /** What a reference written at a value position (`${{ steps.x.outputs.y }}`, `data.….value`, `kv.getSecret(…)`) reads in this file. */
  resolve?(text: string, fileName: string, reference: string): Promise<KeyVaultRead[]>;
  /** Vaults (names, lower case) every value of this file is read from, where the file decides that (C#: AddAzureKeyVault). */
  boundVaults?(text: string): string[];
}

export type EcosystemId =
  | 'githubActions'
  | 'azurePipelines'
  | 'armParameters'
  | 'appConfigKvset'
  | 'appSettings'
  | 'terraform'
  | 'csi'
  | 'bicep'
  | 'bicepparam'
  | 'dotenv'
  | 'csharp'
  | 'keyVaultUri';

const result = (problems: string[]): ValidationResult => ({ ok: problems.length === 0, problems });

/** A scalar of parsed YAML/JSON/HCL as text; anything else (absent, an object) is empty. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

// ── files and tools ──────────────────────────────────────────────────────────────────────────────────────────

/** The repository root: the nearest folder up from here whose package.json is this extension's. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'azure-keyvault-explorer') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = up;
  }
}

const ROOT = repoRoot();
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'ecosystem');
const fixtureJson = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

function ajvMessages(errors: readonly ErrorObject[] | null | undefined): string[] {
  if (!errors?.length) return [];
  // oneOf/anyOf report every branch; the deepest instance paths say what is wrong, the rest is noise.
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const max = Math.max(...errors.map(depth));
  const deepest = errors.filter((e) => depth(e) === max && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const chosen = deepest.length ? deepest : errors;
  const lines = chosen.map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` '${str(e.params.additionalProperty)}'` : ''}`);
  return [...new Set(lines)].slice(0, 6);
}

const lazy = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** ARM parameter files: draft-04 deploymentParameters.json, its two references into deploymentTemplate.json vendored as an excerpt. */
const armSchema = lazy((): ValidateFunction => {
  const ajv = new Ajv04({ strict: false, allErrors: true });
  ajv.addSchema(fixtureJson('arm.deploymentTemplate.2019-04-01.excerpt.json'));
  return ajv.compile(fixtureJson('arm.deploymentParameters.2019-04-01.json'));
});

/** The draft-07 schemas: App Configuration KVSet + KeyVaultReference, SchemaStore appsettings.json, Azure Pipelines. */
// `format` is an annotation in draft-07 (validation optional); the schemas' "uri" formats are not what is tested.
// unicodeRegExp off: the schemas' patterns are ECMA-262 without the u flag (Azure Pipelines' escapes fail with it).
const ajv07 = lazy(() => new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }));
const kvsetSchema = lazy(() => ajv07().compile(fixtureJson('appconfig.KVSet.v1.0.0.schema.json')));
const kvRefSchema = lazy(() => ajv07().compile(fixtureJson('appconfig.KeyVaultReference.v1.0.0.schema.json')));
const appsettingsSchema = lazy(() => ajv07().compile(fixtureJson('schemastore.appsettings.json')));
const localSettingsSchema = lazy(() => new Ajv04({ strict: false, allErrors: true, validateFormats: false }).compile(fixtureJson('schemastore.local.settings.json')));
// 1.6 MB of draft-07; allErrors off (the oneOf branches multiply the errors and the time), compiled once (≈5 s).
const pipelinesSchema = lazy(() => new Ajv({ strict: false, allErrors: false, unicodeRegExp: false, validateFormats: false }).compile(fixtureJson('azure-pipelines.service-schema.json')));

interface WorkflowParser {
  readonly parseWorkflow: (file: { name: string; content: string }, trace: unknown) => { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  readonly convertWorkflowTemplate: (context: unknown, root: unknown) => Promise<{ errors?: { Message: string }[] }>;
  readonly NoOperationTraceWriter: new () => unknown;
}

/**
 * GitHub's own workflow parser (@actions/workflow-parser, from actions/languageservices). It ships as ES modules
 * that import JSON without import attributes (made for bundlers), which node refuses; esbuild (a devDependency)
 * bundles it once into a CommonJS file next to this one.
 */
const workflowParser = lazy((): WorkflowParser => {
  const entry = path.join(ROOT, 'node_modules', '@actions', 'workflow-parser', 'dist', 'index.js');
  const version = (JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(entry)), 'package.json'), 'utf8')) as { version: string }).version;
  const bundle = path.join(__dirname, `.workflow-parser-${version}.bundle.cjs`);
  if (!fs.existsSync(bundle)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    const tmp = `${bundle}.${process.pid}.tmp`;
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: tmp, logLevel: 'error' });
    fs.renameSync(tmp, bundle);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(bundle) as WorkflowParser;
});

interface Hcl2Json {
  parse(fileName: string, content: string): Promise<Record<string, unknown>>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hcl2json = lazy(() => require('@cdktf/hcl2json') as Hcl2Json);

// ── shared helpers ───────────────────────────────────────────────────────────────────────────────────────────

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** A Key Vault object identifier `https://{host}/{secrets|keys|certificates}/{name}[/{version}]`. */
const objectIdPattern = /^https:\/\/([^/\s"'`]+)\/(secrets|keys|certificates)\/([0-9a-zA-Z-]+)(?:\/([0-9a-zA-Z]+))?\/?$/;
const kindOfSegment = { secrets: 'secret', keys: 'key', certificates: 'certificate' } as const;

/** The vault name of a vault host (`contoso-kv.vault.azure.net` → `contoso-kv`); the emulator's IP host stays whole. */
export function vaultOfHost(host: string): string {
  const h = host.toLowerCase();
  return /^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(h) || h.startsWith('localhost') ? h : h.split('.')[0]!;
}

function parseObjectId(uri: string, via: string): KeyVaultRead | undefined {
  const m = objectIdPattern.exec(uri);
  if (!m) return undefined;
  return { vault: vaultOfHost(m[1]!), kind: kindOfSegment[m[2] as keyof typeof kindOfSegment], name: m[3]!, ...(m[4] ? { version: m[4] } : {}), via };
}

/** `az keyvault secret show|download` calls in a shell script: by `--id`, or by `--vault-name` and `--name`. */
function azCliReads(script: string, via: string): KeyVaultRead[] {
  const reads: KeyVaultRead[] = [];
  for (const m of script.matchAll(/az\s+keyvault\s+(secret|certificate|key)\s+(?:show|download)\b([^\n]*)/g)) {
    const args = m[2]!;
    const id = /--id\s+["']?(https:\/\/[^\s"')]+)/.exec(args)?.[1];
    if (id) {
      const r = parseObjectId(id, via);
      if (r) reads.push(r);
      continue;
    }
    const vault = /--vault-name\s+["']?([\w-]+)/.exec(args)?.[1];
    const name = /(?:--name|-n)\s+["']?([\w-]+)/.exec(args)?.[1];
    const version = /--version\s+["']?(\w+)/.exec(args)?.[1];
    if (name) reads.push({ vault: vault?.toLowerCase(), kind: m[1] as 'secret', name, ...(version ? { version } : {}), via });
  }
  return reads;
}

function yamlDocuments(text: string): { docs: YAML.Document.Parsed[]; problems: string[] } {
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs as unknown as YAML.Document.Parsed];
  const problems = list.flatMap((d) => d.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  return { docs: list, problems };
}

/** JSON (optionally with comments): syntax errors and duplicate keys (VS Code's JSON service flags them; the last silently wins). */
function jsonSyntax(text: string, { comments, trailingCommas }: { comments: boolean; trailingCommas: boolean }): { tree: jsonc.Node | undefined; value: unknown; problems: string[] } {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: !comments, allowTrailingComma: trailingCommas, allowEmptyContent: false });
  const problems = errors.map((e) => `JSON: ${jsonc.printParseErrorCode(e.error)} at line ${lineOf(text, e.offset)}`);
  const walk = (node: jsonc.Node, where: string) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0]?.value as string | undefined;
        if (key === undefined) continue;
        if (seen.has(key)) problems.push(`JSON: duplicate key "${key}" in ${where || '(root)'} (line ${lineOf(text, prop.offset)})`);
        seen.add(key);
        if (prop.children?.[1]) walk(prop.children[1], `${where}/${key}`);
      }
    } else if (node.type === 'array') (node.children ?? []).forEach((c, i) => walk(c, `${where}/${i}`));
  };
  if (tree) walk(tree, '');
  return { tree, value: tree && !problems.length ? jsonc.getNodeValue(tree) : undefined, problems };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ── GitHub Actions ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Actions whose own repository says not to use them. Azure/get-keyvault-secrets: "Deprecation notice" in its
 * README (https://github.com/Azure/get-keyvault-secrets#deprecation-notice; archived; node12; AzureCloud and
 * AzureStack only), see also https://github.com/Azure/get-keyvault-secrets/issues/33.
 */
const deprecatedActions: readonly [RegExp, string][] = [
  [/^azure\/get-keyvault-secrets@/i, 'Azure/get-keyvault-secrets is deprecated and archived (its README: "Deprecation notice"); read the secret with `az keyvault secret show` instead'],
];

interface WorkflowStep {
  readonly job: string;
  readonly index: number;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with: Record<string, unknown>;
}

function workflowSteps(text: string): WorkflowStep[] {
  const doc = YAML.parse(text, { uniqueKeys: false }) as unknown;
  if (!isRecord(doc) || !isRecord(doc.jobs)) return [];
  const steps: WorkflowStep[] = [];
  for (const [job, body] of Object.entries(doc.jobs)) {
    if (!isRecord(body) || !Array.isArray(body.steps)) continue;
    body.steps.forEach((s: unknown, index) => {
      if (!isRecord(s)) return;
      steps.push({
        job, index,
        ...(typeof s.id === 'string' ? { id: s.id } : {}),
        ...(typeof s.uses === 'string' ? { uses: s.uses } : {}),
        ...(typeof s.run === 'string' ? { run: s.run } : {}),
        with: isRecord(s.with) ? s.with : {},
      });
    });
  }
  return steps;
}

function stepReads(s: WorkflowStep): KeyVaultRead[] {
  const via = `job ${s.job} step ${s.id ?? `#${s.index + 1}`}`;
  if (s.uses && /^azure\/get-keyvault-secrets@/i.test(s.uses)) {
    const vault = str(s.with.keyvault ?? '').toLowerCase();
    return str(s.with.secrets ?? '').split(',').map((n) => n.trim()).filter(Boolean).map((name) => ({ vault, kind: 'secret' as const, name, via }));
  }
  return s.run ? azCliReads(s.run, via) : [];
}

/** Output names a run script writes to $GITHUB_OUTPUT (`name=value` or the multi-line `name<<DELIM` form). */
function outputsOf(s: WorkflowStep): string[] {
  if (s.uses && /^azure\/get-keyvault-secrets@/i.test(s.uses)) return str(s.with.secrets ?? '').split(',').map((n) => n.trim());
  return [...(s.run ?? '').matchAll(/(?:echo|printf)\s+["']?([\w-]+)(?:=|<<)[^\n]*>>\s*"?\$GITHUB_OUTPUT/g)].map((m) => m[1]!);
}

export const githubActions: Validator = {
  id: 'githubActions',
  tool: '@actions/workflow-parser (parseWorkflow + convertWorkflowTemplate)',
  async validate(text, fileName) {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = workflowParser();
    const parsed = parseWorkflow({ name: path.basename(fileName), content: text }, new NoOperationTraceWriter());
    const problems = parsed.context.errors.getErrors().map((e) => `workflow-parser: ${e.message}`);
    if (!problems.length && parsed.value) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value);
      problems.push(...(template.errors ?? []).map((e) => `workflow-parser: ${e.Message}`));
    }
    if (!parsed.value && !problems.length) problems.push('workflow-parser: not a workflow (empty document)');
    // Property checks: step ids unique per job (the converter says so too, once); deprecated actions; masking.
    let steps: WorkflowStep[] = [];
    try {
      steps = workflowSteps(text);
    } catch {
      /* the parser reported it */
    }
    const ids = new Map<string, number>();
    for (const s of steps) {
      if (!s.id) continue;
      const key = `${s.job}\u0000${s.id}`;
      ids.set(key, (ids.get(key) ?? 0) + 1);
    }
    for (const [key, count] of ids) if (count > 1) problems.push(`step id '${key.split('\u0000')[1]}' used ${count} times in job ${key.split('\u0000')[0]}`);
    for (const s of steps) {
      for (const [pattern, message] of deprecatedActions) if (s.uses && pattern.test(s.uses)) problems.push(`job ${s.job} step ${s.id ?? `#${s.index + 1}`}: ${message}`);
      // A value read with the CLI and written to $GITHUB_OUTPUT must be masked first (GitHub docs: "Masking a value in a log").
      if (s.run && /az\s+keyvault\s+\w+\s+(show|download)/.test(s.run) && /\$GITHUB_OUTPUT/.test(s.run) && !/::add-mask::/.test(s.run)) {
        problems.push(`job ${s.job} step ${s.id ?? `#${s.index + 1}`}: writes a Key Vault value to $GITHUB_OUTPUT without ::add-mask::`);
      }
    }
    return result(problems);
  },
  async reads(text) {
    return workflowSteps(text).flatMap(stepReads);
  },
  async resolve(text, _fileName, reference) {
    const m = /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/.exec(reference);
    if (!m) return [];
    const [, id, output] = m;
    const steps = workflowSteps(text).filter((s) => s.id === id);
    return steps.flatMap((s) => {
      const reads = stepReads(s);
      if (!outputsOf(s).includes(output!)) return [];
      const named = reads.filter((r) => r.name === output);
      return named.length ? named : reads;
    });
  },
};

// ── Azure Pipelines ──────────────────────────────────────────────────────────────────────────────────────────

function pipelineSteps(value: unknown): Record<string, unknown>[] {
  const steps: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      if (typeof node.task === 'string' || typeof node.script === 'string' || typeof node.bash === 'string') steps.push(node);
      for (const [k, v] of Object.entries(node)) if (k === 'steps' || k === 'jobs' || k === 'stages' || k === 'job' || k === 'stage') visit(v);
    }
  };
  visit(value);
  return steps;
}

/** Every variable a step sets from Key Vault: `AzureKeyVault@2` sets one per secret; a script sets `task.setvariable`. */
function pipelineReads(value: unknown): (KeyVaultRead & { variable: string })[] {
  const reads: (KeyVaultRead & { variable: string })[] = [];
  pipelineSteps(value).forEach((s, i) => {
    const inputs = isRecord(s.inputs) ? s.inputs : {};
    const via = `step #${i + 1} (${str(s.task ?? 'script')}${s.displayName ? `: ${str(s.displayName)}` : ''})`;
    if (typeof s.task === 'string' && /^AzureKeyVault@/i.test(s.task)) {
      const vault = str(inputs.KeyVaultName ?? '').toLowerCase();
      for (const name of str(inputs.SecretsFilter ?? '*').split(',').map((n) => n.trim()).filter(Boolean)) reads.push({ vault, kind: 'secret', name, via, variable: name });
    }
    const script = str(inputs.inlineScript ?? s.script ?? s.bash ?? '');
    const fromCli = azCliReads(script, via);
    const variables = [...script.matchAll(/##vso\[task\.setvariable variable=([\w.-]+)/g)].map((m) => m[1]!);
    fromCli.forEach((r, j) => reads.push({ ...r, variable: variables[j] ?? variables[0] ?? r.name }));
  });
  return reads;
}

export const azurePipelines: Validator = {
  id: 'azurePipelines',
  tool: 'yaml + ajv (microsoft/azure-pipelines-vscode service-schema.json)',
  async validate(text) {
    const { docs, problems } = yamlDocuments(text);
    if (problems.length) return result(problems);
    const value = docs[0]?.toJS() as unknown;
    const validate = pipelinesSchema();
    if (!validate(value)) problems.push(...ajvMessages(validate.errors).map((m) => `service-schema.json: ${m}`));
    // Property check: one variable, one vault. `AzureKeyVault@2` makes each secret a variable of its name; a second
    // task reading the same name from another vault overwrites it (docs: learn.microsoft.com/azure/devops/pipelines/tasks/reference/azure-key-vault-v2).
    const byVariable = new Map<string, Set<string>>();
    for (const r of pipelineReads(value)) byVariable.set(r.variable.toLowerCase(), (byVariable.get(r.variable.toLowerCase()) ?? new Set()).add(r.vault ?? '?'));
    for (const [variable, vaults] of byVariable) if (vaults.size > 1) problems.push(`variable $(${variable}) is set from ${vaults.size} vaults (${[...vaults].join(', ')}): the later task overwrites it`);
    return result(problems);
  },
  async reads(text) {
    return pipelineReads(YAML.parse(text) as unknown);
  },
  async resolve(text, _fileName, reference) {
    const m = /\$\(([\w.-]+)\)/.exec(reference);
    if (!m) return [];
    return pipelineReads(YAML.parse(text) as unknown).filter((r) => r.variable.toLowerCase() === m[1]!.toLowerCase());
  },
};

// ── ARM parameter files ──────────────────────────────────────────────────────────────────────────────────────

export const armParameters: Validator = {
  id: 'armParameters',
  tool: 'ajv-draft-04 (Azure/azure-resource-manager-schemas deploymentParameters.json 2019-04-01)',
  async validate(text) {
    const { value, problems } = jsonSyntax(text, { comments: true, trailingCommas: false });
    if (problems.length) return result(problems);
    const validate = armSchema();
    if (!validate(value)) problems.push(...ajvMessages(validate.errors).map((m) => `deploymentParameters.json: ${m}`));
    return result(problems);
  },
  async reads(text) {
    const value = jsonc.parse(text) as unknown;
    const params = isRecord(value) && isRecord(value.parameters) ? value.parameters : {};
    const reads: KeyVaultRead[] = [];
    for (const [param, p] of Object.entries(params)) {
      const ref = isRecord(p) && isRecord(p.reference) ? p.reference : undefined;
      if (!ref || !isRecord(ref.keyVault)) continue;
      const vault = /\/vaults\/([^/]+)$/i.exec(str(ref.keyVault.id ?? ''))?.[1]?.toLowerCase();
      reads.push({ vault, kind: 'secret', name: str(ref.secretName ?? ''), ...(ref.secretVersion ? { version: str(ref.secretVersion) } : {}), via: `parameter ${param}` });
    }
    return reads;
  },
};

// ── App Configuration (az appconfig kv import --profile appconfig/kvset) ────────────────────────────────────

/** The content type of a Key Vault reference (learn.microsoft.com/azure/azure-app-configuration/use-key-vault-references-dotnet-core). */
export const keyVaultRefContentType = 'application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8';

export const appConfigKvset: Validator = {
  id: 'appConfigKvset',
  tool: 'ajv (Azure/AppConfiguration KVSet.v1.0.0 + KeyVaultReference.v1.0.0 schemas)',
  async validate(text) {
    // `az appconfig kv import` reads the file with Python's json module: strict JSON, no comments.
    const { value, problems } = jsonSyntax(text, { comments: false, trailingCommas: false });
    if (problems.length) return result(problems);
    const kvset = kvsetSchema();
    if (!kvset(value)) return result(ajvMessages(kvset.errors).map((m) => `KVSet.v1.0.0.schema.json: ${m}`));
    const items = (value as { items: Record<string, unknown>[] }).items;
    const keys = new Set<string>();
    items.forEach((item, i) => {
      const id = `${str(item.key)}\u0000${str(item.label ?? '')}`;
      if (keys.has(id)) problems.push(`items/${i}: key '${str(item.key)}' with label ${JSON.stringify(item.label ?? null)} appears twice (the import keeps one)`);
      keys.add(id);
      if (str(item.content_type ?? '').toLowerCase().replace(/\s/g, '') !== keyVaultRefContentType) return;
      let ref: unknown;
      try {
        ref = JSON.parse(str(item.value));
      } catch {
        problems.push(`items/${i}: a Key Vault reference's value is not JSON`);
        return;
      }
      const validate = kvRefSchema();
      if (!validate(ref)) problems.push(...ajvMessages(validate.errors).map((m) => `items/${i} value: KeyVaultReference.v1.0.0.schema.json: ${m}`));
    });
    return result(problems);
  },
  async reads(text) {
    const value = jsonc.parse(text) as unknown;
    const items = isRecord(value) && Array.isArray(value.items) ? (value.items as unknown[]) : Array.isArray(value) ? value : isRecord(value) ? [value] : [];
    const reads: KeyVaultRead[] = [];
    for (const item of items) {
      if (!isRecord(item) || str(item.content_type ?? '').toLowerCase().replace(/\s/g, '') !== keyVaultRefContentType) continue;
      try {
        const uri = (JSON.parse(str(item.value)) as { uri?: string }).uri ?? '';
        const r = parseObjectId(uri, `key ${str(item.key)}`);
        if (r) reads.push(r);
      } catch {
        /* reported by validate */
      }
    }
    return reads;
  },
};

// ── appsettings.json / local.settings.json ───────────────────────────────────────────────────────────────────

const isLocalSettings = (fileName: string) => /(^|[\\/])local\.settings\.json$/i.test(fileName);
const appServiceRef = /@Microsoft\.KeyVault\(([^)]*)\)/;

function appServiceRead(value: string, via: string): KeyVaultRead | undefined {
  const m = appServiceRef.exec(value);
  if (!m) return undefined;
  const params = new Map(m[1]!.split(';').map((p) => { const i = p.indexOf('='); return [p.slice(0, i).trim().toLowerCase(), p.slice(i + 1).trim()] as const; }));
  const uri = params.get('secreturi');
  if (uri) return parseObjectId(uri, via);
  const name = params.get('secretname');
  if (!name) return undefined;
  const version = params.get('secretversion');
  return { vault: params.get('vaultname')?.toLowerCase(), kind: 'secret', name, ...(version ? { version } : {}), via };
}

/** Every string value with its configuration path (sections joined with `:`, as .NET's JSON provider does). */
function configurationEntries(value: unknown, prefix = ''): { path: string; key: string; section: string; value: string }[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}:${k}` : k;
    return typeof v === 'string' ? [{ path: p, key: k, section: prefix, value: v }] : configurationEntries(v, p);
  });
}

export const appSettings: Validator = {
  id: 'appSettings',
  tool: 'jsonc-parser + ajv (SchemaStore appsettings.json / local.settings.json)',
  async validate(text, fileName) {
    // .NET's JSON configuration provider skips comments and allows trailing commas (JsonDocumentOptions in
    // Microsoft.Extensions.Configuration.Json); the Functions host reads local.settings.json the same way.
    const { value, problems } = jsonSyntax(text, { comments: true, trailingCommas: true });
    if (problems.length) return result(problems);
    if (!isRecord(value)) return result(['JSON: a settings file is an object ({ … }), this is not']);
    const local = isLocalSettings(fileName);
    const validate = local ? localSettingsSchema() : appsettingsSchema();
    if (!validate(value)) problems.push(...ajvMessages(validate.errors).map((m) => `SchemaStore ${local ? 'local.settings' : 'appsettings'}.json: ${m}`));
    for (const e of configurationEntries(value)) {
      // A key inside a section that repeats the section: "ConnectionStrings": { "ConnectionStrings:Storage": … } is
      // the configuration key ConnectionStrings:ConnectionStrings:Storage
      // (learn.microsoft.com/aspnet/core/fundamentals/configuration: hierarchical keys, `:` separator).
      const last = e.section.split(':').pop() ?? '';
      if (e.section && e.key.toLowerCase().startsWith(`${last.toLowerCase()}:`)) {
        problems.push(`key "${e.key}" inside section "${e.section}" is the configuration key "${e.path}" (the section repeated); inside the section write "${e.key.slice(last.length + 1)}"`);
      }
      // local.settings.json Values become environment variables: no `:` in names (Linux); hierarchy is `__`
      // (SchemaStore's description of Values; learn.microsoft.com/azure/azure-functions/functions-app-settings).
      if (local && e.section === 'Values' && e.key.includes(':')) problems.push(`Values key "${e.key}" contains ':' (not allowed in an environment variable name on Linux): write "${e.key.replace(/:/g, '__')}"`);
    }
    return result(problems);
  },
  async reads(text) {
    const value = jsonc.parse(text) as unknown;
    return configurationEntries(value).flatMap((e) => {
      const r = appServiceRead(e.value, `setting ${e.path}`);
      return r ? [r] : [];
    });
  },
};

// ── Terraform ────────────────────────────────────────────────────────────────────────────────────────────────

const kvDataTypes: Record<string, 'secret' | 'key' | 'certificate'> = {
  azurerm_key_vault_secret: 'secret',
  azurerm_key_vault_key: 'key',
  azurerm_key_vault_certificate: 'certificate',
};

type HclBlocks = Record<string, Record<string, Record<string, unknown>[]>>;

async function terraformJson(text: string, fileName: string): Promise<{ data: HclBlocks; resource: HclBlocks }> {
  const json = await hcl2json().parse(path.basename(fileName), text);
  return { data: (json.data ?? {}) as HclBlocks, resource: (json.resource ?? {}) as HclBlocks };
}

/** The vault a `key_vault_id` expression names: an ARM id literal, or `(data.)azurerm_key_vault.X.id` whose `name` is a literal. */
function terraformVault(expr: unknown, tf: { data: HclBlocks; resource: HclBlocks }): string | undefined {
  const s = str(expr ?? '');
  const literal = /\/vaults\/([^/"${}]+)$/i.exec(s)?.[1];
  if (literal) return literal.toLowerCase();
  const m = /^\$\{(data\.)?azurerm_key_vault\.([\w-]+)\.id\}$/.exec(s.trim());
  if (!m) return undefined;
  const block = (m[1] ? tf.data : tf.resource).azurerm_key_vault?.[m[2]!]?.[0];
  const name = block?.name;
  return typeof name === 'string' && !name.includes('${') ? name.toLowerCase() : undefined;
}

export const terraform: Validator = {
  id: 'terraform',
  tool: '@cdktf/hcl2json (HashiCorp HCL parser, WebAssembly)',
  async validate(text, fileName) {
    let tf: { data: HclBlocks; resource: HclBlocks };
    try {
      tf = await terraformJson(text, fileName);
    } catch (e) {
      return result([`hcl2json: ${String((e as Error).message ?? e).replace(/\s+/g, ' ')}`]);
    }
    const problems: string[] = [];
    // Terraform: "Duplicate data "T" configuration: A T data resource named "L" was already declared"; hcl2json
    // keeps both blocks as an array.
    for (const [kind, blocks] of [['data', tf.data], ['resource', tf.resource]] as const) {
      for (const [type, byLabel] of Object.entries(blocks)) {
        for (const [label, list] of Object.entries(byLabel)) if (list.length > 1) problems.push(`duplicate ${kind} "${type}" "${label}" (declared ${list.length} times)`);
      }
    }
    for (const [type, byLabel] of Object.entries(tf.data)) {
      if (!(type in kvDataTypes)) continue;
      for (const [label, list] of Object.entries(byLabel)) {
        for (const block of list) {
          // azurerm provider docs (registry.terraform.io/providers/hashicorp/azurerm/latest/docs/data-sources/key_vault_secret): name and key_vault_id are required.
          for (const attr of ['name', 'key_vault_id']) if (!(attr in block)) problems.push(`data "${type}" "${label}" has no ${attr}`);
        }
      }
    }
    return result(problems);
  },
  async reads(text, fileName) {
    const tf = await terraformJson(text, fileName);
    const reads: KeyVaultRead[] = [];
    for (const [type, byLabel] of Object.entries(tf.data)) {
      const kind = kvDataTypes[type];
      if (!kind) continue;
      for (const [label, list] of Object.entries(byLabel)) {
        for (const b of list) reads.push({ vault: terraformVault(b.key_vault_id, tf), kind, name: str(b.name ?? ''), ...(b.version ? { version: str(b.version) } : {}), via: `data.${type}.${label}` });
      }
    }
    return reads;
  },
  async resolve(text, fileName, reference) {
    const m = /\bdata\.(azurerm_key_vault_(?:secret|key|certificate))\.([\w-]+)\b/.exec(reference);
    if (!m) return [];
    return (await terraform.reads(text, fileName)).filter((r) => r.via === `data.${m[1]}.${m[2]}`);
  },
};

// ── Kubernetes: Secrets Store CSI driver SecretProviderClass ────────────────────────────────────────────────

interface ProviderClass {
  readonly name: string | undefined;
  readonly parameters: Record<string, unknown>;
  readonly index: number;
}

function providerClasses(docs: YAML.Document.Parsed[]): ProviderClass[] {
  return docs.flatMap((d, index) => {
    const v = d.toJS() as unknown;
    if (!isRecord(v) || v.kind !== 'SecretProviderClass') return [];
    const spec = isRecord(v.spec) ? v.spec : {};
    return [{ name: isRecord(v.metadata) && typeof v.metadata.name === 'string' ? v.metadata.name : undefined, parameters: isRecord(spec.parameters) ? spec.parameters : {}, index }];
  });
}

/** `objects` is a YAML string whose `array` is a list of YAML strings, each an object (azure/secrets-store-csi-driver-provider-azure docs: "objects"). */
function csiObjects(c: ProviderClass): { items: Record<string, unknown>[]; problems: string[] } {
  const where = `SecretProviderClass ${c.name ?? `(document ${c.index + 1})`}`;
  const problems: string[] = [];
  const items: Record<string, unknown>[] = [];
  if (typeof c.parameters.objects !== 'string') return { items, problems: [`${where}: parameters.objects is not a string`] };
  const objects = YAML.parseDocument(c.parameters.objects);
  if (objects.errors.length) return { items, problems: objects.errors.map((e) => `${where}: parameters.objects: ${e.message.split('\n')[0]}`) };
  const value = objects.toJS() as unknown;
  if (!isRecord(value) || !Array.isArray(value.array)) return { items, problems: [`${where}: parameters.objects has no array`] };
  value.array.forEach((entry: unknown, i) => {
    if (typeof entry !== 'string') {
      problems.push(`${where}: objects array item ${i + 1} is not a string (each item is a YAML string: "- |")`);
      return;
    }
    const item = YAML.parseDocument(entry);
    const obj = item.toJS() as unknown;
    if (item.errors.length || !isRecord(obj)) {
      problems.push(`${where}: objects array item ${i + 1} does not parse: ${item.errors[0]?.message.split('\n')[0] ?? 'not a mapping'}`);
      return;
    }
    if (typeof obj.objectName !== 'string' || !obj.objectName) problems.push(`${where}: objects array item ${i + 1} has no objectName`);
    if (!['secret', 'key', 'cert'].includes(str(obj.objectType))) problems.push(`${where}: objects array item ${i + 1} objectType ${JSON.stringify(obj.objectType)} is not secret, key or cert`);
    items.push(obj);
  });
  return { items, problems };
}

export const csi: Validator = {
  id: 'csi',
  tool: 'yaml (parseAllDocuments) + SecretProviderClass checks',
  async validate(text) {
    const { docs, problems } = yamlDocuments(text);
    if (problems.length) return result(problems);
    const classes = providerClasses(docs);
    const names = new Map<string, number>();
    for (const c of classes) {
      const where = `SecretProviderClass ${c.name ?? `(document ${c.index + 1})`}`;
      if (!c.name) problems.push(`${where}: no metadata.name`);
      else names.set(c.name, (names.get(c.name) ?? 0) + 1);
      if (typeof c.parameters.keyvaultName !== 'string' || !c.parameters.keyvaultName) problems.push(`${where}: no parameters.keyvaultName`);
      if (!c.parameters.tenantId) problems.push(`${where}: no parameters.tenantId`);
      problems.push(...csiObjects(c).problems);
    }
    for (const [name, count] of names) if (count > 1) problems.push(`metadata.name '${name}' used by ${count} SecretProviderClass documents (the second replaces the first)`);
    // Other documents must be Kubernetes objects too (apiVersion + kind).
    docs.forEach((d, i) => {
      const v = d.toJS() as unknown;
      if (v === null || v === undefined) return;
      if (!isRecord(v) || typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') problems.push(`document ${i + 1} is not a Kubernetes object (no apiVersion/kind)`);
    });
    return result(problems);
  },
  async reads(text) {
    const { docs } = yamlDocuments(text);
    const types = { secret: 'secret', key: 'key', cert: 'certificate' } as const;
    return providerClasses(docs).flatMap((c) => {
      const vault = typeof c.parameters.keyvaultName === 'string' ? c.parameters.keyvaultName.toLowerCase() : undefined;
      return csiObjects(c).items.map((o) => ({
        vault, name: str(o.objectName), kind: types[str(o.objectType) as keyof typeof types], ...(o.objectVersion ? { version: str(o.objectVersion) } : {}), via: `SecretProviderClass ${c.name ?? '?'}`,
      }));
    });
  },
};

// ── Bicep and .bicepparam: structural, no real parser ────────────────────────────────────────────────────────
// No Bicep parser runs from npm offline: `bicep-node` only drives the Bicep CLI binary (downloaded from GitHub
// releases), `@azure/bicep` does not exist. So this is a STRUCTURAL check, not Bicep's compiler: brackets and
// strings balance; every top-level line is a declaration; every line of an object body is `key: value`; symbols
// (param/var/resource/module/output…) are unique (BCP028 "Identifier … is declared multiple times"); object keys
// unique (BCP025 "The property … is declared multiple times"). Syntax: learn.microsoft.com/azure/azure-resource-manager/bicep/file.

interface BicepScan {
  readonly problems: string[];
  readonly symbols: Map<string, { keyword: string; line: number; text: string }[]>;
  /** Each top-level statement's text (declarations). */
  readonly statements: { keyword: string; symbol: string; text: string }[];
}

const bicepKeywords = ['param', 'var', 'resource', 'module', 'output', 'type', 'func', 'metadata', 'import', 'targetScope', 'using', 'extends', 'extension', 'provider'];

function scanBicep(text: string): BicepScan {
  const problems: string[] = [];
  const stack: { ch: string; line: number; keys: Set<string> }[] = [];
  const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  const symbols = new Map<string, { keyword: string; line: number; text: string }[]>();
  const statements: { keyword: string; symbol: string; text: string }[] = [];
  let line = 1;
  let i = 0;
  let atLineStart = true;
  let statementStart = -1;
  let current: { keyword: string; symbol: string } | undefined;
  const closeStatement = (end: number) => {
    if (current && statementStart >= 0) statements.push({ ...current, text: text.slice(statementStart, end) });
    current = undefined;
    statementStart = -1;
  };
  while (i < text.length) {
    if (atLineStart) {
      atLineStart = false;
      const rest = text.slice(i, text.indexOf('\n', i) < 0 ? undefined : text.indexOf('\n', i));
      const trimmed = rest.trim();
      const top = stack[stack.length - 1];
      if (trimmed && !trimmed.startsWith('//') && !trimmed.startsWith('/*')) {
        if (!top) {
          closeStatement(i);
          const m = /^([A-Za-z_]\w*)(?:\s+([A-Za-z_]\w*))?/.exec(trimmed);
          if (trimmed.startsWith('@')) {
            /* decorator */
          } else if (!m || !bicepKeywords.includes(m[1]!)) problems.push(`line ${line}: "${trimmed.slice(0, 60)}" is not a declaration (a top-level line must be param, var, resource, module, output…)`);
          else if (m[2] && !['using', 'import', 'targetScope', 'extends', 'extension', 'provider'].includes(m[1]!)) {
            symbols.set(m[2], [...(symbols.get(m[2]) ?? []), { keyword: m[1]!, line, text: trimmed }]);
            current = { keyword: m[1]!, symbol: m[2] };
            statementStart = i;
          }
        } else if (top.ch === '{' && !trimmed.startsWith('}') && !trimmed.startsWith('@')) {
          const m = /^([A-Za-z_]\w*|'(?:[^'\\]|\\.)*')\s*:/.exec(trimmed);
          if (!m) problems.push(`line ${line}: "${trimmed.slice(0, 60)}" is not a property (an object body line must be key: value)`);
          else {
            const key = m[1]!.replace(/^'|'$/g, '');
            if (top.keys.has(key)) problems.push(`line ${line}: property '${key}' is declared twice in the same object`);
            top.keys.add(key);
          }
        }
      }
    }
    const c = text[i]!;
    if (c === '\n') {
      line++;
      atLineStart = true;
      i++;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) {
        problems.push(`line ${line}: unterminated /* comment`);
        break;
      }
      line += text.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end < 0) {
        problems.push(`line ${line}: unterminated ''' string`);
        break;
      }
      line += text.slice(i, end).split('\n').length - 1;
      i = end + 3;
    } else if (c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'" && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== "'") problems.push(`line ${line}: unterminated string`);
      i = j + 1;
    } else if (c === '{' || c === '[' || c === '(') {
      stack.push({ ch: c, line, keys: new Set() });
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      const open = stack.pop();
      if (!open || open.ch !== pairs[c]) {
        problems.push(`line ${line}: '${c}' does not close ${open ? `'${open.ch}' of line ${open.line}` : 'anything'}`);
        if (open) stack.push(open);
      }
      i++;
    } else i++;
  }
  closeStatement(text.length);
  for (const open of stack) problems.push(`line ${open.line}: '${open.ch}' is never closed`);
  for (const [symbol, decls] of symbols) if (decls.length > 1) problems.push(`symbol '${symbol}' declared ${decls.length} times (lines ${decls.map((d) => d.line).join(', ')})`);
  return { problems, symbols, statements };
}

/** Vault symbols: `resource S 'Microsoft.KeyVault/vaults@…' existing = { name: 'v' | aParam }` → vault name. */
function bicepVaultSymbols(scan: BicepScan): Map<string, string | undefined> {
  const params = new Map<string, string>();
  for (const s of scan.statements) {
    const m = /^param\s+\w+\s+string\s*=\s*'([^']*)'/.exec(s.text.trim());
    if (s.keyword === 'param' && m) params.set(s.symbol, m[1]!);
  }
  const vaults = new Map<string, string | undefined>();
  for (const s of scan.statements) {
    if (s.keyword !== 'resource' || !/'Microsoft\.KeyVault\/vaults@[^']*'\s+existing\b/i.test(s.text)) continue;
    const name = /\bname:\s*(?:'([^']*)'|([A-Za-z_]\w*))\s*$/m.exec(s.text);
    vaults.set(s.symbol, (name?.[1] ?? (name?.[2] ? params.get(name[2]) : undefined))?.toLowerCase());
  }
  return vaults;
}

function bicepGetSecretReads(text: string, vaults: Map<string, string | undefined>): KeyVaultRead[] {
  return [...text.matchAll(/\b([A-Za-z_]\w*)\.getSecret\(\s*'([^']+)'(?:\s*,\s*'([^']+)')?\s*\)/g)].map((m) => ({
    vault: vaults.has(m[1]!) ? vaults.get(m[1]!) : `(undeclared symbol ${m[1]})`, kind: 'secret' as const, name: m[2]!, ...(m[3] ? { version: m[3] } : {}), via: `${m[1]}.getSecret`,
  }));
}

export const bicep: Validator = {
  id: 'bicep',
  tool: 'structural, no real parser (no Bicep parser on npm)',
  async validate(text) {
    const scan = scanBicep(text);
    const problems = [...scan.problems];
    const vaults = bicepVaultSymbols(scan);
    for (const r of bicepGetSecretReads(text, vaults)) if (r.vault?.startsWith('(undeclared')) problems.push(`${r.via}('${r.name}'): ${r.vault}`);
    return result(problems);
  },
  async reads(text) {
    return bicepGetSecretReads(text, bicepVaultSymbols(scanBicep(text)));
  },
  async resolve(text, _fileName, reference) {
    return bicepGetSecretReads(reference, bicepVaultSymbols(scanBicep(text)));
  },
};

function azGetSecretReads(text: string): KeyVaultRead[] {
  return [...text.matchAll(/\baz\.getSecret\(([^)]*)\)/g)].map((m) => {
    const args = [...m[1]!.matchAll(/'([^']*)'/g)].map((a) => a[1]!);
    return { vault: args[2]?.toLowerCase(), kind: 'secret' as const, name: args[3] ?? '', ...(args[4] ? { version: args[4] } : {}), via: 'az.getSecret' };
  });
}

export const bicepparam: Validator = {
  id: 'bicepparam',
  tool: 'structural, no real parser (no Bicep parser on npm)',
  async validate(text) {
    const scan = scanBicep(text);
    const problems = [...scan.problems];
    // A parameters file names its template: `using './main.bicep'` (or `using none`) — Bicep reports a missing
    // one (learn.microsoft.com/azure/azure-resource-manager/bicep/parameter-files: "using statement").
    if (!/^\s*using\s+/m.test(text)) problems.push('no using declaration (a .bicepparam file must name its template: using \'./main.bicep\')');
    for (const m of text.matchAll(/\baz\.getSecret\(([^)]*)\)/g)) {
      const args = m[1]!.split(',').map((a) => a.trim());
      if (args.length < 4 || args.length > 5 || !args.every((a) => /^'[^']*'$/.test(a))) problems.push(`line ${lineOf(text, m.index)}: az.getSecret takes 4 or 5 string arguments (subscription, resource group, vault, secret[, version])`);
    }
    return result(problems);
  },
  async reads(text) {
    return azGetSecretReads(text);
  },
};

// ── .env ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const dotenvFile: Validator = {
  id: 'dotenv',
  tool: 'dotenv (parse) + key round-trip',
  async validate(text) {
    const problems: string[] = [];
    const parsed = dotenv.parse(text);
    text.split('\n').forEach((raw, i) => {
      const lineText = raw.replace(/\r$/, '');
      if (!lineText.trim() || lineText.trim().startsWith('#')) return;
      // dotenv's LINE expression: `[export ]KEY=value`; anything else is silently dropped.
      const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(lineText);
      if (!m) {
        problems.push(`line ${i + 1}: "${lineText.slice(0, 120)}" is not KEY=value (dotenv ignores it)`);
        return;
      }
      const [, key, rawValue] = m;
      const unquoted = rawValue!.trim().replace(/^(['"`])(.*)\1$/, '$2').replace(/\s+#.*$/, '');
      if (/^https:\/\//.test(unquoted) && parsed[key!] !== unquoted) problems.push(`line ${i + 1}: ${key} reads back as ${JSON.stringify(parsed[key!])}, not ${JSON.stringify(unquoted)}`);
    });
    const keys = text.split('\n').map((l) => /^\s*(?:export\s+)?([\w.-]+)\s*=/.exec(l)?.[1]).filter((k): k is string => !!k);
    for (const k of new Set(keys)) if (keys.filter((x) => x === k).length > 1) problems.push(`key ${k} set twice (the first wins in dotenv)`);
    return result(problems);
  },
  async reads(text) {
    return Object.entries(dotenv.parse(text)).flatMap(([k, v]) => {
      const r = parseObjectId(v.trim(), `variable ${k}`) ?? kvShortForm(v.trim(), `variable ${k}`);
      return r ? [r] : [];
    });
  },
};

/**
 * The extension's short form in a `.env.keyvault` value, `kv://{vault name or host}/{name}[/{version}]` (issue 20,
 * README "References"): dotenv itself only gives the string; this reads it the way Run / Debug resolve it.
 */
function kvShortForm(value: string, via: string): KeyVaultRead | undefined {
  const m = /^kv:\/\/([^/\s]+)\/([0-9a-zA-Z-]{1,127})(?:\/([0-9a-fA-F]{32}))?\/?$/.exec(value);
  if (!m) return undefined;
  const vault = /[.:[]/.test(m[1]!) ? vaultOfHost(m[1]!) : m[1]!.toLowerCase();
  return { vault, kind: 'secret', name: m[2]!, ...(m[3] ? { version: m[3].toLowerCase() } : {}), via };
}

// ── Key Vault URIs in any text ───────────────────────────────────────────────────────────────────────────────

const uriCandidates = (text: string) => [...text.matchAll(/https:\/\/[^\s"'`)<>\]]+\/(?:secrets|keys|certificates)\/[^\s"'`)<>\]]*/g)].map((m) => m[0]);

export const keyVaultUri: Validator = {
  id: 'keyVaultUri',
  tool: 'WHATWG URL (node:url) + Key Vault object identifier shape',
  async validate(text) {
    const problems: string[] = [];
    for (const uri of uriCandidates(text)) {
      try {
        new URL(uri);
      } catch {
        problems.push(`${uri}: not a URL`);
        continue;
      }
      // learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
      if (!objectIdPattern.test(uri)) problems.push(`${uri}: not a Key Vault object identifier (https://{vault}/{secrets|keys|certificates}/{name}[/{version}])`);
    }
    return result(problems);
  },
  async reads(text) {
    return uriCandidates(text).flatMap((u) => {
      const r = parseObjectId(u, u);
      return r ? [r] : [];
    });
  },
};

// ── C# (.NET configuration keys): structural, no real parser ─────────────────────────────────────────────────

export const csharp: Validator = {
  id: 'csharp',
  tool: 'structural, no real parser (brackets, string literals) + .NET key mapping',
  async validate(text) {
    const problems: string[] = [];
    const stack: { ch: string; line: number }[] = [];
    const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\n') line++;
      else if (text.startsWith('//', i)) i = Math.max(i, text.indexOf('\n', i) - 1 < 0 ? text.length : text.indexOf('\n', i) - 1);
      else if (text.startsWith('@"', i)) {
        const end = text.indexOf('"', i + 2);
        line += text.slice(i, end).split('\n').length - 1;
        i = end;
      } else if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
        // A regular C# string literal cannot span lines (CS1010 "Newline in constant").
        if (text[j] !== '"') problems.push(`line ${line}: newline in a string literal (CS1010)`);
        i = j;
      } else if ('{[('.includes(c)) stack.push({ ch: c, line });
      else if ('}])'.includes(c)) {
        const open = stack.pop();
        if (!open || open.ch !== pairs[c]) problems.push(`line ${line}: '${c}' does not close ${open ? `'${open.ch}' of line ${open.line}` : 'anything'}`);
      }
    }
    for (const open of stack) problems.push(`line ${open.line}: '${open.ch}' is never closed`);
    return result(problems);
  },
  boundVaults: (text) => [...text.matchAll(/AddAzureKeyVault\(\s*new\s+Uri\(\s*"https:\/\/([^/"]+)/g)].map((m) => vaultOfHost(m[1]!)),
  async reads(text) {
    // The Key Vault configuration provider (AddAzureKeyVault) maps a secret A--B to the key A:B
    // (learn.microsoft.com/aspnet/core/security/key-vault-configuration). The vault is the one added, if one.
    const vaults = [...text.matchAll(/AddAzureKeyVault\(\s*new\s+Uri\(\s*"https:\/\/([^/"]+)/g)].map((m) => vaultOfHost(m[1]!));
    const vault = vaults.length === 1 ? vaults[0] : vaults.length > 1 ? `(one of ${vaults.join(', ')})` : undefined;
    // A key names no kind: the provider loads secrets, a certificate through its secret.
    return [...text.matchAll(/\b(?:[Cc]onfiguration|config)\[\s*"([^"\n]+)"\s*\]/g)].map((m) => ({ vault, name: m[1]!.replace(/:/g, '--'), via: `configuration["${m[1]}"]` }));
  },
};

export const validators: Readonly<Record<EcosystemId, Validator>> = {
  githubActions,
  azurePipelines,
  armParameters,
  appConfigKvset,
  appSettings,
  terraform,
  csi,
  bicep,
  bicepparam,
  dotenv: dotenvFile,
  csharp,
  keyVaultUri,
};

/** The validator for a file, by its name (and, for YAML, what it contains). */
export function validatorFor(fileName: string, text = ''): Validator {
  const base = path.basename(fileName).toLowerCase();
  if (/[\\/]\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i.test(fileName)) return githubActions;
  if (/\.ya?ml$/.test(base)) return /^\s*kind:\s*SecretProviderClass\b/m.test(text) || /(spc|secretproviderclass)/.test(base) ? csi : azurePipelines;
  if (/\.parameters(\.[\w-]+)?\.json$/.test(base)) return armParameters;
  if (/^(appsettings(\.[\w-]+)?|local\.settings)\.json$/.test(base)) return appSettings;
  if (/\.json$/.test(base)) return appConfigKvset;
  if (base.endsWith('.tf')) return terraform;
  if (base.endsWith('.bicepparam')) return bicepparam;
  if (base.endsWith('.bicep')) return bicep;
  if (/^\.env(\.|$)/.test(base) || base.endsWith('.keyvault')) return dotenvFile;
  if (base.endsWith('.cs')) return csharp;
  return keyVaultUri;
}
