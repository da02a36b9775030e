// Azure Pipelines: `AzureKeyVault@2` (each secret becomes the variable `$(name)`); a pinned version, which the task
// cannot read, or a name another vault (or version) already sets, is read with `az keyvault secret show --id` in an
// `AzureCLI@2` task and set as a secret variable. Sources (checked 2026-12):
// - AzureKeyVault@2, the current version (inputs azureSubscription, KeyVaultName, SecretsFilter "comma separated list
//   of secret names", RunAsPreJob; "Values are retrieved as strings… a task variable connectionString is created"):
//   https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/azure-key-vault-v2
// - Logging commands (`##vso[task.setvariable variable=…;issecret=true]value`, one line each):
//   https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands — the task library escapes a
//   command's data as `%AZP25` (%), `%0D`, `%0A` and the agent unescapes it (microsoft/azure-pipelines-task-lib
//   node/taskcommand.ts), so a multi-line value (a PEM certificate) stays one command and whole.
// - Several tasks may share a displayName; none is given a `name:` (that one must be unique).
import * as l10n from '@vscode/l10n';
import { objectUri } from '../../names';
import { concat, field, tpl, type Template } from '../../template';
import type { ReferenceTarget } from '../../types';
import { afterColon, insideString, valuesOf, type Placement, type PlacementContext } from '../context';
import { always, asSecret, secretLike, type ReferenceFormat } from '../format';
import { isKeyVaultTask, pipelineTasks, scalarText } from './find';

const serviceConnection = field(1, 'service-connection');

/** A variable something in the file (or earlier in this insertion) sets: from which vault and version. */
interface VariableSource {
  readonly vault: string;
  readonly name: string;
  readonly version?: string;
  readonly variable: string;
}

/** Every Key Vault variable a pipeline sets: `AzureKeyVault@…` tasks and scripts this format wrote. */
export function pipelineVariables(text: string): VariableSource[] {
  const sources: VariableSource[] = [];
  for (const task of pipelineTasks(text)) {
    const value = (key: string) => scalarText(task.input(key));
    if (isKeyVaultTask(task)) {
      const vault = value('KeyVaultName').toLowerCase();
      for (const name of value('SecretsFilter').split(',').map((n) => n.trim()).filter((n) => n && n !== '*')) sources.push({ vault, name, variable: name });
    }
    const script = value('inlineScript');
    const read = /az keyvault secret show --id https:\/\/([^./\s]+)[^/\s]*\/secrets\/([\w-]+)(?:\/(\w+))?/.exec(script);
    const set = /##vso\[task\.setvariable variable=([\w.-]+)/.exec(script);
    if (read && set) sources.push({ vault: read[1]!.toLowerCase(), name: read[2]!, ...(read[3] ? { version: read[3] } : {}), variable: set[1]! });
  }
  return sources;
}

const sameSource = (s: VariableSource, t: ReferenceTarget) => s.vault === t.vaultName.toLowerCase() && s.name.toLowerCase() === t.name.toLowerCase() && (s.version ?? '') === (t.version ?? '');

/** The variable a target becomes: its name, unless another vault or version sets that name already. */
function variableFor(t: ReferenceTarget, sources: VariableSource[]): string {
  const same = sources.find((s) => sameSource(s, t));
  if (same) return same.variable;
  const taken = (v: string) => sources.some((s) => s.variable.toLowerCase() === v.toLowerCase());
  const candidates = [t.name, t.version ? `${t.name}-${t.version.slice(0, 8)}` : `${t.vaultName}-${t.name}`];
  let variable = candidates.find((c) => !taken(c));
  for (let n = 2; !variable; n++) if (!taken(`${t.name}-${n}`)) variable = `${t.name}-${n}`;
  return variable;
}

function pipelinesTask(targets: readonly ReferenceTarget[]): Template {
  const first = targets[0]!;
  return tpl`- task: AzureKeyVault@2
  displayName: Get secrets from ${first.vaultName}
  inputs:
    azureSubscription: '${serviceConnection}'
    KeyVaultName: '${first.vaultName}'
    SecretsFilter: '${targets.map((t) => t.name).join(',')}'
    RunAsPreJob: false`;
}

function pipelinesCliTask(t: ReferenceTarget, variable: string): Template {
  const what = `${t.name}${t.version ? ' (pinned version)' : ''} from ${t.vaultName}${variable === t.name ? '' : ` as $(${variable})`}`;
  return tpl`- task: AzureCLI@2
  displayName: Get ${what}
  inputs:
    azureSubscription: '${serviceConnection}'
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      value="$(az keyvault secret show --id ${objectUri(t, 'secret')} --query value --output tsv)"
      value="\${value//'%'/'%AZP25'}"; value="\${value//$'\\r'/'%0D'}"; value="\${value//$'\\n'/'%0A'}"
      echo "##vso[task.setvariable variable=${variable};issecret=true]$value"`;
}

/** One `AzureKeyVault@2` task per vault for the names it can set as they are; a CLI task for each of the others. */
function tasks(targets: readonly ReferenceTarget[], existing: readonly VariableSource[]): Template {
  const sources = [...existing];
  const byVault = new Map<string, ReferenceTarget[]>();
  const cli: [ReferenceTarget, string][] = [];
  for (const t of targets) {
    const variable = variableFor(t, sources);
    if (!sources.some((s) => sameSource(s, t))) sources.push({ vault: t.vaultName.toLowerCase(), name: t.name, ...(t.version ? { version: t.version } : {}), variable });
    if (t.version || variable !== t.name) cli.push([t, variable]);
    else byVault.set(t.vaultUrl, [...(byVault.get(t.vaultUrl) ?? []), t]);
  }
  return concat([...[...byVault.values()].map(pipelinesTask), ...cli.map(([t, v]) => pipelinesCliTask(t, v))], '\n');
}

function place(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const existing = pipelineVariables(ctx.text);
  if (afterColon(ctx) || insideString(ctx)) return { mode: 'value', template: valuesOf(azurePipelines, targets, (t) => [`$(${existing.find((s) => sameSource(s, t))?.variable ?? t.name})`]) };
  // An empty file becomes a pipeline of these steps (a pipeline may be just `steps:`).
  if (ctx.text.trim() === '') return { mode: 'entry', template: [`steps:\n`, ...tasks(targets, existing), '\n'] };
  return { mode: 'entry', template: tasks(targets, existing) };
}

export const azurePipelines: ReferenceFormat = {
  id: 'azurePipelines',
  get label(): string {
    return l10n.t('Azure Pipelines task');
  },
  detail: 'task: AzureKeyVault@2 → $(name)',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => [`$(${t.name})`],
  entry: (t) => tasks([t], []),
  entries: (targets) => tasks(targets, []),
  place,
};
