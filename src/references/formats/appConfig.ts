// Azure App Configuration Key Vault reference: a key-value whose content type marks it as a reference and
// whose value is `{"uri":"https://{vault host}/secrets/{name}[/{version}]"}`. The entry is one item of the
// `az appconfig kv import --profile appconfig/kvset` file format.
import * as l10n from '@vscode/l10n';
import { dotnetKeyOf, objectUri } from '../names';
import { field, tpl } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, asValue, entriesOf, insideString, isJsonDocument, jsonEntry, valuesOf } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';

export const appConfigContentType = 'application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8';

/** The key-value's value (JSON); inside a JSON string it is escaped (`{\"uri\":…}`). */
export function appConfigValue(t: ReferenceTarget): string {
  return JSON.stringify({ uri: objectUri(t, 'secret') });
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
  entry: (t: ReferenceTarget) => tpl`{
  "key": "${field(1, dotnetKeyOf(t.name))}",
  "value": ${JSON.stringify(appConfigValue(t))},
  "label": null,
  "content_type": "${appConfigContentType}"
}`,
  place: (ctx, targets) => {
    if (insideString(ctx)) return { mode: 'value', template: valuesOf(appConfig, targets, (t) => [JSON.stringify(appConfigValue(t)).slice(1, -1)]) };
    if (afterColon(ctx)) return { mode: 'value', template: valuesOf(appConfig, targets, (t) => [JSON.stringify(appConfigValue(t))]) };
    return isJsonDocument(ctx) ? jsonEntry(ctx, entriesOf(appConfig, targets)) : asValue(appConfig, targets);
  },
};
