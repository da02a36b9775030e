// App Service / Azure Functions app settings: `@Microsoft.KeyVault(SecretUri=…)` and
// `@Microsoft.KeyVault(VaultName=…;SecretName=…[;SecretVersion=…])`. Without a version the app picks up a new
// value within 24 hours. A certificate is referenced through its secret (the PFX/PEM with the private key).
// Source: learn.microsoft.com/azure/app-service/app-service-key-vault-references ("Reference syntax").
// In a JSON settings file the key is relative to the object the cursor is in (jsonSettings.ts); an empty file gets
// its braces (local.settings.json: `{ "IsEncrypted": false, "Values": { … } }`, the Functions Core Tools layout,
// learn.microsoft.com/azure/azure-functions/functions-develop-local#local-settings-file), and at the top level of a
// local.settings.json the setting goes into `Values`.
import * as l10n from '@vscode/l10n';
import { appendInto, jsonSpotAt, propertyValue } from '../jsonPath';
import { dotnetKeyOf, objectUri } from '../names';
import { field, indent, join, toText, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, asValue, insideString, isJsonDocument, jsonEntry, valuesOf, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';
import { isLocalSettings, settingKeys } from './jsonSettings';

const properties = (format: ReferenceFormat, targets: readonly ReferenceTarget[], keys: readonly string[]): Template =>
  join(targets.map((t, i) => tpl`"${field(1, keys[i]!)}": "${format.value(t)}"`), ',\n');

/** Inside a string or outside JSON: the value; after `"key":` a quoted value; elsewhere in JSON a property. */
function placeSetting(format: ReferenceFormat, ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (insideString(ctx) || !isJsonDocument(ctx)) return asValue(format, targets);
  if (afterColon(ctx)) return { mode: 'value', template: tpl`"${valuesOf(format, targets)}"` };
  const local = isLocalSettings(ctx.path);
  const spot = jsonSpotAt(ctx.text, ctx.offset);
  if (ctx.text.trim() === '') {
    const path = local ? ['Values'] : [];
    const body = properties(format, targets, settingKeys(ctx.path, path, undefined, targets));
    return { mode: 'entry', template: local ? tpl`{\n  "IsEncrypted": false,\n  "Values": {\n    ${indent(body, '    ')}\n  }\n}` : tpl`{\n  ${indent(body, '  ')}\n}` };
  }
  const atTop = spot.container === spot.root || (!spot.container && spot.root?.type === 'object');
  const values = propertyValue(spot.root, 'Values');
  // Settings at the top of local.settings.json are not read: they belong in Values. Outside the root object (after
  // its closing brace) they are appended to it.
  const into = local && atTop && values?.type === 'object' ? { node: values, path: ['Values'] } : !spot.container && spot.root?.type === 'object' ? { node: spot.root, path: [] } : undefined;
  if (into) {
    const keys = settingKeys(ctx.path, into.path, into.node, targets);
    return { mode: 'value', template: [], extras: [appendInto(ctx.text, into.node, targets.map((t, i) => toText(properties(format, [t], [keys[i]!]))))] };
  }
  if (spot.container?.type !== 'object') return jsonEntry(ctx, properties(format, targets, targets.map((t) => dotnetKeyOf(t.name))));
  if (local && spot.container === spot.root) {
    const keys = settingKeys(ctx.path, ['Values'], undefined, targets);
    return jsonEntry(ctx, tpl`"Values": {\n  ${indent(properties(format, targets, keys), '  ')}\n}`);
  }
  return jsonEntry(ctx, properties(format, targets, settingKeys(ctx.path, spot.path, spot.container, targets)));
}

export const appServiceUri: ReferenceFormat = {
  id: 'appServiceUri',
  get label(): string {
    return l10n.t('App Service / Functions setting (SecretUri)');
  },
  detail: '@Microsoft.KeyVault(SecretUri=…)',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => [`@Microsoft.KeyVault(SecretUri=${objectUri(t, 'secret')}${t.version ? '' : '/'})`],
  entry: (t) => properties(appServiceUri, [t], [dotnetKeyOf(t.name)]),
  place: (ctx, targets) => placeSetting(appServiceUri, ctx, targets),
};

export const appServiceName: ReferenceFormat = {
  id: 'appServiceName',
  get label(): string {
    return l10n.t('App Service / Functions setting (VaultName, SecretName)');
  },
  detail: '@Microsoft.KeyVault(VaultName=…;SecretName=…)',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => [`@Microsoft.KeyVault(VaultName=${t.vaultName};SecretName=${t.name}${t.version ? `;SecretVersion=${t.version}` : ''})`],
  entry: (t) => properties(appServiceName, [t], [dotnetKeyOf(t.name)]),
  place: (ctx, targets) => placeSetting(appServiceName, ctx, targets),
};
