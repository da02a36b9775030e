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
