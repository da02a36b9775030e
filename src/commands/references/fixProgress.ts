// The quick fixes and Move to Key Vault call the data layer under a progress notification: the call goes through
// `request` (the SDK loaded lazily, a failure explained by the one failures module), the progress shows while the
// service works — and is gone before a failure's message (and its buttons) appear.
import * as vscode from 'vscode';
import type { AzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { request, type FailureContext } from '../failures';

/** One data-layer call of a fix, titled `title` in the progress notification. */
export function runFix<T>(services: Services, title: string, ctx: FailureContext, call: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string) => Promise<T>): Promise<T> {
  return request(services, ctx, (sdk, vaults, vaultUrl) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => call(sdk, vaults, vaultUrl))));
}
