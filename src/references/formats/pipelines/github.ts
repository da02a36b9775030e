// GitHub Actions: one `run` step per vault reads each secret with the Azure CLI, masks it and makes it a step output
// (`${{ steps.<id>.outputs.<name> }}`). Sources (checked 2026-12):
// - Azure/get-keyvault-secrets, the action this replaces, is deprecated (README "Deprecation notice"; node12; only
//   AzureCloud/AzureStack): https://github.com/Azure/get-keyvault-secrets#deprecation-notice
// - Workflow commands, https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands:
//   "Masking a value in a log" (`::add-mask::{value}`, register it before it can reach the log; the example
//   "Masking a generated output within a single job" masks, then writes to $GITHUB_OUTPUT), "Multiline strings"
//   (`{name}<<{delimiter}` … `{delimiter}`, a delimiter that never occurs as a line of the value) and "Setting an
//   output parameter" (multi-line outputs use the same form). A workflow command is one stdout line, so a multi-line
//   value (a PEM certificate, read through its secret) is masked line by line.
// - Step ids: letters, digits, `_`, `-`, starting with a letter or `_`, unique within a job (GitHub's own
//   @actions/workflow-parser: "The identifier '…' may not be used more than once within the same scope").
// - azure/login (https://github.com/Azure/login#environment): `az` uses the identity and the cloud of that login;
//   sovereign clouds need its `environment` input (AzureUSGovernment, AzureChinaCloud). The Azure CLI is on
//   GitHub-hosted runners; `shell: bash` so the same script runs on Windows runners too.
import * as l10n from '@vscode/l10n';
import { objectUri } from '../../names';
import { concat, tpl, type Template } from '../../template';
import type { ReferenceTarget } from '../../types';
import { afterColon, insideString, lineAfter, lineBefore, valuesOf, type Insertion, type Placement, type PlacementContext } from '../context';
import { always, asSecret, secretLike, type ReferenceFormat } from '../format';
import { jobAt, outputDelimiter, stepAt, workflowJobs, type StepRead, type WorkflowJob, type WorkflowStep } from './workflow';

export { outputDelimiter };

const knownSuffixes = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net', 'vault.microsoftazure.de'];

/** `--vault-name/--name` where the host is the vault's name in a cloud `az` knows; `--id` for a pinned version or another host. */
function showArguments(t: ReferenceTarget): string {
  const host = new URL(t.vaultUrl).host.toLowerCase();
  const byName = knownSuffixes.some((s) => host === `${t.vaultName.toLowerCase()}.${s}`);
  return t.version || !byName ? `--id ${objectUri(t, 'secret')}` : `--vault-name ${t.vaultName} --name ${t.name}`;
}

/** The vault as an existing step names it: `--vault-name` (lower case) or the host of `--id`. */
const vaultKeys = (t: ReferenceTarget): string[] => [t.vaultName.toLowerCase(), new URL(t.vaultUrl).host.toLowerCase()];

/** Reads one secret into `output`: masked line by line, written in the multi-line form. */
export function readLines(t: ReferenceTarget, output: string): string[] {
  return [
    `value="$(az keyvault secret show ${showArguments(t)} --query value --output tsv)"`,
    'while IFS= read -r line; do if [ -n "$line" ]; then echo "::add-mask::$line"; fi; done <<< "$value"',
    `printf '${output}<<${outputDelimiter}\\n%s\\n${outputDelimiter}\\n' "$value" >> "$GITHUB_OUTPUT"`,
  ];
}

const loginNote = '# Needs a prior azure/login step: az reads with its identity and its cloud (China, US Gov: its environment input).';

/** A step reading `reads` (target and output name) of one vault. */
function step(id: string, reads: readonly (readonly [ReferenceTarget, string])[]): Template {
  const lines = [loginNote, ...reads.flatMap(([t, output]) => readLines(t, output))];
  return tpl`- name: Get secrets from ${reads[0]![0].vaultName}
  id: ${id}
  shell: bash
  run: |
    ${lines.join('\n    ')}`;
}

/** `kv-<vault>`: a valid step id (the vault name is letters, digits and hyphens). */
export const defaultStepId = (t: ReferenceTarget): string => `kv-${t.vaultName.replace(/[^\w-]/g, '-')}`.slice(0, 90);

/** The expression of an output: `.name`, or `['name']` where the name is not an identifier (starts with a digit). */
const expression = (id: string, output: string) => `\${{ steps.${id}.outputs${/^[a-zA-Z_]/.test(output) ? `.${output}` : `['${output}']`} }}`;

function byVault(targets: readonly ReferenceTarget[]): ReferenceTarget[][] {
  const groups = new Map<string, ReferenceTarget[]>();
  for (const t of targets) groups.set(t.vaultUrl, [...(groups.get(t.vaultUrl) ?? []), t]);
  return [...groups.values()];
}

/** What one vault's targets become: an existing step of ours that gets more lines, or a new step. */
interface VaultPlan {
  readonly id: string;
  readonly existing?: WorkflowStep;
  /** Targets to add (with their output names) and the output of every target. */
  readonly adds: (readonly [ReferenceTarget, string])[];
  readonly outputs: Map<ReferenceTarget, string>;
}

const sameRead = (r: StepRead, t: ReferenceTarget) => vaultKeys(t).includes(r.vault) && r.name.toLowerCase() === t.name.toLowerCase() && (r.version ?? '') === (t.version ?? '');

/** Output names unique within the step: the secret's name, else `<name>-<version prefix>` / `<name>-latest`, else numbered. */
function outputName(t: ReferenceTarget, taken: Set<string>): string {
  const candidates = [t.name, `${t.name}-${t.version ? t.version.slice(0, 8) : 'latest'}`];
  let name = candidates.find((c) => !taken.has(c.toLowerCase()));
  for (let n = 2; !name; n++) if (!taken.has(`${t.name}-${n}`.toLowerCase())) name = `${t.name}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Plans every vault: reuse the job's step of ours for that vault (one that `before` allows), else a new unique id. */
function plan(targets: readonly ReferenceTarget[], job: WorkflowJob | undefined, ids: Set<string>, usable: (s: WorkflowStep) => boolean): VaultPlan[] {
  return byVault(targets).map((group) => {
    const keys = vaultKeys(group[0]!);
    const existing = job?.steps.find((s) => s.id && s.runBlock && usable(s) && s.reads.some((r) => keys.includes(r.vault)));
    const taken = new Set((existing?.reads ?? []).map((r) => r.output.toLowerCase()));
    const outputs = new Map<ReferenceTarget, string>();
    const adds: (readonly [ReferenceTarget, string])[] = [];
    for (const t of group) {
      const already = existing?.reads.find((r) => sameRead(r, t)) ?? [...outputs].find(([o]) => o.vaultUrl === t.vaultUrl && o.name === t.name && o.version === t.version);
      const output = already ? ('output' in already ? already.output : already[1]) : outputName(t, taken);
      outputs.set(t, output);
      if (!already) adds.push([t, output]);
    }
    if (existing) return { id: existing.id!, existing, adds, outputs };
    let id = defaultStepId(group[0]!);
    for (let n = 2; ids.has(id.toLowerCase()); n++) id = `${defaultStepId(group[0]!)}-${n}`;
    ids.add(id.toLowerCase());
    return { id, adds, outputs };
  });
}

/** Lines appended to an existing step's `run:` block. */
const appendTo = (s: WorkflowStep, adds: readonly (readonly [ReferenceTarget, string])[]): Insertion => ({
  offset: s.runBlock!.append,
  text: adds.flatMap(([t, o]) => readLines(t, o)).map((l) => `\n${s.runBlock!.indent}${l}`).join(''),
});

const newSteps = (plans: readonly VaultPlan[]): Template => concat(plans.filter((p) => !p.existing).map((p) => step(p.id, p.adds)), '\n');

/** Every step id of the job (of every job when the cursor is in none), lower case. */
function stepIds(jobs: readonly WorkflowJob[], job: WorkflowJob | undefined): Set<string> {
  return new Set((job ? [job] : jobs).flatMap((j) => j.steps).flatMap((s) => (s.id ? [s.id.toLowerCase()] : [])));
}

/** Indents a template (every line) by `pad` spaces. */
const padded = (template: Template, pad: number): Template => (pad > 0 ? tpl`${' '.repeat(pad)}${template.map((p) => (typeof p === 'string' ? p.replace(/\n/g, `\n${' '.repeat(pad)}`) : p))}` : template);

/** The text of a template placed as plain lines at `column` (for an insertion elsewhere). */
const asLines = (template: Template, column: number): string =>
  template.map((p) => (typeof p === 'string' ? p : p.text)).join('').split('\n').map((l) => `${' '.repeat(column)}${l}\n`).join('');

function mergeExtras(extras: readonly Insertion[]): Insertion[] | undefined {
  const byOffset = new Map<number, string>();
  for (const x of extras) byOffset.set(x.offset, (byOffset.get(x.offset) ?? '') + x.text);
  return byOffset.size ? [...byOffset].sort(([a], [b]) => a - b).map(([offset, text]) => ({ offset, text })) : undefined;
}

/** The end of the line a step's last character is on (where a step after it starts, on a new line). */
function afterStep(text: string, s: WorkflowStep): number {
  const last = text.slice(0, s.end).replace(/\s+$/, '').length;
  const eol = text.indexOf('\n', last);
  return eol < 0 ? text.length : eol;
}

/**
 * Steps on lines of their own, in the job's step list with the list's indentation: at the cursor on a blank line of
 * the list (padded to the list's column), else as lines inserted before the step the cursor is in, after the step
 * whose line it ends, at its blank line, or after the list's last item when the cursor is outside the list.
 */
function placeEntries(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const jobs = workflowJobs(ctx.text);
  const job = jobAt(jobs, ctx.offset);
  const plans = plan(targets, job, stepIds(jobs, job), () => true);
  const extras: Insertion[] = plans.filter((p) => p.existing && p.adds.length).map((p) => appendTo(p.existing!, p.adds));
  const steps = newSteps(plans);
  const done = (template: Template): Placement => ({ mode: 'entry', template, ...(extras.length ? { extras: mergeExtras(extras) } : {}) });
  if (!steps.length) return done([]);
  if (!job?.stepsRegion) return done(steps);
  const before = lineBefore(ctx);
  const rest = lineAfter(ctx);
  const inList = job.stepsRegion[0] < ctx.offset && ctx.offset <= job.stepsRegion[1];
  const inside = stepAt(job, ctx.offset);
  const lines = asLines(steps, job.itemColumn);
  if (!inList) extras.push({ offset: job.appendAt, text: `\n${lines.replace(/\n$/, '')}` });
  else if (before.trim() !== '') {
    if (inside) extras.push({ offset: afterStep(ctx.text, inside), text: `\n${lines.replace(/\n$/, '')}` });
    else if (job.steps[0]) extras.push({ offset: job.steps[0].lineStart, text: lines });
    else return done(steps);
  } else if (inside && ctx.offset > inside.lineStart && ctx.offset < inside.end) extras.push({ offset: inside.lineStart, text: lines });
  else if (before.length <= job.itemColumn || job.steps.length === 0) {
    const template = padded(steps, job.itemColumn - before.length);
    return done(rest.trim() ? [...template, '\n'] : template);
  } else extras.push({ offset: ctx.offset - before.length, text: lines });
  return done([]);
}

/** A value: the output of the job's step of ours for that vault (given the secret if it lacks it), else of a new step before the current one. */
function placeValues(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const jobs = workflowJobs(ctx.text);
  const job = jobAt(jobs, ctx.offset);
  const current = job && stepAt(job, ctx.offset);
  if (!job) return { mode: 'value', template: valuesOf(githubActions, targets) };
  const plans = plan(targets, job, stepIds(jobs, job), (s) => !current || s.end <= current.lineStart);
  const extras: Insertion[] = plans.filter((p) => p.existing && p.adds.length).map((p) => appendTo(p.existing!, p.adds));
  const steps = newSteps(plans);
  if (steps.length) {
    const at = current ? current.lineStart : job.stepsRegion ? job.appendAt : undefined;
    if (at !== undefined) extras.push(current ? { offset: at, text: asLines(steps, job.itemColumn) } : { offset: at, text: `\n${asLines(steps, job.itemColumn).replace(/\n$/, '')}` });
  }
  const idOf = (t: ReferenceTarget) => plans.find((p) => p.outputs.has(t))!;
  const template = valuesOf(githubActions, targets, (t) => [expression(idOf(t).id, idOf(t).outputs.get(t)!)]);
  return { mode: 'value', template, ...(extras.length ? { extras: mergeExtras(extras) } : {}) };
}

/** azure/login's `environment` for a sovereign vault host (https://github.com/Azure/login#environment). */
function loginEnvironment(targets: readonly ReferenceTarget[]): string | undefined {
  const hosts = targets.map((t) => new URL(t.vaultUrl).hostname.toLowerCase());
  if (hosts.some((h) => h.endsWith('.vault.azure.cn'))) return 'AzureChinaCloud';
  if (hosts.some((h) => h.endsWith('.vault.usgovcloudapi.net'))) return 'AzureUSGovernment';
  if (hosts.some((h) => h.endsWith('.vault.microsoftazure.de'))) return 'AzureGermanCloud';
  return undefined;
}

/** An empty file becomes a workflow: OIDC login as azure/login's README shows it, then the steps. */
function workflow(targets: readonly ReferenceTarget[]): Template {
  const environment = loginEnvironment(targets);
  return tpl`on:
  workflow_dispatch:
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}${environment ? `\n          environment: ${environment}` : ''}
      ${newSteps(plan(targets, undefined, new Set(), () => false)).map((p) => (typeof p === 'string' ? p.replace(/\n/g, '\n      ') : p))}
`;
}

export const githubActions: ReferenceFormat = {
  id: 'githubActions',
  get label(): string {
    return l10n.t('GitHub Actions step');
  },
  detail: 'run: az keyvault secret show → ${{ steps.<id>.outputs.<name> }}',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => [expression(defaultStepId(t), t.name)],
  entry: (t) => step(defaultStepId(t), [[t, t.name]]),
  entries: (targets) => newSteps(plan(targets, undefined, new Set(), () => false)),
  // After `key:` or inside quotes a value — but after `steps:` the steps themselves.
  place: (ctx, targets) => ctx.text.trim() === '' ? { mode: 'entry', template: workflow(targets) } : ((afterColon(ctx) && !/^\s*-?\s*steps:\s*$/.test(lineBefore(ctx))) || insideString(ctx) ? placeValues(ctx, targets) : placeEntries(ctx, targets)),
};
