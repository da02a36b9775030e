import * as vscode from 'vscode';
import type { CreateKeyRequest, EcCurve, KeyOperationName, KeyTypeChoice, RsaKeySize } from '../../azure/keyModel';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import { refreshGroup, revealItem, vaultClients, withProgress } from '../items/common';
import { fail } from './common';
import { askDate, askName, askTags } from './inputs';

interface TypeChoice {
  readonly label: string;
  readonly description: string;
  readonly type: KeyTypeChoice;
  readonly size?: RsaKeySize;
  readonly curve?: EcCurve;
}

const types = (): TypeChoice[] => [
  { label: 'RSA 2048', description: vscode.l10n.t('encrypt, wrap, sign (RS/PS 256–512)'), type: 'RSA', size: 2048 },
  { label: 'RSA 3072', description: vscode.l10n.t('encrypt, wrap, sign'), type: 'RSA', size: 3072 },
  { label: 'RSA 4096', description: vscode.l10n.t('encrypt, wrap, sign (slower to create)'), type: 'RSA', size: 4096 },
  { label: 'EC P-256', description: vscode.l10n.t('sign with {0}', 'ES256'), type: 'EC', curve: 'P-256' },
  { label: 'EC P-384', description: vscode.l10n.t('sign with {0}', 'ES384'), type: 'EC', curve: 'P-384' },
  { label: 'EC P-521', description: vscode.l10n.t('sign with {0}', 'ES512'), type: 'EC', curve: 'P-521' },
];

const operationsOf: Record<KeyTypeChoice, KeyOperationName[]> = {
  RSA: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
  EC: ['sign', 'verify'],
};

/**
 * Create a key: name, type and size/curve, allowed operations, optional expiry and tags; then one create
 * request, the Keys group refreshed and the new key revealed. Returns what was created (never key material).
 */
export async function createKey(services: Services, node?: TreeNode): Promise<CreateKeyRequest & { version?: string }> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Create a key: choose the vault'));
  const title = vscode.l10n.t('Create a key in {0}', vault.name);
  const name = await askName(services, title, vscode.l10n.t('Name of the new key'));
  const type = await services.ui.showQuickPick(types(), { title, placeHolder: vscode.l10n.t('Key type and size') });
  if (!type) throw new UserCancelled();
  const all = operationsOf[type.type];
  const picked = await services.ui.pickMany(all.map((op) => ({ label: op, picked: true })), { title, placeHolder: vscode.l10n.t('Allowed operations (all selected by default)') });
  if (!picked) throw new UserCancelled();
  if (picked.length === 0) throw new Error(vscode.l10n.t('Choose at least one operation the key may be used for. Nothing was created.'));
  const expiresOn = await askDate(services, title, vscode.l10n.t('Expiry date (optional): after it the key cannot be used for new operations'));
  const tags = await askTags(services, title);
  const req: CreateKeyRequest = {
    name,
    type: type.type,
    ...(type.size ? { size: type.size } : {}),
    ...(type.curve ? { curve: type.curve } : {}),
    operations: picked.map((p) => p.label),
    ...(expiresOn ? { expiresOn } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let version: string | undefined;
  try {
    version = (await withProgress(vscode.l10n.t('Creating key {0} ({1}) in {2}…', name, type.label, vault.name), () => sdk.keyOps.createKey(vaults, vault.vaultUrl, req))).version;
  } catch (error) {
    fail(error, 'key', 'create', vault, name);
  }
  services.log.info(`created key ${name} (${type.label}) in ${vault.name}`);
  await refreshGroup(services, vault, 'key', node);
  await revealItem(services, vault, 'key', name);
  services.ui.notify(vscode.l10n.t('Created key {0}', name));
  return { ...req, ...(version ? { version } : {}) };
}
