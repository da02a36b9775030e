// Azure App Configuration Key Vault reference: a key-value whose content type marks it as a reference and
// whose value is `{"uri":"https://{vault host}/secrets/{name}[/{version}]"}`. The entry is one item of the
// `az appconfig kv import --profile appconfig/kvset` file format: `{"items": [{key, value, label, content_type,
// tags}]}` (github.com/Azure/AppConfiguration docs/KVSet/KVSet.v1.0.0.schema.json — `items` is required; the
// profile: learn.microsoft.com/azure/azure-app-configuration/concept-config-file, "File content profile: KVSet").
// An empty file gets the whole `{"items": [ … ]}`; in a KVSet file with the cursor outside `items` the items are
// appended to it; inside `items` they go at the cursor, with commas. A key the file already has (with no label)
// gets a number: the import keeps only one key-value per key and label.
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { appendInto, jsonSpotAt, propertyValue } from '../jsonPath';
import { dotnetKeyOf, objectUri } from '../names';
import { field, indent, join, toText, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, asValue, insideString, isJsonDocument, jsonEntry, valuesOf, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';
import { uniqueName } from './uniqueNames';

export const appConfigContentType = 'application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8';

/** The key-value's value (JSON); inside a JSON string it is escaped (`{\"uri\":…}`). */
export function appConfigValue(t: ReferenceTarget): string {
  return JSON.stringify({ uri: objectUri(t, 'secret') });
}

function item(t: ReferenceTarget, key: string): Template {
  return tpl`{
  "key": "${field(1, key)}",
  "value": ${JSON.stringify(appConfigValue(t))},
  "label": null,
  "content_type": "${appConfigContentType}"
}`;
}

/** Keys of the items without a label (lower case). */
function unlabelledKeys(items: Node | undefined): Set<string> {
  const keys = new Set<string>();
  for (const kv of items?.children ?? []) {
    const key = propertyValue(kv, 'key')?.value as unknown;
    const label = propertyValue(kv, 'label')?.value as unknown;
    if (typeof key === 'string' && (label === undefined || label === null || label === '')) keys.add(key.toLowerCase());
  }
  return keys;
}

const items = (targets: readonly ReferenceTarget[], keys: readonly string[]): Template => join(targets.map((t, i) => item(t, keys[i]!)), ',\n');

function placeAppConfig(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (insideString(ctx)) return { mode: 'value', template: valuesOf(appConfig, targets, (t) => [JSON.stringify(appConfigValue(t)).slice(1, -1)]) };
  if (afterColon(ctx)) return { mode: 'value', template: valuesOf(appConfig, targets, (t) => [JSON.stringify(appConfigValue(t))]) };
  if (!isJsonDocument(ctx)) return asValue(appConfig, targets);
  const spot = jsonSpotAt(ctx.text, ctx.offset);
  const list = propertyValue(spot.root, 'items');
  const taken = unlabelledKeys(list?.type === 'array' ? list : spot.root?.type === 'array' ? spot.root : undefined);
  const keys = targets.map((t) => uniqueName(dotnetKeyOf(t.name), taken));
  if (ctx.text.trim() === '') return { mode: 'entry', template: tpl`{\n  "items": [\n    ${indent(items(targets, keys), '    ')}\n  ]\n}` };
  if (list?.type === 'array' && spot.container !== list) {
    return { mode: 'value', template: [], extras: [appendInto(ctx.text, list, targets.map((t, i) => toText(item(t, keys[i]!))))] };
  }
  if (!list && spot.root?.type === 'object' && (spot.container === spot.root || !spot.container)) {
    const entry = tpl`"items": [\n  ${indent(items(targets, keys), '  ')}\n]`;
    return spot.container ? jsonEntry(ctx, entry) : { mode: 'value', template: [], extras: [appendInto(ctx.text, spot.root, [toText(entry)])] };
  }
  return jsonEntry(ctx, items(targets, keys));
}

export const appConfig: ReferenceFormat = {
  id: 'appConfig',
  get label(): string {
    return l10n.t('App Configuration Key Vault reference');
  },
  get detail(): string {
    return l10n.t('{0} with content type {1}', '{"uri": …}', appConfigContentType.split(';')[0] ?? '');
  },
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t: ReferenceTarget) => [appConfigValue(t)],
  entry: (t: ReferenceTarget) => item(t, dotnetKeyOf(t.name)),
  entries: (targets) => items(targets, targets.map((t) => dotnetKeyOf(t.name))),
  place: placeAppConfig,
};
