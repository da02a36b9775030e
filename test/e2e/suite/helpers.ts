import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';

export const extensionId = 'azure-keyvault-explorer.azure-keyvault-explorer';

export async function activateExtension(): Promise<{ extension: vscode.Extension<ExtensionApi>; api: ExtensionApi }> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed in this VS Code`);
  const api = await extension.activate();
  assert.ok(extension.isActive);
  return { extension, api };
}

export interface PackageJson {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string }[]>;
  };
}

/**
 * Signs the e2e user in through the companion and completes the Fabrikam directory's own sign-in (see
 * browse.test.ts), as a user would have done, then waits until the tree shows the account.
 */
export async function signedIn(labels: () => Promise<string[]>): Promise<void> {
  await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
  const line = process.env.KV_EMULATOR;
  const fabrikam = line ? (JSON.parse(line) as { tenants: { id: string; displayName: string }[] }).tenants.find((t) => t.displayName === 'Fabrikam') : undefined;
  if (fabrikam) await vscode.commands.executeCommand('kvEmulatorAuth.completeTenantSignIn', fabrikam.id);
  for (let i = 0; i < 100; i++) {
    if ((await labels()).includes('Contoso')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the tree did not show the signed-in account');
}
