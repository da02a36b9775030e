// Reading a secret's value on the user's request, and the editor language it shows in — shared by the secrets and
// history areas (Show Value, Edit, Copy, Compare, Make Current).
import * as vscode from 'vscode';
import type { SecretValue } from '../../azure/secretOps';
import type { ItemTarget } from '../../model/targets';
import { languageForSecret } from '../../platform/documents/language';
import type { Services } from '../../services';
import { request } from '../failures';
import { setEnabled } from './setEnabled';

/** Reads the value the user asked for (latest, or the target's version); explains failures (Enable button). */
export function readSecretValue(services: Services, target: ItemTarget): Promise<SecretValue> {
  const { vault, name, version } = target;
  return request(services, { kind: 'secret', operation: 'read', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.getSecretValue(vaults, url, name, version, options), {
    enable: () => setEnabled(services, target, true),
  });
}

/** The language mode for a value: from its content type, else sniffed; only modes VS Code has. */
export async function secretLanguage(contentType: string | undefined, value: string): Promise<string> {
  return languageForSecret(contentType, value, new Set(await vscode.languages.getLanguages()));
}
