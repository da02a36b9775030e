// Secrets Store CSI driver, Azure provider: a `SecretProviderClass` names one vault (`keyvaultName`, `tenantId`,
// `cloudName` for a sovereign cloud: AzurePublicCloud — the default —, AzureUSGovernmentCloud, AzureChinaCloud,
// AzureGermanCloud, AzureStackCloud) and lists its objects in `objects`: a string holding YAML whose `array` is a
// list of strings, each the YAML of one object (objectName, objectType secret | key | cert, optional objectVersion;
// the latest when empty).
// Sources: https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/getting-started/usage/
// (SecretProviderClass parameters, the objects array format, cloudName values) and the CRD
// https://github.com/kubernetes-sigs/secrets-store-csi-driver/blob/main/deploy/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml
// (`spec.parameters` is a map of strings). A class is a namespaced object: `metadata.name` is unique per namespace,
// so several classes in one file get distinct names.
//
// The value is one item of that array, the entry a whole class, several vaults one class each as YAML documents.
// Into an existing file: a target whose vault already has a class is appended to that class's array (skipping
// objects it lists already); any other vault gets a new `---` document.
import * as l10n from '@vscode/l10n';
import { toText, tpl, type Template } from '../../template';
import type { ReferenceTarget } from '../../types';
import { endOfContent, lineAfter, lineBefore, type Insertion, type Placement, type PlacementContext } from '../context';
import { allKinds, always, same, type ReferenceFormat } from '../format';
import { listedAlready, readYamlFile, sameVault, type ExistingClass, type ObjectsBlock, type YamlFile } from './document';
import { arrayItem, arrayItems, byVault, className, objectTypeOf, providerClass, providerClasses } from './render';

const lineStart = (s: string, offset: number) => s.lastIndexOf('\n', offset - 1) + 1;
/** The first non-blank line after `offset` (its start), or -1. */
function nextLine(s: string, offset: number): number {
  const m = /\n[ \t\r]*(?=\S)/g;
  m.lastIndex = offset;
  const found = m.exec(s);
  return found ? found.index + 1 : -1;
}
/** The last non-blank line before the line starting at `start`: its text. */
const previousLine = (s: string, start: number) => s.slice(0, start).replace(/\s+$/, '').split('\n').pop() ?? '';

/** The cursor on a blank line of the class's `array`, between two items or after the last: an item fits there. */
function inArray(ctx: PlacementContext, block: ObjectsBlock): boolean {
  const before = lineBefore(ctx);
  const start = lineStart(ctx.text, ctx.offset);
  if (before.trim() || lineAfter(ctx).trim() || before.length > block.itemIndent.length || start <= block.arrayLineEnd) return false;
  if (ctx.text.slice(block.arrayLineEnd, start).replace(/\s+$/, '').length + block.arrayLineEnd > block.end) return false;
  const next = nextLine(ctx.text, ctx.offset);
  return next < 0 || next >= block.end || block.itemStarts.includes(next);
}

/** Nothing of a document around the cursor and nothing after it on its line: a new document can go there. */
function betweenDocuments(ctx: PlacementContext, file: YamlFile): boolean {
  return !lineAfter(ctx).trim() && !file.documents.some(([s, e]) => s < ctx.offset && ctx.offset < e);
}

const marker = (line: string) => /^---(\s|$)/.test(line.trim());

/** New classes at the cursor between documents, with the `---` they need before and after. */
function classesAtCursor(ctx: PlacementContext, file: YamlFile, classes: Template): Template {
  const start = lineStart(ctx.text, ctx.offset);
  const docBefore = file.documents.some(([s]) => s < ctx.offset) && !marker(previousLine(ctx.text, start));
  const next = nextLine(ctx.text, ctx.endOffset ?? ctx.offset);
  const docAfter = file.documents.some(([s]) => s >= (ctx.endOffset ?? ctx.offset)) && !(next >= 0 && marker(ctx.text.slice(next).split('\n', 1)[0]!));
  return tpl`${docBefore ? '---\n' : ''}${classes}${docAfter ? '\n---' : ''}`;
}

/** A YAML document (a manifest); in any other file the classes are text at the cursor. */
const isYaml = (ctx: PlacementContext) => /yaml|yml|helm/i.test(ctx.languageId) || /\.ya?ml$/i.test(ctx.path);

export function placeCsi(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (!isYaml(ctx)) return { mode: 'entry', template: providerClasses(targets) };
  const file = readYamlFile(ctx.text);
  const taken = new Set(file.names);
  const cursorEnd = ctx.endOffset ?? ctx.offset;
  const contentEnd = endOfContent(ctx);
  // New documents that cannot go at the cursor go after everything; when items go at the cursor, after the cursor
  // too (an insertion at or before it would precede them): at the end of the content, or of the text when only blank
  // space follows the cursor. With nothing at all after the cursor, the items go elsewhere too.
  const docsAt = contentEnd > cursorEnd ? contentEnd : cursorEnd < ctx.text.length ? ctx.text.length : undefined;
  const inArrayClass = file.classes.find((c) => c.objects && inArray(ctx, c.objects));
  const needsClass = byVault(targets).some((g) => !file.classes.some((c) => c.objects && sameVault(c, g[0]!)));
  const here = docsAt === undefined && needsClass ? undefined : inArrayClass;
  const edits = new Map<number, string>();
  const insert = (offset: number, text: string) => edits.set(offset, `${edits.get(offset) ?? ''}${text}`);
  const atCursor: ReferenceTarget[] = [];
  const newClasses: ReferenceTarget[] = [];
  for (const group of byVault(targets)) {
    const owner: ExistingClass | undefined = here && sameVault(here, group[0]!) ? here : file.classes.find((c) => c.objects && sameVault(c, group[0]!));
    if (!owner?.objects) {
      newClasses.push(...group);
      continue;
    }
    const listed = [...owner.objects.listed];
    const items = group.filter((t) => {
      if (listedAlready(listed, t)) return false;
      listed.push({ name: t.name, type: objectTypeOf(t.kind), version: (t.version ?? '').toLowerCase() });
      return true;
    });
    if (!items.length) continue;
    if (owner === here) atCursor.push(...items);
    else insert(owner.objects.appendAt, `\n${owner.objects.itemIndent}${arrayItems(items, owner.objects.itemIndent)}`);
  }
  let template: Template = [];
  let mode: Placement['mode'] = 'value';
  if (atCursor.length) {
    const pad = ' '.repeat(here!.objects!.itemIndent.length - lineBefore(ctx).length);
    template = [`${pad}${arrayItems(atCursor, pad)}`];
  }
  if (newClasses.length) {
    // At the cursor only from the start of a line or after a line's text: an indented cursor would indent them.
    if (!atCursor.length && betweenDocuments(ctx, file) && !/^[ \t]/.test(lineBefore(ctx))) {
      template = classesAtCursor(ctx, file, providerClasses(newClasses, taken));
      mode = 'entry';
    } else {
      const at = atCursor.length ? docsAt! : contentEnd;
      const before = ctx.text.slice(0, at).replace(/[ \t]+$/, '');
      const separator = !before.trim() ? '' : marker(previousLine(ctx.text, at)) ? '\n' : before.endsWith('\n') ? '---\n' : '\n---\n';
      insert(at, `${separator}${toText(providerClasses(newClasses, taken))}${at === ctx.text.length ? '\n' : ''}`);
    }
  }
  // Everything may have gone elsewhere: the template is then empty (nothing is inserted at the cursor).
  const extras: Insertion[] = [...edits].map(([offset, text]) => ({ offset, text })).sort((a, b) => a.offset - b.offset);
  return { mode, template, ...(extras.length ? { extras } : {}) };
}

export const csi: ReferenceFormat = {
  id: 'csi',
  get label(): string {
    return l10n.t('Secrets Store CSI driver (SecretProviderClass)');
  },
  detail: 'objects: array: - objectName / objectType',
  kinds: allKinds,
  versionable: always,
  textKind: same,
  value: (t) => [arrayItem(t)],
  entry: (t) => providerClass([t], className(t.vaultName, new Set())),
  entries: (targets) => providerClasses(targets),
  place: placeCsi,
};
