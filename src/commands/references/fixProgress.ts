import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import { loadAzureSdk, type AzureSdk } from '../azure/lazy';
import type { VaultClients } from '../azure/sdk';
import type { Services } from '../services';

/** Runs a fix under a progress notification; service errors become one clear message (what to do next). */
export async function runFix<T>(services: Services, title: string, task: (sdk: AzureSdk, vaults: VaultClients) => Promise<T>): Promise<T> {
  const [sdk, { vaults }] = await Promise.all([loadAzureSdk(), services.clients.get()]);
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => task(sdk, vaults));
  } catch (error) {
    const failure = classifyError(error);
    throw new Error(failure.action ? vscode.l10n.t('{0} failed: {1} {2}', title, failure.message, failure.action) : vscode.l10n.t('{0} failed: {1}', title, failure.message));
  }
}
