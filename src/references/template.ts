// A reference as text with tab stops: rendered as plain text (golden tests, parsing) or as snippet syntax
// (inserted with the tab stops where the user must fill something in).

/** A tab stop with its default text; the same index twice is one field (mirrored). `0` is the final cursor. */
export interface TabStop {
  readonly tabStop: number;
  readonly text: string;
}

export type Part = string | TabStop;
export type Template = readonly Part[];

/** A placeholder the user fills in. */
export function field(tabStop: number, text: string): TabStop {
  return { tabStop, text };
}

/** Tagged template: `tpl\`"${field(1, 'Name')}": "${value}"\`` — strings are literal, nested templates flatten. */
export function tpl(strings: TemplateStringsArray, ...values: readonly (string | TabStop | Template)[]): Template {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push(s);
    if (i < values.length) {
      const v = values[i]!;
      if (typeof v === 'string') parts.push(v);
      else if (Array.isArray(v)) parts.push(...(v as Template));
      else parts.push(v as TabStop);
    }
  });
  return normalise(parts);
}

/** Merges adjacent strings (so equal templates compare equal). */
function normalise(parts: readonly Part[]): Template {
  const out: Part[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

/** The text with every placeholder at its default. */
export function toText(template: Template): string {
  return template.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** VS Code snippet syntax (`${1:default}`), literal text escaped. */
export function toSnippet(template: Template): string {
  const seen = new Set<number>();
  return template
    .map((p) => {
      if (typeof p === 'string') return escapeSnippet(p);
      if (seen.has(p.tabStop)) return `\${${p.tabStop}}`;
      seen.add(p.tabStop);
      return p.text ? `\${${p.tabStop}:${escapeSnippet(p.text)}}` : `\${${p.tabStop}}`;
    })
    .join('');
}

export function maxTabStop(template: Template): number {
  return template.reduce((m, p) => (typeof p === 'string' ? m : Math.max(m, p.tabStop)), 0);
}

/** Shifts the tab stops of a template (to join several without their fields merging). */
export function shift(template: Template, by: number): Template {
  return template.map((p) => (typeof p === 'string' || p.tabStop === 0 ? p : { tabStop: p.tabStop + by, text: p.text }));
}

/** Several templates, one after the other, each keeping its own fields. */
export function join(templates: readonly Template[], separator: string): Template {
  const parts: Part[] = [];
  let offset = 0;
  templates.forEach((t, i) => {
    if (i > 0) parts.push(separator);
    parts.push(...shift(t, offset));
    offset += maxTabStop(t);
  });
  return normalise(parts);
}

/** Indents every line but the first (snippets are re-indented by VS Code from the insertion line). */
export function indent(template: Template, prefix: string): Template {
  return normalise(template.map((p) => (typeof p === 'string' ? p.replace(/\n/g, `\n${prefix}`) : p)));
}

/** Templates one after the other, tab stops unchanged (the caller numbered them). */
export function concat(templates: readonly Template[], separator: string): Template {
  const parts: Part[] = [];
  templates.forEach((t, i) => {
    if (i > 0) parts.push(separator);
    parts.push(...t);
  });
  return normalise(parts);
}
