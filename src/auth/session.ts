import * as vscode from 'vscode';
import { cloudForSovereignSetting, type CloudEnvironment } from './clouds';

/** The cloud chosen through VS Code's own sovereign-cloud setting. */
export function currentCloud(): CloudEnvironment {
  const environment = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment');
  return cloudForSovereignSetting(environment || undefined);
}

/** Returns the VS Code Microsoft session, silently unless `interactive` (an explicit sign-in action). */
export async function getArmSession(interactive: boolean): Promise<vscode.AuthenticationSession | undefined> {
  const cloud = currentCloud();
  const scopes = [cloud.resourceManagerScope];
  if (interactive) return vscode.authentication.getSession(cloud.authProviderId, scopes, { createIfNone: true });
  return vscode.authentication.getSession(cloud.authProviderId, scopes, { silent: true });
}
