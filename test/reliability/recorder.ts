// The reliability recorder: tests of any layer record what they OBSERVED per cell (a row, a column, an outcome
// sentence), appended to out/reliability/<section>.json; scripts/reliability-doc.mjs renders those files into
// the generated blocks of docs/RELIABILITY.md (`--check` fails `npm test` when the doc differs from the run).
// Pure node (fs, path): unit, integration and e2e suites may import it. Outcomes must be deterministic (no
// timings, no generated names), so the same code gives the same document.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RecordedRow {
  readonly name: string;
  /** Column → outcome. */
  readonly cells: Record<string, string>;
}

export interface RecordedSection {
  readonly section: string;
  /** Columns in the order they were first recorded. */
  readonly columns: string[];
  /** Rows in the order they were first recorded. */
  readonly rows: RecordedRow[];
}

const SECTION = /^[a-z0-9][a-z0-9-]*$/;

/** The checkout's root: the nearest folder up from here whose package.json is this extension's. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'azure-keyvault-explorer') return dir;
    if (path.dirname(dir) === dir) throw new Error(`the recorder found no checkout above ${__dirname}`);
  }
}

/** Where the section files go: `RELIABILITY_OUT`, else `<checkout>/out/reliability`. */
export function reliabilityDir(): string {
  return process.env.RELIABILITY_OUT ?? path.join(repoRoot(), 'out', 'reliability');
}

export function sectionFile(section: string, dir = reliabilityDir()): string {
  if (!SECTION.test(section)) throw new Error(`a section is lower-case letters, digits and hyphens (got ${JSON.stringify(section)})`);
  return path.join(dir, `${section}.json`);
}

/** The section as recorded so far (empty when nothing was). */
export function readSection(section: string, dir = reliabilityDir()): RecordedSection {
  const file = sectionFile(section, dir);
  if (!fs.existsSync(file)) return { section, columns: [], rows: [] };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedSection;
}

/** One line of text: the document is a Markdown table, so no line breaks. */
function oneLine(text: string, what: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  if (!line) throw new Error(`record(): the ${what} is empty`);
  return line;
}

/**
 * Records the outcome of one cell (a later record of the same cell replaces it; new rows and columns keep the
 * order they were first recorded in). Synchronous, and written through a temporary file, so a reader never sees
 * half a file.
 */
export function record(section: string, row: string, column: string, outcome: string, dir = reliabilityDir()): void {
  const file = sectionFile(section, dir);
  const [r, c, o] = [oneLine(row, 'row'), oneLine(column, 'column'), oneLine(outcome, 'outcome')];
  const current = readSection(section, dir);
  const columns = current.columns.includes(c) ? current.columns : [...current.columns, c];
  const existing = current.rows.find((x) => x.name === r);
  const rows = existing
    ? current.rows.map((x) => (x === existing ? { name: r, cells: { ...x.cells, [c]: o } } : x))
    : [...current.rows, { name: r, cells: { [c]: o } }];
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ section, columns, rows } satisfies RecordedSection, null, 2)}\n`);
  fs.renameSync(tmp, file);
}
