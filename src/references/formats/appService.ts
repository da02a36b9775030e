// App Service / Azure Functions app settings: `@Microsoft.KeyVault(SecretUri=…)` and
// `@Microsoft.KeyVault(VaultName=…;SecretName=…[;SecretVersion=…])`. Without a version the app picks up a new
// value within 24 hours. A certificate is referenced through its secret (the PFX/PEM with the private key).
import * as l10n from '@vscode/l10n';
import { dotnetKeyOf, objectUri } from '../names';
import { field, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, asValue, entriesOf, insideString, isJsonDocument, jsonEntry, valuesOf, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';

/** Inside a string or outside JSON: the value; after `"key":` a quoted value; elsewhere in JSON a property. */
function placeSetting(format: ReferenceFormat, ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (insideString(ctx) || !isJsonDocument(ctx)) return asValue(format, targets);
  if (afterColon(ctx)) return { mode: 'value', template: tpl`"${valuesOf(format, targets)}"` };
  return jsonEntry(ctx, entriesOf(format, targets));
}

function jsonProperty(t: ReferenceTarget, value: Template): Template {
  return tpl`"${field(1, dotnetKeyOf(t.name))}": "${value}"`;
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
  entry: (t) => jsonProperty(t, appServiceUri.value(t)),
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
  entry: (t) => jsonProperty(t, appServiceName.value(t)),
  place: (ctx, targets) => placeSetting(appServiceName, ctx, targets),
};
