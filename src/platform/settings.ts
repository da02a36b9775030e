import * as vscode from 'vscode';

/** The settings that change how the Azure clients send requests: a change resets the clients. */
export const clientSettings = ['azureKeyVault.requestTimeoutSeconds', 'azureKeyVault.maxRetryWaitSeconds'] as const;

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

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

  /** Seconds one attempt of a request may take before it is given up (`azureKeyVault.requestTimeoutSeconds`, 5–600). */
  requestTimeoutSeconds(): number {
    return clamp(this.config.get<number>('requestTimeoutSeconds', 30), 5, 600, 30);
  }

  /** The longest wait before a retry, whatever Retry-After asks (`azureKeyVault.maxRetryWaitSeconds`, 1–600). */
  maxRetryWaitSeconds(): number {
    return clamp(this.config.get<number>('maxRetryWaitSeconds', 60), 1, 600, 60);
  }

  /** Whether references in open files are checked against their vaults (`azureKeyVault.references.diagnostics`). */
  referenceDiagnostics(): boolean {
    return this.config.get<boolean>('references.diagnostics', true);
  }
}
