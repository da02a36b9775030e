// Command ids of the editor features (references: insert, hover links, quick fixes, move to Key Vault).
export const EditorCommandIds = {
  insertReference: 'azureKeyVault.insertReference',
  insertReferenceAs: 'azureKeyVault.insertReferenceAs',
  revealReference: 'azureKeyVault.revealReference',
  copyReferencedValue: 'azureKeyVault.copyReferencedValue',
  recoverReferenced: 'azureKeyVault.recoverReferenced',
  enableReferenced: 'azureKeyVault.enableReferenced',
  createReferencedSecret: 'azureKeyVault.createReferencedSecret',
  moveToKeyVault: 'azureKeyVault.moveToKeyVault',
} as const satisfies Record<string, `azureKeyVault.${string}`>;

/** Mime type of tree items dragged into an editor (a JSON array of ReferenceTarget: names, never values). */
export const referenceMimeType = 'application/vnd.azurekeyvault.references+json';

/** Diagnostics source and codes (quick fixes match on them). */
export const diagnosticSource = 'Azure Key Vault';
export type ReferenceProblem = 'missing' | 'deleted' | 'disabled' | 'expired' | 'notYetActive' | 'versionMissing';
