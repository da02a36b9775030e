// The index's settings (manifest/40-editor.json), and why it cannot be ready. Both bundles use this module: the
// door at activation (src/platform/referenceIndex/lazy.ts) and the index itself (dist/reference-index.js).
import * as vscode from 'vscode';

export const indexSettingIds = ['azureKeyVault.references.indexWorkspace', 'azureKeyVault.references.maxFileSizeKB'] as const;
/** Settings that change which files are listed (a new listing; files already read stay). */
export const listingSettingIds = ['files.exclude', 'search.exclude', 'search.useIgnoreFiles'] as const;

const config = () => vscode.workspace.getConfiguration('azureKeyVault.references');

/** Whether the workspace is indexed at all (`azureKeyVault.references.indexWorkspace`). */
export const indexEnabled = (): boolean => config().get<boolean>('indexWorkspace', true) !== false;

/** The largest file read, in bytes (`azureKeyVault.references.maxFileSizeKB`, 1–102400 KB, default 256: a file is parsed in one block). */
export function maxFileBytes(): number {
  const kb = config().get<number>('maxFileSizeKB', 256);
  return (typeof kb === 'number' && Number.isFinite(kb) ? Math.min(102_400, Math.max(1, kb)) : 256) * 1024;
}

/** Why ready() rejects: the index is off, or the workspace is not trusted. */
export function notIndexedError(state: 'off' | 'untrusted'): Error {
  return new Error(
    state === 'off'
      ? vscode.l10n.t('The workspace index of Key Vault references is off (setting azureKeyVault.references.indexWorkspace).')
      : vscode.l10n.t('Key Vault references are not indexed in an untrusted workspace: trust the workspace first.'),
  );
}
