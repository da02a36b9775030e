// Every command id the extension registers, by feature area (src/commands/<area>/feature.ts registers them, the
// manifest fragments in manifest/ declare them). A unit test checks this list against package.json, and the e2e
// suite checks it against what VS Code has registered. Ids are the contract between the manifest, the tree (commands
// its rows run), the editor (links and quick fixes) and the features: they live here, below all of them.

/** Sign-in, browsing and the view's own commands (src/commands/vaults). */
export const CommandIds = {
  signIn: 'azureKeyVault.signIn',
  signInToTenant: 'azureKeyVault.signInToTenant',
  selectSubscriptions: 'azureKeyVault.selectSubscriptions',
  attachVault: 'azureKeyVault.attachVault',
  detachVault: 'azureKeyVault.detachVault',
  refresh: 'azureKeyVault.refresh',
  loadMore: 'azureKeyVault.loadMore',
  filterGroup: 'azureKeyVault.filterGroup',
  showLog: 'azureKeyVault.showLog',
  openInPortal: 'azureKeyVault.openInPortal',
  search: 'azureKeyVault.search',
  filterReferenced: 'azureKeyVault.filterReferenced',
  filterUnreferenced: 'azureKeyVault.filterUnreferenced',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Secrets (src/commands/secrets). */
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
  editExpiry: 'azureKeyVault.editSecretExpiry',
  enable: 'azureKeyVault.enableSecret',
  disable: 'azureKeyVault.disableSecret',
  delete: 'azureKeyVault.deleteSecret',
  recover: 'azureKeyVault.recoverSecret',
  purge: 'azureKeyVault.purgeSecret',
  copyToVault: 'azureKeyVault.copySecretToVault',
  rename: 'azureKeyVault.renameSecret',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Keys (src/commands/keys). */
export const KeyCommandIds = {
  showDetails: 'azureKeyVault.showKeyDetails',
  create: 'azureKeyVault.createKey',
  rotate: 'azureKeyVault.rotateKey',
  showRotationPolicy: 'azureKeyVault.showKeyRotationPolicy',
  editRotationPolicy: 'azureKeyVault.editKeyRotationPolicy',
  enable: 'azureKeyVault.enableKey',
  disable: 'azureKeyVault.disableKey',
  editExpiry: 'azureKeyVault.editKeyExpiry',
  editTags: 'azureKeyVault.editKeyTags',
  delete: 'azureKeyVault.deleteKey',
  recover: 'azureKeyVault.recoverKey',
  purge: 'azureKeyVault.purgeKey',
  exportPublicKey: 'azureKeyVault.exportPublicKey',
  encryptSelection: 'azureKeyVault.encryptSelection',
  decryptSelection: 'azureKeyVault.decryptSelection',
  signSelection: 'azureKeyVault.signSelection',
  verifySelection: 'azureKeyVault.verifySelection',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Certificates (src/commands/certificates). */
export const CertificateCommandIds = {
  showDetails: 'azureKeyVault.showCertificateDetails',
  create: 'azureKeyVault.createCertificate',
  import: 'azureKeyVault.importCertificate',
  download: 'azureKeyVault.downloadCertificate',
  downloadWithKey: 'azureKeyVault.downloadCertificateWithKey',
  renew: 'azureKeyVault.renewCertificate',
  showPolicy: 'azureKeyVault.showCertificatePolicy',
  editPolicy: 'azureKeyVault.editCertificatePolicy',
  enable: 'azureKeyVault.enableCertificate',
  disable: 'azureKeyVault.disableCertificate',
  delete: 'azureKeyVault.deleteCertificate',
  recover: 'azureKeyVault.recoverCertificate',
  purge: 'azureKeyVault.purgeCertificate',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** References in the editor (src/commands/references). */
export const EditorCommandIds = {
  insertReference: 'azureKeyVault.insertReference',
  insertReferenceAs: 'azureKeyVault.insertReferenceAs',
  revealReference: 'azureKeyVault.revealReference',
  copyReferencedValue: 'azureKeyVault.copyReferencedValue',
  recoverReferenced: 'azureKeyVault.recoverReferenced',
  enableReferenced: 'azureKeyVault.enableReferenced',
  createReferencedSecret: 'azureKeyVault.createReferencedSecret',
  moveToKeyVault: 'azureKeyVault.moveToKeyVault',
  findReferences: 'azureKeyVault.findReferences',
  checkWorkspaceReferences: 'azureKeyVault.checkWorkspaceReferences',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Expiry across every kind (src/commands/expiry). */
export const ExpiryCommandIds = {
  showExpiringSoon: 'azureKeyVault.showExpiringSoon',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Secret history: compare versions, same-value marks, make a version current (src/commands/history). */
export const HistoryCommandIds = {
  compareWithCurrent: 'azureKeyVault.compareSecretWithCurrent',
  compareSelected: 'azureKeyVault.compareSecretVersions',
  compareWithClipboard: 'azureKeyVault.compareSecretWithClipboard',
  compareWithSelection: 'azureKeyVault.compareSecretWithSelection',
  markSameValue: 'azureKeyVault.markSameValueVersions',
  makeCurrent: 'azureKeyVault.makeSecretVersionCurrent',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** The service's backup blobs of secrets, keys and certificates: download, restore (src/commands/backups). */
export const BackupCommandIds = {
  downloadSecret: 'azureKeyVault.downloadSecretBackup',
  downloadKey: 'azureKeyVault.downloadKeyBackup',
  downloadCertificate: 'azureKeyVault.downloadCertificateBackup',
  restore: 'azureKeyVault.restoreBackup',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Run, debug and terminals with secrets resolved from Key Vault (src/commands/run). */
export const RunCommandIds = {
  openTerminal: 'azureKeyVault.openTerminalWithSecrets',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Bulk work on a vault's secrets: import a settings file, convert a .env to references (src/commands/bulk). */
export const BulkCommandIds = {
  importSecrets: 'azureKeyVault.importSecrets',
  convertEnv: 'azureKeyVault.convertEnvToReferences',
  compareVaults: 'azureKeyVault.compareVaults',
  syncSecrets: 'azureKeyVault.syncSecrets',
  exportReferences: 'azureKeyVault.exportReferences',
  exportValues: 'azureKeyVault.exportSecretValues',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** What the signed-in user may do in a vault, and how to get what is missing (src/commands/access). */
export const AccessCommandIds = {
  showMyAccess: 'azureKeyVault.showMyAccess',
  grantMe: 'azureKeyVault.grantMeAccess',
  requestAccess: 'azureKeyVault.requestAccess',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

const values = (ids: object): string[] => Object.values(ids) as string[];

export const allCommandIds: readonly string[] = [
  ...values(CommandIds),
  ...values(SecretCommandIds),
  ...values(KeyCommandIds),
  ...values(CertificateCommandIds),
  ...values(AccessCommandIds),
  ...values(EditorCommandIds),
  ...values(ExpiryCommandIds),
  ...values(HistoryCommandIds),
  ...values(BackupCommandIds),
  ...values(RunCommandIds),
  ...values(BulkCommandIds),
];

/** The id type of one area's table: `CommandId<typeof SecretCommandIds>`. */
export type CommandId<T> = T[keyof T];
