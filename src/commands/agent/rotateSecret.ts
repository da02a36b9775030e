// azureKeyVault_rotateSecret: a new current version of an existing secret with a generated value (length and character
// kinds as parameters), keeping its content type and tags; the old value stays as an older version. The value is
// made here and stored, never returned. A secret a certificate manages is refused (renew the certificate).
import * as vscode from 'vscode';
import { generateSecret } from '../items/generator';
import { request } from '../failures';
import { describeOptions, generatorOptions } from './generated';
import { inputObject, requiredSecretName, requiredString, ToolRefusal } from './input';
import { findVault } from './places';
import { tool } from './tool';

export const rotateSecret = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['vault', 'name', 'length', 'characterClasses']);
    return { vault: requiredString(input, 'vault'), name: requiredSecretName(input), options: generatorOptions(input) };
  },
  prepare: (_services, input) => ({
    invocationMessage: vscode.l10n.t('Rotating secret "{0}" in {1}', input.name, input.vault),
    confirmation: {
      title: vscode.l10n.t('Rotate a secret?'),
      message: vscode.l10n.t('Secret "{0}" in vault {1} gets a new current version with a random value of {2}, generated in VS Code and shown to nobody. Apps that read its latest version get the new value; the old one stays as an older version. Whatever uses the old value (a database password, an API key) must be changed to match.', input.name, input.vault, describeOptions(input.options)),
      action: vscode.l10n.t('Rotate'),
    },
  }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const { name } = input;
    const current = await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
    if (!current) throw new ToolRefusal(`There is no secret "${name}" in ${vault.name}: nothing was changed. Create it with azureKeyVault_createSecret.`);
    if (current.managed) throw new ToolRefusal(`Secret "${name}" belongs to the certificate of the same name: renew the certificate instead. Nothing was changed.`);
    const value = generateSecret(input.options);
    const written = await request(services, { kind: 'secret', operation: 'update', vault, name }, (sdk, vaults, url, options) =>
      sdk.secretOps.setSecret(vaults, url, name, value, { ...(current.contentType ? { contentType: current.contentType } : {}), ...(current.tags ? { tags: current.tags } : {}) }, options),
    );
    services.view.refreshItem({ vault, kind: 'secret', name });
    services.log.info(`agent tool: rotated secret ${name} in ${vault.name} (generated value)`);
    return [`Rotated secret "${name}" in vault ${vault.name}: new current version ${written.version ?? '?'} with a generated value of ${describeOptions(input.options)} (content type and tags kept; the previous version ${current.version ?? ''} stays as an older version). The value was not shown to anyone.`];
  },
});
