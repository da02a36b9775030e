// ARM template parameter file (`*.parameters.json`): a parameter whose value is a Key Vault reference by the
// vault's resource id. Vaults attached by URL have no known id: subscription and resource group become fields.
// Sources: learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter ("Reference secrets with
// static ID"), …/templates/parameter-files (the file: `$schema`, `contentVersion`, `parameters`), and the schema
// schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json (vendored in test/fixtures/ecosystem).
// Parameter names are unique within `parameters` (ARM compares them case-insensitively): the vault first when two
// targets share a secret name (`prodKvDbPassword`), a number when the file already has the name (`dbPassword2`).
// An empty file gets the whole parameters file; a cursor outside `parameters` appends to it.
import * as l10n from '@vscode/l10n';
import { appendInto, jsonSpotAt, propertyNames, propertyValue } from '../jsonPath';
import { armIdTemplate, camelIdentifier } from '../names';
import { field, indent, join, toText, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, jsonEntry, type Placement, type PlacementContext } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';
import { parameterNames, takenSet } from './uniqueNames';

export const deploymentParametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

function reference(t: ReferenceTarget, first: number): Template {
  const version = t.version ? `,\n    "secretVersion": "${t.version}"` : '';
  return tpl`{
  "reference": {
    "keyVault": {
      "id": "${armIdTemplate(t, first)}"
    },
    "secretName": "${t.name}"${version}
  }
}`;
}

const parameters = (targets: readonly ReferenceTarget[], names: readonly string[]): Template =>
  join(targets.map((t, i) => tpl`"${field(1, names[i]!)}": ${reference(t, 2)}`), ',\n');

function placeArm(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  if (afterColon(ctx) && targets.length === 1) return { mode: 'value', template: reference(targets[0]!, 1) };
  if (ctx.text.trim() === '') {
    const body = indent(parameters(targets, parameterNames(targets)), '    ');
    return { mode: 'entry', template: tpl`{\n  "$schema": "${deploymentParametersSchema}",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    ${body}\n  }\n}` };
  }
  const spot = jsonSpotAt(ctx.text, ctx.offset);
  const params = propertyValue(spot.root, 'parameters');
  const names = parameterNames(targets, takenSet(propertyNames(params?.type === 'object' ? params : spot.container)));
  if (params?.type === 'object' && spot.container !== params) {
    return { mode: 'value', template: [], extras: [appendInto(ctx.text, params, targets.map((t, i) => toText(parameters([t], [names[i]!]))))] };
  }
  if (!params && spot.root?.type === 'object' && spot.container === spot.root) {
    return jsonEntry(ctx, tpl`"parameters": {\n  ${indent(parameters(targets, names), '  ')}\n}`);
  }
  return jsonEntry(ctx, parameters(targets, names));
}

export const armParameter: ReferenceFormat = {
  id: 'armParameter',
  get label(): string {
    return l10n.t('ARM parameter file reference');
  },
  detail: '"reference": { "keyVault": { "id": … }, "secretName": … }',
  kinds: secretLike,
  versionable: always,
  textKind: asSecret,
  value: (t) => reference(t, 1),
  entry: (t) => parameters([t], [camelIdentifier(t.name)]),
  entries: (targets) => parameters(targets, parameterNames(targets)),
  place: placeArm,
};
