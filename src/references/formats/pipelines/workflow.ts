// A GitHub Actions workflow as the placement needs it, read with the `yaml` document model: its jobs, the step
// list of each (where it starts, its indentation), every step id, and the steps this extension wrote (a `run:`
// block that reads Key Vault secrets with `az keyvault secret show` and writes them to $GITHUB_OUTPUT). Pure.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

/** One secret an existing step reads and the output it writes it to. */
export interface StepRead {
  /** `--vault-name` (lower case), or the host of `--id`. */
  readonly vault: string;
  readonly name: string;
  readonly version?: string;
  readonly output: string;
}

export interface WorkflowStep {
  readonly id?: string;
  /** Offset of the start of the line of the item's `-`. */
  readonly lineStart: number;
  /** Offset just after the item (its last character). */
  readonly end: number;
  /** The `run:` block scalar of a step this format wrote (bash, our delimiter): where its last line ends, its indentation. */
  readonly runBlock?: { readonly append: number; readonly indent: string };
  readonly reads: readonly StepRead[];
}

export interface WorkflowJob {
  readonly name: string;
  /** From the job's key to the next job's key (or the end of the text). */
  readonly start: number;
  readonly end: number;
  /** From the `steps:` key to the next key of the job (or the job's end); undefined when the job has no steps key. */
  readonly stepsRegion?: readonly [number, number];
  /** Column of the items' `-` (existing list) or where a new list's items go (`steps:` column + 2). */
  readonly itemColumn: number;
  /** Where a step appended to the list goes (after the last item, or after `steps:`). */
  readonly appendAt: number;
  readonly steps: readonly WorkflowStep[];
}

/** Ends a multi-line output of the steps this format writes; random-looking so that no secret has it as a line of its own. */
export const outputDelimiter = 'KV_EOF_3f9c2a7d51e84b06';

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (text: string, offset: number): number => offset - lineStartOf(text, offset);
const keyName = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const startOf = (node: unknown): number | undefined => ((node as Node | null)?.range ? (node as Node).range![0] : undefined);

/** Reads and outputs of a script this extension wrote: an `az keyvault secret show` line, then the line writing its output. */
export function scriptReads(script: string): StepRead[] {
  const reads: StepRead[] = [];
  let pending: Omit<StepRead, 'output'> | undefined;
  for (const line of script.split('\n')) {
    const show = /az keyvault secret show (?:--vault-name (\S+) --name ([\w-]+)|--id https:\/\/([^/\s]+)\/secrets\/([\w-]+)(?:\/(\w+))?)/.exec(line);
    if (show) {
      pending = show[1] ? { vault: show[1].toLowerCase(), name: show[2]! } : { vault: show[3]!.toLowerCase(), name: show[4]!, ...(show[5] ? { version: show[5] } : {}) };
      continue;
    }
    const output = /^\s*(?:printf|echo)\s+["']?([\w-]+)(?:<<|=).*>>\s*"?\$GITHUB_OUTPUT/.exec(line);
    if (output && pending) {
      reads.push({ ...pending, output: output[1]! });
      pending = undefined;
    }
  }
  return reads;
}

function stepOf(text: string, item: unknown, seqColumn: number): WorkflowStep | undefined {
  if (!isMap(item) || !item.range) return undefined;
  const dash = text.lastIndexOf('-', item.range[0]);
  const lineStart = lineStartOf(text, dash >= 0 && columnOf(text, dash) === seqColumn ? dash : item.range[0]);
  const id = item.get('id');
  const run = item.get('run', true);
  let runBlock: WorkflowStep['runBlock'];
  let reads: StepRead[] = [];
  if (isScalar(run) && typeof run.value === 'string' && run.range) {
    reads = scriptReads(run.value);
    if (run.type === 'BLOCK_LITERAL' && run.value.includes(outputDelimiter) && item.get('shell') === 'bash') {
      const source = text.slice(run.range[0], run.range[1]);
      const firstLine = source.split('\n').slice(1).find((l) => l.trim() !== '');
      if (firstLine) runBlock = { append: run.range[0] + source.replace(/\s+$/, '').length, indent: /^\s*/.exec(firstLine)![0] };
    }
  }
  return { ...(typeof id === 'string' ? { id } : {}), lineStart, end: item.range[1], ...(runBlock ? { runBlock } : {}), reads };
}

/** The jobs of a workflow (empty when the text has no `jobs:` mapping). */
export function workflowJobs(text: string): WorkflowJob[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return [];
  const pairs = jobs.items.filter((p) => startOf(p.key) !== undefined);
  return pairs.map((pair, i) => {
    const start = startOf(pair.key)!;
    const end = i + 1 < pairs.length ? lineStartOf(text, startOf(pairs[i + 1]!.key)!) : Math.max(jobs.range?.[2] ?? text.length, text.length);
    const body = pair.value;
    const keys = isMap(body) ? body.items.filter((p) => startOf(p.key) !== undefined) : [];
    const stepsIndex = keys.findIndex((p) => keyName(p) === 'steps');
    const stepsPair = keys[stepsIndex];
    if (!stepsPair) return { name: keyName(pair) ?? '', start, end, itemColumn: columnOf(text, start) + 4, appendAt: end, steps: [] };
    const stepsKey = startOf(stepsPair.key)!;
    const next = keys[stepsIndex + 1];
    const stepsRegion: [number, number] = [stepsKey, next ? lineStartOf(text, startOf(next.key)!) : end];
    const seq = stepsPair.value;
    if (isSeq(seq) && seq.range && seq.items.length) {
      const itemColumn = columnOf(text, seq.range[0]);
      const steps = seq.items.map((item) => stepOf(text, item, itemColumn)).filter((s): s is WorkflowStep => !!s);
      const last = text.slice(0, Math.min(seq.range[1], stepsRegion[1])).replace(/\s+$/, '').length;
      return { name: keyName(pair) ?? '', start, end, stepsRegion, itemColumn, appendAt: last, steps };
    }
    const keyLineEnd = text.indexOf('\n', stepsKey);
    return { name: keyName(pair) ?? '', start, end, stepsRegion, itemColumn: columnOf(text, stepsKey) + 2, appendAt: keyLineEnd < 0 ? text.length : keyLineEnd, steps: [] };
  });
}

/** The job the offset is in: the last job whose key starts before it. */
export function jobAt(jobs: readonly WorkflowJob[], offset: number): WorkflowJob | undefined {
  return [...jobs].reverse().find((j) => j.start <= offset && offset <= j.end);
}

/** The step the offset is in (from its `-` line to its last character). */
export function stepAt(job: WorkflowJob, offset: number): WorkflowStep | undefined {
  return job.steps.find((s) => s.lineStart <= offset && offset <= s.end);
}
