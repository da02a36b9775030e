#!/usr/bin/env node
// Renders what the reliability tests observed (out/reliability/<section>.json, written by
// test/reliability/recorder.ts) into the generated blocks of docs/RELIABILITY.md:
//   <!-- generated:<section> --> … <!-- /generated:<section> -->
//   node scripts/reliability-doc.mjs --write   rewrite the blocks of every section this run produced
//   node scripts/reliability-doc.mjs --check   exit 1 when a block differs from what this run produced
// A section whose JSON this run did not produce is left alone (and not checked): scripts/test.mjs clears
// out/reliability before the layers run, so `npm test -- --only unit` checks the bad-input block only.
// Options: --dir DIR (default out/reliability), --doc FILE (default docs/RELIABILITY.md).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Sections shown as one line per cell (input, invalid value, message) rather than a grid. */
const LIST_SECTIONS = { 'bad-input': ['Input', 'Invalid value', 'Message'] };
/** The first header of a grid section. */
const GRID_CORNER = { matrix: 'Command · data-layer op', listings: 'Listing · call', 'token-refresh': 'Listing · call' };

/**
 * One table cell: on one line, `|` escaped everywhere (GFM splits cells before it parses code spans), and outside
 * code spans the characters Markdown would read as markup (`<vault-name>` as HTML, `__proto__` as bold).
 */
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]]/g, '\\$&').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
    .replace(/\|/g, '\\|');

/** The Markdown of one section (without the markers). */
export function renderSection(data) {
  const lines = [];
  const list = LIST_SECTIONS[data.section];
  if (list) {
    lines.push(`| ${list.join(' | ')} |`, `|${list.map(() => '---').join('|')}|`);
    for (const row of data.rows) {
      // In the order the test recorded them (labels are quoted text, never integer-like keys JSON would reorder).
      Object.keys(row.cells).forEach((column, i) => {
        lines.push(`| ${i === 0 ? cell(row.name) : ''} | ${cell(column)} | ${cell(row.cells[column])} |`);
      });
    }
    const count = data.rows.reduce((n, r) => n + Object.keys(r.cells).length, 0);
    lines.push('', `${count} invalid values of ${data.rows.length} inputs (test/unit/bad-input.test.ts).`);
  } else {
    lines.push(`| ${[GRID_CORNER[data.section] ?? '', ...data.columns].map(cell).join(' | ')} |`, `|${['', ...data.columns].map(() => '---').join('|')}|`);
    for (const row of data.rows) lines.push(`| ${[row.name, ...data.columns.map((c) => row.cells[c] ?? '—')].map(cell).join(' | ')} |`);
    const outcomes = data.rows.flatMap((r) => Object.values(r.cells));
    const marked = (mark) => outcomes.filter((o) => o.startsWith(mark)).length;
    const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push('', `${count(data.rows.length, 'row')} × ${count(data.columns.length, 'column')}, ${count(outcomes.length, 'cell')} observed: ${marked('✔')} ✔, ${marked('✘')} ✘, ${marked('❌')} ❌.`);
  }
  return lines.join('\n');
}

function markers(section) {
  return { open: `<!-- generated:${section} -->`, close: `<!-- /generated:${section} -->` };
}

/** The text between a section's markers, or undefined when the doc has no such block. */
function blockOf(doc, section) {
  const { open, close } = markers(section);
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return { start: start + open.length, end, text: doc.slice(start + open.length, end) };
}

const wrap = (markdown) => `\n${markdown}\n`;

export function produced(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** The first differing line of two texts, for the message. */
function firstDifference(want, have) {
  const a = want.split('\n');
  const b = have.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `  line ${i + 1} of the block\n    this run: ${a[i] ?? '(nothing)'}\n    the doc:  ${b[i] ?? '(nothing)'}`;
  }
  return '';
}

function main() {
  const { values } = util.parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      dir: { type: 'string', default: path.join(ROOT, 'out', 'reliability') },
      doc: { type: 'string', default: path.join(ROOT, 'docs', 'RELIABILITY.md') },
    },
  });
  if (values.write === values.check) {
    console.error('usage: node scripts/reliability-doc.mjs --write | --check [--dir out/reliability] [--doc docs/RELIABILITY.md]');
    process.exit(2);
  }
  const docName = path.relative(ROOT, values.doc) || values.doc;
  const sections = produced(values.dir);
  if (sections.length === 0) {
    console.log(`reliability doc: this run recorded nothing in ${path.relative(ROOT, values.dir) || values.dir}; nothing to ${values.write ? 'write' : 'check'}`);
    return;
  }
  let doc = fs.readFileSync(values.doc, 'utf8');
  const missing = sections.filter((s) => blockOf(doc, s.section) === undefined).map((s) => s.section);
  if (missing.length) {
    const hint = missing.map((s) => `${markers(s).open}\n${markers(s).close}`).join('\n');
    console.error(`${docName} has no block for: ${missing.join(', ')} — add the markers where the table goes:\n${hint}`);
    process.exit(1);
  }
  const stale = [];
  for (const s of sections) {
    const block = blockOf(doc, s.section);
    const want = wrap(renderSection(s));
    if (block.text === want) continue;
    stale.push(`${s.section}\n${firstDifference(want, block.text)}`);
    doc = doc.slice(0, block.start) + want + doc.slice(block.end);
  }
  const names = sections.map((s) => s.section).join(', ');
  if (values.check) {
    if (stale.length) {
      console.error(`${docName} is stale: run npm run docs:reliability\n  block(s) that differ from this run: ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`reliability doc: checked ${sections.length} block(s) (${names}) — up to date`);
    return;
  }
  if (stale.length) fs.writeFileSync(values.doc, doc);
  console.log(`reliability doc: ${stale.length ? `updated ${stale.length} block(s) of ${docName}` : `${docName} is up to date`} (${names})`);
}

if (import.meta.url === `file://${process.argv[1]}` || fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) main();
