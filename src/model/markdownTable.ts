// Markdown tables of the pure reports (bulk previews, Compare Vaults, Show My Access): cells of prose escaped, names
// as code spans, columns padded so a report reads as a table in the text editor too.

/** A table cell of prose: Markdown's special characters escaped, one line. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** A key or a name as a code span (shown as written, `|` escaped for the table), one line. */
export function code(text: string): string {
  if (text === '') return '';
  const body = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = body.includes('`') ? '``' : '`';
  return body.includes('`') ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/** A Markdown table, its columns padded so it reads as a table in the text editor too (right-aligned where `right`). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const widths = headers.map((h, i) => Math.min(40, Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)];
}
