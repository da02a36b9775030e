// ARM template parameter file (`*.parameters.json`): a parameter whose value is a Key Vault reference by the
// vault's resource id. Vaults attached by URL have no known id: subscription and resource group become fields.
import * as l10n from '@vscode/l10n';
import { armIdTemplate, camelIdentifier } from '../names';
import { field, tpl, type Template } from '../template';
import type { ReferenceTarget } from '../types';
import { afterColon, entriesOf, jsonEntry } from './context';
import { always, asSecret, secretLike, type ReferenceFormat } from './format';

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
  entry: (t) => tpl`"${field(1, camelIdentifier(t.name))}": ${reference(t, 2)}`,
  place: (ctx, targets) =>
    afterColon(ctx) && targets.length === 1 ? { mode: 'value', template: reference(targets[0]!, 1) } : jsonEntry(ctx, entriesOf(armParameter, targets)),
};
