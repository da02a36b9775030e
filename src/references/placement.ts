// What to insert where: each format decides for the document at hand (`ReferenceFormat.place`: the value inside a
// string or after `:`/`=`, entries on lines of their own, at most one edit elsewhere — the comma JSON needs, the
// Bicep `existing` resource or the Terraform data source a value needs); this adds what is common to all of them.
// Pure: the editor applies the result as a snippet.
import * as l10n from '@vscode/l10n';
import { referenceFormats } from './formats';
import { lineAfter, lineBefore, type Placement, type PlacementContext } from './formats/context';
import { toText } from './template';
import type { FormatId, ReferenceTarget } from './types';

export type { Placement, PlacementContext } from './formats/context';
export { insideString } from './formats/context';
export { bicepVaultSymbols } from './formats/bicep';

/**
 * At the end of a line that has text (nothing after the cursor), what needs a line of its own (an entry: a YAML
 * step, a JSON or Bicep entry, a .env line) starts a new line; the editor keeps the line's indentation. A value
 * (after `:` or `=`, inside quotes) stays where it is.
 */
function onOwnLine(ctx: PlacementContext, placement: Placement): Placement {
  if ((ctx.endOffset ?? ctx.offset) !== ctx.offset || lineAfter(ctx).trim() !== '' || lineBefore(ctx).trim() === '') return placement;
  // Nothing at the cursor (everything goes elsewhere, as `extras`): no line break either.
  return placement.mode === 'entry' && toText(placement.template) !== '' ? { ...placement, template: ['\n', ...placement.template] } : placement;
}

/** Decides what to insert for the targets in the chosen format at the context's offset. */
export function placeReferences(ctx: PlacementContext, format: FormatId, targets: readonly ReferenceTarget[]): Placement {
  if (targets.length === 0) throw new Error(l10n.t('Nothing to insert.'));
  return onOwnLine(ctx, referenceFormats[format].place(ctx, targets));
}
