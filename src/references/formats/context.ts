// Where the cursor is and what an insertion there needs: shared by every format's `place` (pure). A format owns its
// whole behaviour — render, place into the document at hand, parse back — and uses these to read the cursor's line.
import { join, toText, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import type { ReferenceFormat } from './format';

export interface PlacementContext {
  readonly text: string;
  /** Where the insertion starts (the start of the selection). */
  readonly offset: number;
  /** Where it ends (the end of the selection; `offset` when nothing is selected). */
  readonly endOffset?: number;
  readonly languageId: string;
  readonly path: string;
}

export interface Placement {
  readonly mode: 'value' | 'entry';
  /** Replaces the selection. */
  readonly template: Template;
  /**
   * More edits elsewhere, as plain text inserted at offsets of the original text (never inside the selection): the
   * comma JSON needs, a declaration a value needs, items appended to an existing block.
   */
  readonly extras?: readonly Insertion[];
}

export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

export function lineBefore(ctx: PlacementContext): string {
  return ctx.text.slice(ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1, ctx.offset);
}

/** The rest of the line after the selection (its end), without the line break. */
export function lineAfter(ctx: PlacementContext): string {
  const end = ctx.endOffset ?? ctx.offset;
  const eol = ctx.text.indexOf('\n', end);
  return ctx.text.slice(end, eol < 0 ? undefined : eol);
}

/** True when the offset is inside a double-quoted string of its line. */
export function insideString(ctx: PlacementContext): boolean {
  let open = false;
  const before = lineBefore(ctx);
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '\\') i++;
    else if (before[i] === '"') open = !open;
  }
  return open;
}

export const afterColon = (ctx: PlacementContext): boolean => /:\s*$/.test(lineBefore(ctx));
export const afterEquals = (ctx: PlacementContext): boolean => /=\s*$/.test(lineBefore(ctx));
export const isJsonDocument = (ctx: PlacementContext): boolean => /^jsonc?$/.test(ctx.languageId) || /\.json$/i.test(ctx.path);
/** The offset after the text's last non-blank character (where something is appended). */
export const endOfContent = (ctx: PlacementContext): number => ctx.text.replace(/\s+$/, '').length;

/** A JSON entry needs a comma after the previous value and, before a following one, a comma of its own. */
export function jsonEntry(ctx: PlacementContext, template: Template): Placement {
  const before = ctx.text.slice(0, ctx.offset).replace(/\s+$/, '');
  const after = ctx.text.slice(ctx.endOffset ?? ctx.offset).replace(/^\s+/, '');
  const needsLeading = before.length > 0 && /["}\]\d]$|\b(true|false|null)$/.test(before);
  const trailing = /^["{]/.test(after) ? ',' : '';
  return {
    mode: 'entry',
    template: trailing ? [...template, trailing] : template,
    ...(needsLeading ? { extras: [{ offset: before.length, text: ',' }] } : {}),
  };
}

/** Values of several targets, one a line (one target: its value with its tab stops). */
export function valuesOf(format: ReferenceFormat, targets: readonly ReferenceTarget[], render: (t: ReferenceTarget) => Template = (t) => format.value(t)): Template {
  return targets.length === 1 ? render(targets[0]!) : tpl`${targets.map((t) => toText(render(t))).join('\n')}`;
}

/** The targets as a value where one goes. */
export const asValue = (format: ReferenceFormat, targets: readonly ReferenceTarget[]): Placement => ({ mode: 'value', template: valuesOf(format, targets) });

/** Entries for several targets on lines of their own (JSON entries are separated by commas). */
export function entriesOf(format: ReferenceFormat, targets: readonly ReferenceTarget[]): Template {
  if (targets.length === 1) return format.entry(targets[0]!);
  if (format.entries) return format.entries(targets);
  const jsonLike = format.id === 'appServiceUri' || format.id === 'appServiceName' || format.id === 'armParameter' || format.id === 'appConfig';
  return join(targets.map((t) => format.entry(t)), jsonLike ? ',\n' : '\n');
}

/** The targets as entries on lines of their own. */
export const asEntries = (format: ReferenceFormat, targets: readonly ReferenceTarget[]): Placement => ({ mode: 'entry', template: entriesOf(format, targets) });
