import * as vscode from 'vscode';

/** The extension's settings, read when needed (so changes apply at once). Areas add their accessors here. */
export class Settings {
  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('azureKeyVault');
  }

  /** Subscription ids to show; empty: all. */
  subscriptions(): string[] {
    return this.config.get<string[]>('subscriptions', []);
  }

  /** Items per data-plane request, 1–25. */
  pageSize(): number {
    return Math.min(25, Math.max(1, Math.floor(this.config.get<number>('pageSize', 25))));
  }

  expiryWarningDays(): number {
    return Math.max(0, this.config.get<number>('expiryWarningDays', 30));
  }

  /** Seconds after which a copied secret value is cleared from the clipboard (0: never). */
  clipboardClearSeconds(): number {
    const v = this.config.get<number>('clipboardClearSeconds', 30);
    return Number.isFinite(v) ? Math.max(0, v) : 30;
  }

  /** Whether references in open files are checked against their vaults (`azureKeyVault.references.diagnostics`). */
  referenceDiagnostics(): boolean {
    return this.config.get<boolean>('references.diagnostics', true);
  }
}
