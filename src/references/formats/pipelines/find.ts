// The Key Vault tasks of an Azure Pipelines file, read with the `yaml` document model (shared by the references
// parser and the writer's `pipelineVariables`): every `task:` with its `inputs` (input names are case-insensitive),
// and the references of `AzureKeyVault@…` tasks — each name of `SecretsFilter` ("comma separated list of secret
// names", `*` for all: not a reference) is a secret of the `KeyVaultName` vault, and becomes the variable `$(name)`.
// Source: https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/azure-key-vault-v2 (see ./azure.ts).
// Pure: no vscode.
import { isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { FoundReference } from '../../types';
import { objectNamePattern, vaultNamePattern } from '../../patterns';

export interface PipelineTask {
  /** `AzureKeyVault@2`, `AzureCLI@2`… */
  readonly task: string;
  /** The scalar of an input (case-insensitive name), if the task has it. */
  input(name: string): Scalar | undefined;
}

/** Every task of the pipeline (in steps of jobs of stages, templates' steps…), in document order; none when the text is not YAML. */
export function pipelineTasks(text: string): PipelineTask[] {
  const tasks: PipelineTask[] = [];
  const visit = (node: unknown): void => {
    if (isSeq(node)) node.items.forEach(visit);
    if (!isMap(node)) return;
    const task = node.get('task');
    const inputs = node.get('inputs', true);
    if (typeof task === 'string' && isMap(inputs)) {
      const input = (name: string) => {
        const value = inputs.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === name.toLowerCase())?.value;
        return isScalar(value) ? value : undefined;
      };
      tasks.push({ task, input });
    }
    for (const pair of node.items) visit(pair.value);
  };
  try {
    visit(parseDocument(text, { uniqueKeys: false }).contents);
  } catch {
    /* not YAML yet: no task */
  }
  return tasks;
}

/** A scalar's value as text ('' for none, null or a non-scalar value). */
export const scalarText = (s: Scalar | undefined): string => (typeof s?.value === 'string' ? s.value : typeof s?.value === 'number' || typeof s?.value === 'boolean' ? String(s.value) : '');

export const isKeyVaultTask = (t: PipelineTask): boolean => /^AzureKeyVault@\d+$/i.test(t.task.trim());


/** The names of `SecretsFilter` with their offsets in the text (a scalar whose source is not its value, e.g. folded, has none). */
export function filterEntries(text: string, filter: Scalar | undefined): { name: string; start: number }[] {
  if (!filter?.range || typeof filter.value !== 'string') return [];
  const value = filter.value;
  const source = text.slice(filter.range[0], filter.range[1]);
  const lead = /^['"]/.test(source) ? 1 : 0;
  if (source.slice(lead, lead + value.length) !== value) return [];
  const entries: { name: string; start: number }[] = [];
  let at = filter.range[0] + lead;
  for (const part of value.split(',')) {
    const name = part.trim();
    if (name && name !== '*') entries.push({ name, start: at + part.indexOf(name) });
    at += part.length + 1;
  }
  return entries;
}

/** The references of `AzureKeyVault@…` tasks: one per name of `SecretsFilter`, its span the name itself. */
export function findPipelineReferences(text: string): FoundReference[] {
  if (!/AzureKeyVault@/i.test(text)) return [];
  return pipelineTasks(text).filter(isKeyVaultTask).flatMap((t) => {
    const vault = scalarText(t.input('KeyVaultName')).trim();
    if (!vaultNamePattern.test(vault)) return [];
    return filterEntries(text, t.input('SecretsFilter'))
      .filter((e) => objectNamePattern.test(e.name))
      .map((e): FoundReference => ({
        format: 'azurePipelines', start: e.start, end: e.start + e.name.length, nameStart: e.start, nameEnd: e.start + e.name.length,
        vault: { by: 'name', name: vault }, kind: 'secret', name: e.name,
      }));
  });
}
