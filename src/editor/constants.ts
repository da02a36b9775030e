// Constants of the editor features: the drag-and-drop mime type and the diagnostics source and codes.
/** Mime type of tree items dragged into an editor (a JSON array of ReferenceTarget: names, never values). */
export const referenceMimeType = 'application/vnd.azurekeyvault.references+json';

/** Diagnostics source and codes (quick fixes match on them). */
export const diagnosticSource = 'Azure Key Vault';
export type ReferenceProblem = 'missing' | 'deleted' | 'disabled' | 'expired' | 'notYetActive' | 'versionMissing';
