// Shared by the keys, certificates and decorations e2e suites: their own subscription and vaults (seeded at run
// time, once per emulator) and an editor to run crypto commands on. The scripted Ui, the world
// itself, the request log and the scans of files on disk are ./scripted's.
import * as vscode from 'vscode';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';

export const SUBSCRIPTION = 'Keys E2E';
export const VAULTS = { main: 'kv-keys-main', pp: 'kv-keys-pp', deco: 'kv-keys-deco' } as const;
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-00000000006b';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

/** The suites' world: a subscription with three vaults, seeded once per emulator process. */
async function seedWorld(): Promise<void> {
  if (await hasVault(VAULTS.main)) return;
  const vault = (name: string, extra: object, content: object) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-keys', location: 'westeurope', timings: { deleteDelayMs: 200, certificateDelayMs: 1500 }, ...extra, ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(VAULTS.main, { softDeleteRetentionInDays: 7, enableRbacAuthorization: true }, {
        keys: [
          { name: 'app-rsa', kty: 'RSA', size: 2048, tags: { team: 'payments' } },
          { name: 'app-ec', kty: 'EC', curve: 'P-256' },
          { name: 'sign-only', kty: 'RSA', size: 2048, ops: ['sign', 'verify'] },
          { name: 'off-key', kty: 'EC', enabled: false },
          { name: 'rotate-me', kty: 'EC', curve: 'P-384' },
          { name: 'del-key', kty: 'EC' },
          { name: 'gone-key', kty: 'EC', deleted: true },
          { name: 'purge-key', kty: 'EC', deleted: true },
        ],
        certificates: [
          { name: 'web', subject: 'CN=web.keys.e2e, O=Contoso', sans: ['web.keys.e2e', 'www.keys.e2e'], validityMonths: 12 },
          { name: 'pem-cert', subject: 'CN=pem.keys.e2e', keyType: 'EC', contentType: 'pem' },
          { name: 'locked', subject: 'CN=locked.keys.e2e', exportable: false },
          { name: 'renew-me', subject: 'CN=renew.keys.e2e', keyType: 'EC' },
          { name: 'off-cert', subject: 'CN=off.keys.e2e', keyType: 'EC', enabled: false },
          { name: 'del-cert', subject: 'CN=del.keys.e2e', keyType: 'EC' },
          { name: 'gone-cert', subject: 'CN=gone.keys.e2e', keyType: 'EC', deleted: true },
        ],
      }),
      vault(VAULTS.pp, { enablePurgeProtection: true, softDeleteRetentionInDays: 30 }, {
        keys: [{ name: 'pp-key', kty: 'EC', deleted: true }],
        certificates: [{ name: 'pp-cert', keyType: 'EC', deleted: true }],
      }),
      // The decorations seed: an expired key, an expiring certificate and a disabled secret (+ a healthy one each).
      vault(VAULTS.deco, {}, {
        secrets: [{ name: 'fine-secret', versions: [{ value: 'fine' }] }, { name: 'off-secret', versions: [{ value: 'off', enabled: false }] }],
        keys: [{ name: 'fine-key', kty: 'EC' }, { name: 'old-key', kty: 'EC', exp: '-3d' }],
        certificates: [{ name: 'soon-cert', subject: 'CN=soon.keys.e2e', keyType: 'EC', notBefore: '-300d', expires: '+10d' }],
      }),
    ],
  });
}

export type KeysWorld = ScriptedWorld;

/** Signs in, seeds, and sets the scripted Ui (restore with `world.api.ui.reset()`). */
export function keysWorld(): Promise<KeysWorld> {
  return scriptedWorld(SUBSCRIPTION, seedWorld);
}

/** An untitled editor holding `text`, everything selected. */
export async function editorWith(text: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(text.length));
  return editor;
}
