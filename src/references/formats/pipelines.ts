// CI pipelines. GitHub Actions: `Azure/get-keyvault-secrets@v1` (outputs `steps.<id>.outputs.<name>`); Azure
// Pipelines: `AzureKeyVault@2` (each secret becomes `$(name)`). Neither task can pin a version: a versioned
// reference reads that version with `az keyvault secret show --id` and publishes it masked.
import * as l10n from '@vscode/l10n';
import { objectUri } from '../names';
import { concat, field, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, asEntries, asValue, insideString, type Placement, type PlacementContext } from './context';
import { always, same, secretLike, type ReferenceFormat } from './format';

const stepId = field(1, 'keyvault');
const serviceConnection = field(1, 'service-connection');

function byVault(targets: readonly ReferenceTarget[]): ReferenceTarget[][] {
  const groups = new Map<string, ReferenceTarget[]>();
  for (const t of targets) groups.set(t.vaultUrl, [...(groups.get(t.vaultUrl) ?? []), t]);
  return [...groups.values()];
}

function githubStep(targets: readonly ReferenceTarget[]): Template {
  const first = targets[0]!;
  return tpl`- name: Get secrets from ${first.vaultName}
  id: ${stepId}
  uses: Azure/get-keyvault-secrets@v1
  with:
    keyvault: ${first.vaultName}
    secrets: '${targets.map((t) => t.name).join(',')}'`;
}

function githubPinnedStep(t: ReferenceTarget): Template {
  return tpl`- name: Get ${t.name} (pinned version) from ${t.vaultName}
  id: ${stepId}
  shell: bash
  run: |
    value="$(az keyvault secret show --id ${objectUri(t, 'secret')} --query value --output tsv)"
    echo "::add-mask::$value"
    echo "${t.name}=$value" >> "$GITHUB_OUTPUT"`;
}

/** After `key:` or inside quotes: the expression; elsewhere a step of its own. */
function placeStep(format: ReferenceFormat, ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  return afterColon(ctx) || insideString(ctx) ? asValue(format, targets) : asEntries(format, targets);
}

/** Unversioned targets of one vault share a step; each pinned version gets its own. */
function steps(targets: readonly ReferenceTarget[], shared: (ts: ReferenceTarget[]) => Template, pinned: (t: ReferenceTarget) => Template): Template {
  const parts: Template[] = [];
  for (const group of byVault(targets.filter((t) => !t.version))) parts.push(shared(group));
  for (const t of targets.filter((t) => t.version)) parts.push(pinned(t));
  return concat(parts, '\n');
}

export const githubActions: ReferenceFormat = {
  id: 'githubActions',
  get label(): string {
    return l10n.t('GitHub Actions step');
  },
  detail: 'uses: Azure/get-keyvault-secrets@v1 → ${{ steps.<id>.outputs.<name> }}',
  kinds: secretLike,
  versionable: always,
  textKind: same,
  value: (t) => tpl`\${{ steps.${stepId}.outputs.${t.name} }}`,
  entry: (t) => (t.version ? githubPinnedStep(t) : githubStep([t])),
  entries: (targets) => steps(targets, githubStep, githubPinnedStep),
  place: (ctx, targets) => placeStep(githubActions, ctx, targets),
};

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

function pipelinesPinnedTask(t: ReferenceTarget): Template {
  return tpl`- task: AzureCLI@2
  displayName: Get ${t.name} (pinned version) from ${t.vaultName}
  inputs:
    azureSubscription: '${serviceConnection}'
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      value="$(az keyvault secret show --id ${objectUri(t, 'secret')} --query value --output tsv)"
      echo "##vso[task.setvariable variable=${t.name};issecret=true]$value"`;
}

export const azurePipelines: ReferenceFormat = {
  id: 'azurePipelines',
  get label(): string {
    return l10n.t('Azure Pipelines task');
  },
  detail: 'task: AzureKeyVault@2 → $(name)',
  kinds: secretLike,
  versionable: always,
  textKind: same,
  value: (t) => [`$(${t.name})`],
  entry: (t) => (t.version ? pipelinesPinnedTask(t) : pipelinesTask([t])),
  entries: (targets) => steps(targets, pipelinesTask, pipelinesPinnedTask),
  place: (ctx, targets) => placeStep(azurePipelines, ctx, targets),
};
