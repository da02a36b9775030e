// azureKeyVault_createSecret: a new secret (a missing one a reference names, say) with a generated value — length
// and character kinds as parameters, the value made here and stored, never returned. An existing name is refused
// (rotate it instead); a deleted one is explained by the service's failure (recover it in the Key Vault view).
import * as vscode from 'vscode';
import { checkContentType } from '../../azure/rules';
import { generateSecret } from '../items/generator';
import { request } from '../failures';
import { describeOptions, generatorOptions } from './generated';
import { inputObject, optionalString, requiredSecretName, requiredString, ToolRefusal } from './input';
import { findVault } from './places';
import { tool } from './tool';

export const createSecret = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['vault', 'name', 'length', 'characterClasses', 'contentType']);
    const contentType = optionalString(input, 'contentType');
    const problem = contentType ? checkContentType(contentType) : undefined;
    if (problem) throw new ToolRefusal(`${problem} Nothing was done.`);
    return { vault: requiredString(input, 'vault'), name: requiredSecretName(input), options: generatorOptions(input), contentType };
  },
  prepare: (_services, input) => ({
    invocationMessage: vscode.l10n.t('Creating secret "{0}" in {1}', input.name, input.vault),
    confirmation: {
      title: vscode.l10n.t('Create a secret with a generated value?'),
      message: vscode.l10n.t('The new secret "{0}" in vault {1} gets a random value of {2}, generated in VS Code and stored in the vault only: nobody sees it, the agent neither.', input.name, input.vault, describeOptions(input.options)),
      action: vscode.l10n.t('Create'),
    },
  }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const { name } = input;
    if (await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.secretExists(vaults, url, name, options))) {
      throw new ToolRefusal(`A secret named "${name}" already exists in ${vault.name}: nothing was changed. Use azureKeyVault_rotateSecret to give it a new generated value.`);
    }
    const value = generateSecret(input.options);
    const created = await request(services, { kind: 'secret', operation: 'create', vault, name }, (sdk, vaults, url, options) =>
      sdk.secretOps.setSecret(vaults, url, name, value, input.contentType ? { contentType: input.contentType } : {}, options),
    );
    services.view.refreshGroupAndAllDeleted(vault, 'secret');
    services.log.info(`agent tool: created secret ${name} in ${vault.name} with a generated value`);
    return [`Created secret "${name}" in vault ${vault.name} (version ${created.version ?? '?'}) with a generated value of ${describeOptions(input.options)}. The value was not shown to anyone; apps read it through a reference.`];
  },
});
