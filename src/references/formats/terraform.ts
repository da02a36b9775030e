// Terraform (azurerm): a data source per object, `key_vault_id` the vault's ARM id (fields when unknown).
// Attributes are aligned the way `terraform fmt` aligns them. Key data sources cannot pin a version.
import * as l10n from '@vscode/l10n';
import { armIdTemplate, snakeIdentifier } from '../names';
import { tpl, type Template } from '../template';
import type { ObjectKind, ReferenceTarget } from '../types';
import { allKinds, same, type ReferenceFormat } from './format';

export const terraformDataTypes: Record<ObjectKind, string> = {
  secret: 'azurerm_key_vault_secret',
  key: 'azurerm_key_vault_key',
  certificate: 'azurerm_key_vault_certificate',
};

/** The attribute a configuration usually needs from each data source. */
const usefulAttribute: Record<ObjectKind, string> = { secret: 'value', key: 'id', certificate: 'secret_id' };

function dataBlock(t: ReferenceTarget): Template {
  const version = t.version && t.kind !== 'key' ? `\n  version      = "${t.version}"` : '';
  return tpl`data "${terraformDataTypes[t.kind]}" "${snakeIdentifier(t.name)}" {
  name         = "${t.name}"
  key_vault_id = "${armIdTemplate(t, 1)}"${version}
}`;
}

export const terraform: ReferenceFormat = {
  id: 'terraform',
  get label(): string {
    return l10n.t('Terraform data source (azurerm)');
  },
  detail: 'data "azurerm_key_vault_secret" … { name, key_vault_id }',
  kinds: allKinds,
  versionable: (kind) => kind !== 'key',
  textKind: same,
  value: (t) => [`data.${terraformDataTypes[t.kind]}.${snakeIdentifier(t.name)}.${usefulAttribute[t.kind]}`],
  entry: dataBlock,
};
