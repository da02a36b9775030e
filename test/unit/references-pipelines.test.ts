// GitHub Actions and Azure Pipelines references placed into real documents and judged by the real tools: GitHub's
// own workflow parser (@actions/workflow-parser: parseWorkflow + convertWorkflowTemplate, errors accumulate in
// context.errors) for every workflow written, `yaml` for pipelines; plus what the parser does not check — the
// expression of a value names a step of the same job that runs before it and reads that secret of that vault.
import * as assert from 'node:assert/strict';
import { register } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as YAML from 'yaml';
import { placeReferences, toText, type FormatId, type PlacementContext, type ReferenceTarget } from '../../src/references';
import { outputDelimiter } from '../../src/references/formats/pipelines/github';
import { hostCases, target, version } from './references-cases';
import { repoRoot } from './repoRoot';

interface WorkflowParser {
  parseWorkflow: (file: { name: string; content: string }, trace: unknown) => { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  convertWorkflowTemplate: (context: unknown, root: unknown) => Promise<{ errors?: { Message: string }[] }>;
  NoOperationTraceWriter: new () => unknown;
}

/**
 * The parser ships as ES modules importing JSON without import attributes (made for bundlers): a load hook adds
 * them for its JSON files; `import()` through Function so that tsc's CommonJS output keeps it an import.
 */
let parser: Promise<WorkflowParser> | undefined;
function workflowParser(): Promise<WorkflowParser> {
  if (!parser) {
    const hook = `export async function load(url, context, next) {
      return url.endsWith('.json') && url.includes('/@actions/') ? next(url, { ...context, importAttributes: { type: 'json' } }) : next(url, context);
    }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- an import() tsc leaves alone (it would become require())
    const load = new Function('s', 'return import(s)') as (s: string) => Promise<WorkflowParser>;
    parser = load(pathToFileURL(path.join(repoRoot, 'node_modules', '@actions', 'workflow-parser', 'dist', 'index.js')).href);
  }
  return parser;
}

async function parserErrors(content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await workflowParser();
  const parsed = parseWorkflow({ name: 'ci.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!errors.length && parsed.value) errors.push(...((await convertWorkflowTemplate(parsed.context, parsed.value)).errors ?? []).map((e) => e.Message));
  return errors;
}

/** Text with `‸` at the cursor → the context and the text without it. */
function at(marked: string, path = '/w/.github/workflows/ci.yml'): PlacementContext {
  const offset = marked.indexOf('‸');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset, languageId: 'yaml', path };
}

/** The document after the placement, applied as VS Code applies it (extras first, snippet lines re-indented to the cursor's line). */
function apply(ctx: PlacementContext, format: FormatId, targets: readonly ReferenceTarget[]): string {
  const placement = placeReferences(ctx, format, targets);
  const lineStart = ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1;
  const lead = /^[ \t]*/.exec(ctx.text.slice(lineStart, ctx.offset))![0];
  const inserted = toText(placement.template).replace(/\n/g, `\n${lead}`);
  const edits = [...(placement.extras ?? []).map((x, i) => ({ ...x, order: i })), { offset: ctx.offset, text: inserted, order: Infinity }];
  edits.sort((a, b) => b.offset - a.offset || b.order - a.order);
  let text = ctx.text;
  for (const e of edits) text = text.slice(0, e.offset) + e.text + text.slice(e.offset);
  return text;
}

interface Step {
  id?: string;
  run?: string;
}

const jobSteps = (text: string, job = 'build'): Step[] => ((YAML.parse(text) as { jobs: Record<string, { steps?: Step[] }> }).jobs[job]!.steps ?? []);

/** How the step names the secret: by vault and name in a cloud az knows, else (a pinned version, the emulator) by its id. */
const sourceOf = (t: ReferenceTarget) =>
  !t.version && /^[\w-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)$/.test(new URL(t.vaultUrl).host)
    ? `--vault-name ${t.vaultName} --name ${t.name}`
    : `--id ${t.vaultUrl}/secrets/${t.name}${t.version ? `/${t.version}` : ''}`;

/** The output `${{ steps.<id>.outputs.<name> }}` resolves: a step of the job with that id reads that secret of that vault into it. */
function resolves(text: string, expression: string, t: ReferenceTarget, usedBy?: number): void {
  const m = /^\$\{\{ steps\.([\w-]+)\.outputs(?:\.([\w-]+)|\['([\w-]+)'\]) \}\}$/.exec(expression);
  assert.ok(m, expression);
  const steps = jobSteps(text);
  const index = steps.findIndex((s) => s.id === m[1]);
  assert.ok(index >= 0, `no step ${m[1]} in\n${text}`);
  if (usedBy !== undefined) assert.ok(index < usedBy, 'the step runs before the one using its output');
  const run = steps[index]!.run!;
  const output = m[2] ?? m[3]!;
  const source = sourceOf(t);
  const block = run.split('\n').findIndex((l) => l.includes(`az keyvault secret show ${source} `));
  assert.ok(block >= 0, `${m[1]} reads ${source}:\n${run}`);
  assert.ok(run.split('\n')[block + 1]!.includes('echo "::add-mask::$line"'), 'masked line by line');
  assert.equal(run.split('\n')[block + 2], `printf '${output}<<${outputDelimiter}\\n%s\\n${outputDelimiter}\\n' "$value" >> "$GITHUB_OUTPUT"`);
}

async function valid(text: string): Promise<void> {
  assert.deepEqual(await parserErrors(text), [], text);
  for (const job of Object.values((YAML.parse(text) as { jobs: Record<string, { steps?: Step[] }> }).jobs)) {
    const ids = (job.steps ?? []).flatMap((s) => (s.id ? [s.id] : []));
    assert.equal(new Set(ids).size, ids.length, `unique step ids: ${ids.join(', ')}`);
  }
}

const [pub, china, usgov, emulator] = hostCases as [typeof hostCases[0], typeof hostCases[0], typeof hostCases[0], typeof hostCases[0]];
const one = target(pub, undefined);
const apiKey = target(pub, undefined, { name: 'api-key' });
const other = { ...target(usgov, undefined), vaultUrl: 'https://fabrikam-kv.vault.usgovcloudapi.net', vaultName: 'fabrikam-kv' };
const pinned = target(pub, version);
const cert = target(pub, undefined, { kind: 'certificate', name: 'web-cert' });
const targetSets: [string, ReferenceTarget[]][] = [
  ['one secret', [one]],
  ['several secrets of one vault', [one, apiKey]],
  ['secrets of two vaults (db-password in both)', [one, apiKey, other]],
  ['a pinned version', [pinned]],
  ['a certificate', [cert]],
  ['a China vault, the emulator', [target(china, undefined), target(emulator, undefined)]],
];

const empty = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n';
const existing = [
  'on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:',
  '      - uses: actions/checkout@v4', '      - id: build', '        run: make', '      - id: keyvault', '        name: Old step', '        run: echo hi',
  '%CURSOR%', '      - name: Deploy', '        run: ./deploy.sh', '',
].join('\n');
const documents: [string, string][] = [
  ['empty workflow, cursor indented under steps:', `${empty}      ‸`],
  ['empty workflow, cursor at column 0', `${empty}‸`],
  ['empty workflow, cursor at the end of steps:', `${empty.replace(/\n$/, '')}‸\n`],
  ['existing workflow, blank line in the list', existing.replace('%CURSOR%', '      ‸')],
  ['existing workflow, after Enter inside a step (deeper)', existing.replace('%CURSOR%', '        ‸')],
  ['existing workflow, column 0', existing.replace('%CURSOR%', '‸')],
  ['existing workflow, end of a step line', existing.replace('        run: echo hi\n%CURSOR%\n', '        run: echo hi‸\n')],
  ['existing workflow, start of a step line', existing.replace('%CURSOR%\n      - name: Deploy', '‸      - name: Deploy')],
];

describe('GitHub Actions references, validated by @actions/workflow-parser', function () {
  this.timeout(20000);

  it('the parser rejects what the old output did (duplicate ids) and accepts hyphens in ids and outputs', async () => {
    const dup = `${empty}      - id: keyvault\n        run: echo\n      - id: keyvault\n        run: echo\n`;
    assert.match((await parserErrors(dup)).join('\n'), /The identifier 'keyvault' may not be used more than once within the same scope/);
    assert.deepEqual(await parserErrors(`${empty}      - id: kv-a\n        run: echo\n      - run: echo "\${{ steps.kv-a.outputs.db-password }} \${{ steps.kv-a.outputs['1pw'] }}"\n`), []);
  });

  for (const [docName, marked] of documents) {
    for (const [setName, targets] of targetSets) {
      it(`${docName} × ${setName}`, async () => {
        const ctx = at(marked);
        const text = apply(ctx, 'githubActions', targets);
        await valid(text);
        const before = jobSteps(ctx.text).length;
        const vaults = new Set(targets.map((t) => t.vaultUrl)).size;
        assert.equal(jobSteps(text).length, before + vaults, 'one step per vault');
        for (const t of targets) {
          const reader = jobSteps(text).find((s) => s.run?.includes(`az keyvault secret show ${sourceOf(t)} `));
          assert.ok(reader?.id, `a step reads ${t.name} of ${t.vaultName}:\n${text}`);
          resolves(text, `\${{ steps.${reader.id}.outputs.${t.name} }}`, t);
        }
      });
    }
  }

  it('writes the step: az keyvault secret show, masked per line, the multi-line output form, the azure/login note', () => {
    const text = toText(placeReferences(at(`${empty}      ‸`), 'githubActions', [cert]).template);
    assert.equal(text, [
      '- name: Get secrets from contoso-kv',
      '  id: kv-contoso-kv',
      '  shell: bash',
      '  run: |',
      '    # Needs a prior azure/login step: az reads with its identity and its cloud (China, US Gov: its environment input).',
      '    value="$(az keyvault secret show --vault-name contoso-kv --name web-cert --query value --output tsv)"',
      '    while IFS= read -r line; do if [ -n "$line" ]; then echo "::add-mask::$line"; fi; done <<< "$value"',
      `    printf 'web-cert<<${outputDelimiter}\\n%s\\n${outputDelimiter}\\n' "$value" >> "$GITHUB_OUTPUT"`,
    ].join('\n'));
  });

  it('adds a secret to the step it wrote for the same vault (an insertion in its script), not a second step', async () => {
    const first = apply(at(`${empty}      ‸`), 'githubActions', [one]);
    const ctx = at(`${first}\n      - run: echo done\n      ‸`);
    const placement = placeReferences(ctx, 'githubActions', [apiKey, other]);
    assert.equal(placement.extras?.length, 1);
    const text = apply(ctx, 'githubActions', [apiKey, other]);
    await valid(text);
    assert.deepEqual(jobSteps(text).map((s) => s.id), ['kv-contoso-kv', undefined, 'kv-fabrikam-kv']);
    resolves(text, '${{ steps.kv-contoso-kv.outputs.api-key }}', apiKey);
    resolves(text, '${{ steps.kv-contoso-kv.outputs.db-password }}', one);
    // The same secret again adds nothing; a pinned version of it gets an output of its own.
    assert.equal(apply(at(`${text}\n      ‸`), 'githubActions', [one]), `${text}\n      `);
    const again = apply(at(`${text}\n      ‸`), 'githubActions', [pinned]);
    await valid(again);
    resolves(again, '${{ steps.kv-contoso-kv.outputs.db-password-01234567 }}', pinned);
  });

  it('gives a new step an id no step of the job has (kv-<vault>-2)', async () => {
    const text = apply(at(`${empty}      - id: kv-contoso-kv\n        run: echo\n      ‸`), 'githubActions', [one]);
    await valid(text);
    resolves(text, '${{ steps.kv-contoso-kv-2.outputs.db-password }}', one);
  });

  it('a value: the expression of the step that reads it, the step inserted before the current one when missing', async () => {
    const base = `${empty}      - id: build\n        run: make\n      - name: Use\n        env:\n          PW: ‸\n        run: echo`;
    const ctx = at(base);
    const placement = placeReferences(ctx, 'githubActions', [one]);
    assert.equal(placement.mode, 'value');
    assert.equal(toText(placement.template), '${{ steps.kv-contoso-kv.outputs.db-password }}');
    const text = apply(ctx, 'githubActions', [one]);
    await valid(text);
    resolves(text, '${{ steps.kv-contoso-kv.outputs.db-password }}', one, jobSteps(text).findIndex((s) => s.run === 'echo'));
    // Next time the same step is reused, and given the secret it lacks.
    const next = at(text.replace('run: echo', 'run: echo "‸"'));
    const second = placeReferences(next, 'githubActions', [apiKey]);
    assert.equal(toText(second.template), '${{ steps.kv-contoso-kv.outputs.api-key }}');
    const after = apply(next, 'githubActions', [apiKey]);
    await valid(after);
    assert.equal(jobSteps(after).length, 3);
    resolves(after, '${{ steps.kv-contoso-kv.outputs.api-key }}', apiKey, 2);
  });

  it('an empty file becomes a workflow: OIDC azure/login (with the sovereign environment), then one step per vault', async () => {
    const text = apply(at('‸'), 'githubActions', [one, other]);
    await valid(text);
    const steps = (YAML.parse(text) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> }).jobs.deploy!.steps;
    assert.equal(steps[0]!.uses, 'azure/login@v2');
    assert.equal(steps[0]!.with!.environment, 'AzureUSGovernment');
    assert.equal(steps.length, 3);
    assert.doesNotMatch(apply(at('‸'), 'githubActions', [one]), /environment:/);
  });

  it('names an output that is no identifier with the index syntax', async () => {
    const digit = target(pub, undefined, { name: '1password' });
    const ctx = at(`${empty}      - run: echo "‸"\n`);
    const text = apply(ctx, 'githubActions', [digit]);
    await valid(text);
    assert.match(text, /\$\{\{ steps\.kv-contoso-kv\.outputs\['1password'\] \}\}/);
  });
});

describe('Azure Pipelines references', () => {
  const pipeline = 'trigger: none\npool:\n  vmImage: ubuntu-latest\nsteps:\n‸';
  const tasksOf = (text: string) => (YAML.parse(text) as { steps: { task: string; displayName: string; inputs: Record<string, string> }[] }).steps;

  it('AzureKeyVault@2 per vault; a name another vault sets already becomes a CLI task with a variable of its own', () => {
    const ctx = at(pipeline, '/w/azure-pipelines.yml');
    const text = apply(ctx, 'azurePipelines', [one, apiKey, other]);
    const tasks = tasksOf(text);
    assert.deepEqual(tasks.map((t) => t.task), ['AzureKeyVault@2', 'AzureCLI@2']);
    assert.equal(tasks[0]!.inputs.SecretsFilter, 'db-password,api-key');
    assert.match(tasks[1]!.inputs.inlineScript!, /variable=fabrikam-kv-db-password;issecret=true/);
    assert.equal(tasks[1]!.displayName, 'Get db-password from fabrikam-kv as $(fabrikam-kv-db-password)');
    // In a file that already sets $(db-password) from contoso-kv: fabrikam's goes to its own variable, the value says so.
    assert.match(toText(placeReferences(at(`${text}\n‸`, '/w/azure-pipelines.yml'), 'azurePipelines', [other]).template), /variable=fabrikam-kv-db-password;/);
    assert.equal(toText(placeReferences(at(`${text}\n- script: echo "‸"`, '/w/azure-pipelines.yml'), 'azurePipelines', [other]).template), '$(fabrikam-kv-db-password)');
  });

  it('an empty file becomes a pipeline of the tasks', () => {
    const text = apply(at('‸', '/w/azure-pipelines.yml'), 'azurePipelines', [one, pinned]);
    assert.deepEqual(tasksOf(text).map((t) => t.task), ['AzureKeyVault@2', 'AzureCLI@2']);
    assert.equal(tasksOf(text)[1]!.inputs.inlineScript!.includes('variable=db-password-01234567;'), true, 'a pinned version of a name the task sets gets its own variable');
  });

  it('a pinned version (a certificate too) is escaped for the logging command: a multi-line value stays one command', () => {
    const text = apply(at(pipeline, '/w/azure-pipelines.yml'), 'azurePipelines', [{ ...cert, version }]);
    const script = tasksOf(text)[0]!.inputs.inlineScript!;
    assert.equal(script.split('\n')[1], `value="\${value//'%'/'%AZP25'}"; value="\${value//$'\\r'/'%0D'}"; value="\${value//$'\\n'/'%0A'}"`);
    assert.match(script, new RegExp(`--id https://contoso-kv.vault.azure.net/secrets/web-cert/${version} `));
  });
});
