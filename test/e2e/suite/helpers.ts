import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import type { Ui } from '../../../src/platform/ui';
import { TreeReader } from './tree';

export const extensionId = 'azure-keyvault-explorer.azure-keyvault-explorer';

export async function activateExtension(): Promise<{ extension: vscode.Extension<ExtensionApi | undefined>; api: ExtensionApi }> {
  const extension = vscode.extensions.getExtension<ExtensionApi | undefined>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed in this VS Code`);
  const api = await extension.activate();
  assert.ok(extension.isActive);
  assert.ok(api, 'the extension returns its test entry in test mode only (src/testApi.ts)');
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

/**
 * A suite that runs signed in: activates the extension, signs in (see signedIn) before its tests, and puts the real
 * Ui back after each test that scripted one. Returns the suite's live handles.
 */
export function signedInSuite(): { readonly api: ExtensionApi; readonly tree: TreeReader; readonly realUi: Ui } {
  const handles = {} as { api: ExtensionApi; tree: TreeReader; realUi: Ui };
  before(async () => {
    ({ api: handles.api } = await activateExtension());
    handles.realUi = handles.api.ui.real;
    handles.tree = new TreeReader(handles.api);
    await signedIn(() => handles.tree.labels());
  });
  afterEach(() => {
    handles.api.ui.reset();
  });
  return handles;
}
