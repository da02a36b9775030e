// Shared by the secrets e2e suites: the run-time seed of their own subscription and vaults, the clipboard setting
// of a suite, and the writes among logged requests. The scripted Ui, the world itself and the scans of files on disk
// are ./scripted's; state is checked through the extension's own src/azure code (no SDK client of the test's own).
import * as vscode from 'vscode';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';

export const SUBSCRIPTION = 'Secrets E2E';
export const VAULTS = { main: 'kv-sec-main', pp: 'kv-sec-pp', nosd: 'kv-sec-nosd', target: 'kv-sec-target' } as const;
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-00000000005e';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

/** The secrets suites' world: their own subscription with four vaults, seeded once per emulator. */
async function seedSecretsWorld(): Promise<void> {
  if (await hasVault(VAULTS.main)) return;
  const vault = (name: string, extra: object, secrets: object[]) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-sec', location: 'westeurope', timings: { deleteDelayMs: 200 }, ...extra, secrets });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(VAULTS.main, { softDeleteRetentionInDays: 7, enableRbacAuthorization: true }, [
        { name: 'app-secret', contentType: 'text/plain', tags: { env: 'e2e', owner: 'secrets' }, versions: [{ value: 'app-secret-v1', created: '-2d' }, { value: 'app-secret-v2', created: '-1d' }] },
        { name: 'json-config', contentType: 'application/json', versions: [{ value: '{"feature":true,"level":3}' }] },
        { name: 'off-secret', versions: [{ value: 'off value', enabled: false }] },
        { name: 'rotate-me', contentType: 'text/plain', tags: { rotated: 'no' }, versions: [{ value: 'rotate-v1' }] },
        { name: 'attr-secret', versions: [{ value: 'attr value' }] },
        { name: 'edit-me', contentType: 'application/json', tags: { kind: 'config' }, versions: [{ value: '{"a":1}' }] },
        { name: 'conflict-me', versions: [{ value: 'conflict v1' }] },
        { name: 'reset-me', versions: [{ value: 'reset v1' }] },
        { name: 'del-one', versions: [{ value: 'x1' }] },
        { name: 'del-two', versions: [{ value: 'x2' }] },
        { name: 'gone-secret', versions: [{ value: 'gone' }], deleted: { deletedDate: '-1d' } },
        { name: 'purge-me', versions: [{ value: 'purge' }], deleted: { deletedDate: '-1d' } },
      ]),
      vault(VAULTS.pp, { enablePurgeProtection: true, softDeleteRetentionInDays: 30 }, [{ name: 'pp-deleted', versions: [{ value: 'protected' }], deleted: { deletedDate: '-1d' } }]),
      vault(VAULTS.nosd, { enableSoftDelete: false }, [{ name: 'temp-secret', versions: [{ value: 'temporary' }] }]),
      vault(VAULTS.target, {}, [{ name: 'existing-target', versions: [{ value: 'target value' }] }]),
    ],
  });
}

export type SecretsWorld = ScriptedWorld;

/** Signs in, seeds, and sets the scripted Ui (restore it with `world.api.ui.reset()`). */
export function secretsWorld(): Promise<SecretsWorld> {
  return scriptedWorld(SUBSCRIPTION, seedSecretsWorld);
}

/** Sets `azureKeyVault.clipboardClearSeconds` for the suite (mocha hooks; reset after it). */
export function clipboardClearsAfter(seconds: number): void {
  const config = () => vscode.workspace.getConfiguration('azureKeyVault');
  before(() => config().update('clipboardClearSeconds', seconds, vscode.ConfigurationTarget.Global));
  after(() => config().update('clipboardClearSeconds', undefined, vscode.ConfigurationTarget.Global));
}

/** Writes (PUT, PATCH, POST, DELETE) in a list of `status METHOD path` lines. */
export function writes(requests: readonly string[]): string[] {
  return requests.filter((r) => r.split(' ')[1] !== 'GET');
}
