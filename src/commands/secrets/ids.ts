// Command ids of the secrets area (declared in manifest/10-secrets.json).
export const SecretCommandIds = {
  copyValue: 'azureKeyVault.copySecretValue',
  copyIdentifier: 'azureKeyVault.copySecretIdentifier',
  copyVersionedIdentifier: 'azureKeyVault.copySecretVersionedIdentifier',
  copyVaultUri: 'azureKeyVault.copyVaultUri',
  showValue: 'azureKeyVault.showSecretValue',
  editValue: 'azureKeyVault.editSecretValue',
  create: 'azureKeyVault.createSecret',
  newVersion: 'azureKeyVault.newSecretVersion',
  editAttributes: 'azureKeyVault.editSecretAttributes',
  enable: 'azureKeyVault.enableSecret',
  disable: 'azureKeyVault.disableSecret',
  delete: 'azureKeyVault.deleteSecret',
  recover: 'azureKeyVault.recoverSecret',
  purge: 'azureKeyVault.purgeSecret',
  copyToVault: 'azureKeyVault.copySecretToVault',
} as const satisfies Record<string, `azureKeyVault.${string}`>;
