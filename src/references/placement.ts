// What to insert where: the reference's value inside a string or after `:`/`=`, a complete entry on a line of
// its own, plus at most one edit elsewhere (the comma JSON needs after the previous value, the Bicep `existing`
// resource or the Terraform data source a value needs). Pure: the editor applies the result as a snippet.
import * as l10n from '@vscode/l10n';
import { entriesOf, referenceFormats } from './formats';
import { appConfigValue } from './formats/appConfig';
import { bicepGetSecret, bicepVaultResource } from './formats/bicep';
import { terraform } from './formats/terraform';
import { parseTerraform } from './parseBlocks';
import { toText, tpl, type Template } from './template';
import type { FormatId, ReferenceTarget } from './types';

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
  /** One more edit, as plain text at an offset of the original text (never inside the selection). */
  readonly extra?: { readonly offset: number; readonly text: string };
}

function lineBefore(ctx: PlacementContext): string {
  return ctx.text.slice(ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1, ctx.offset);
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

const afterColon = (ctx: PlacementContext) => /:\s*$/.test(lineBefore(ctx));
const afterEquals = (ctx: PlacementContext) => /=\s*$/.test(lineBefore(ctx));
const isJsonDocument = (ctx: PlacementContext) => /^jsonc?$/.test(ctx.languageId) || /\.json$/i.test(ctx.path);

/** A JSON entry needs a comma after the previous value and, before a following one, a comma of its own. */
function jsonEntry(ctx: PlacementContext, template: Template): Placement {
  const before = ctx.text.slice(0, ctx.offset).replace(/\s+$/, '');
  const after = ctx.text.slice(ctx.endOffset ?? ctx.offset).replace(/^\s+/, '');
  const needsLeading = before.length > 0 && /["}\]\d]$|\b(true|false|null)$/.test(before);
  const trailing = /^["{]/.test(after) ? ',' : '';
  return {
    mode: 'entry',
    template: trailing ? [...template, trailing] : template,
    ...(needsLeading ? { extra: { offset: before.length, text: ',' } } : {}),
  };
}

function values(format: FormatId, targets: readonly ReferenceTarget[], render: (t: ReferenceTarget) => Template = (t) => referenceFormats[format].value(t)): Template {
  return targets.length === 1 ? render(targets[0]!) : tpl`${targets.map((t) => toText(render(t))).join('\n')}`;
}

/** Bicep symbols already declared for vaults in the text: vault name (lower case) → symbol. */
export function bicepVaultSymbols(text: string): Map<string, string> {
  const symbols = new Map<string, string>();
  for (const m of text.matchAll(/\bresource\s+([A-Za-z_]\w*)\s+'Microsoft\.KeyVault\/vaults@[^']*'\s+existing\s*=\s*\{[^{}]*?\bname:\s*'([^']+)'/gi)) {
    symbols.set(m[2]!.toLowerCase(), m[1]!);
  }
  return symbols;
}

function placeBicep(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const symbols = bicepVaultSymbols(ctx.text);
  const declared = targets.every((t) => symbols.has(t.vaultName.toLowerCase()));
  if (declared) return { mode: 'value', template: values('bicep', targets, (t) => bicepGetSecret(symbols.get(t.vaultName.toLowerCase())!, t)) };
  if (targets.length === 1 && (afterColon(ctx) || afterEquals(ctx))) {
    const t = targets[0]!;
    const end = ctx.text.replace(/\s+$/, '').length;
    return { mode: 'value', template: referenceFormats.bicep.value(t), extra: { offset: end, text: `\n\n${toText(bicepVaultResource(t))}\n` } };
  }
  return { mode: 'entry', template: entriesOf(referenceFormats.bicep, targets) };
}

function placeTerraform(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (targets.length === 1 && afterEquals(ctx)) {
    const t = targets[0]!;
    const declared = parseTerraform(ctx.text).some((r) => r.kind === t.kind && r.name.toLowerCase() === t.name.toLowerCase());
    const end = ctx.text.replace(/\s+$/, '').length;
    return { mode: 'value', template: terraform.value(t), ...(declared ? {} : { extra: { offset: end, text: `\n\n${toText(terraform.entry(t))}\n` } }) };
  }
  return { mode: 'entry', template: entriesOf(terraform, targets) };
}

/** A .env file: one `NAME=value` a line. */
const isEnvFile = (ctx: PlacementContext) => /(^|[\\/])\.env(\.[^\\/]*)?$/i.test(ctx.path) || ctx.languageId === 'dotenv';

/**
 * At the end of a line that has text (nothing after the cursor), what needs a line of its own (an entry: a YAML
 * step, a JSON or Bicep entry, a .env line) starts a new line; the editor keeps the line's indentation. A value
 * (after `:` or `=`, inside quotes) stays where it is.
 */
function onOwnLine(ctx: PlacementContext, format: FormatId, placement: Placement): Placement {
  const end = ctx.endOffset ?? ctx.offset;
  const lineEnd = ctx.text.indexOf('\n', end);
  const rest = ctx.text.slice(end, lineEnd < 0 ? undefined : lineEnd);
  if (end !== ctx.offset || rest.trim() !== '' || lineBefore(ctx).trim() === '') return placement;
  const ownLine = placement.mode === 'entry' || (format === 'uri' && isEnvFile(ctx) && !afterEquals(ctx));
  return ownLine ? { ...placement, template: ['\n', ...placement.template] } : placement;
}

/** Decides what to insert for the targets in the chosen format at the context's offset. */
export function placeReferences(ctx: PlacementContext, format: FormatId, targets: readonly ReferenceTarget[]): Placement {
  return onOwnLine(ctx, format, place(ctx, format, targets));
}

function place(ctx: PlacementContext, format: FormatId, targets: readonly ReferenceTarget[]): Placement {
  if (targets.length === 0) throw new Error(l10n.t('Nothing to insert.'));
  const f = referenceFormats[format];
  const entries = () => entriesOf(f, targets);
  switch (format) {
    case 'appServiceUri':
    case 'appServiceName':
    case 'dotnetKey':
      if (insideString(ctx) || (format !== 'dotnetKey' && !isJsonDocument(ctx))) return { mode: 'value', template: values(format, targets) };
      if (afterColon(ctx) && format !== 'dotnetKey') return { mode: 'value', template: tpl`"${values(format, targets)}"` };
      return format === 'dotnetKey' ? { mode: 'entry', template: entries() } : jsonEntry(ctx, entries());
    case 'armParameter':
      if (afterColon(ctx) && targets.length === 1) return { mode: 'value', template: f.value(targets[0]!) };
      return jsonEntry(ctx, entries());
    case 'appConfig':
      if (insideString(ctx)) return { mode: 'value', template: values(format, targets, (t) => [JSON.stringify(appConfigValue(t)).slice(1, -1)]) };
      if (afterColon(ctx)) return { mode: 'value', template: values(format, targets, (t) => [JSON.stringify(appConfigValue(t))]) };
      return isJsonDocument(ctx) ? jsonEntry(ctx, entries()) : { mode: 'value', template: values(format, targets) };
    case 'bicepparam':
      return afterEquals(ctx) ? { mode: 'value', template: values(format, targets) } : { mode: 'entry', template: entries() };
    case 'bicep':
      return placeBicep(ctx, targets);
    case 'terraform':
      return placeTerraform(ctx, targets);
    case 'githubActions':
    case 'azurePipelines':
      return afterColon(ctx) || insideString(ctx) ? { mode: 'value', template: values(format, targets) } : { mode: 'entry', template: entries() };
    case 'csi':
      return /^\s*kind:\s*SecretProviderClass\b/m.test(ctx.text) ? { mode: 'value', template: values(format, targets) } : { mode: 'entry', template: entries() };
    case 'uri':
      return { mode: 'value', template: values(format, targets) };
  }
}
