import * as vscode from 'vscode';
import type { AesKeySize, CreateKeyRequest, EcCurve, KeyOperationName, KeyTypeChoice, RsaKeySize } from '../../azure/keyModel';
import { isManagedHsm, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { revealQuietly } from '../items/common';
import { withProgress } from '../progress';
import { askDate, askName, askTags, pickOne, Steps } from '../prompts';
import { UserCancelled } from '../wrapper';
import { revealAction } from '../notices';

interface TypeChoice {
  readonly label: string;
  readonly description: string;
  readonly type: KeyTypeChoice;
  readonly hsm?: boolean;
  readonly size?: RsaKeySize | AesKeySize;
  readonly curve?: EcCurve;
}

const software = (): TypeChoice[] => [
  { label: 'RSA 2048', description: vscode.l10n.t('encrypt, wrap, sign (RS/PS 256–512)'), type: 'RSA', size: 2048 },
  { label: 'RSA 3072', description: vscode.l10n.t('encrypt, wrap, sign'), type: 'RSA', size: 3072 },
  { label: 'RSA 4096', description: vscode.l10n.t('encrypt, wrap, sign (slower to create)'), type: 'RSA', size: 4096 },
  { label: 'EC P-256', description: vscode.l10n.t('sign with {0}', 'ES256'), type: 'EC', curve: 'P-256' },
  { label: 'EC P-384', description: vscode.l10n.t('sign with {0}', 'ES384'), type: 'EC', curve: 'P-384' },
  { label: 'EC P-521', description: vscode.l10n.t('sign with {0}', 'ES512'), type: 'EC', curve: 'P-521' },
];

/** The same types protected by an HSM (`RSA-HSM`, `EC-HSM`): Premium vaults and Managed HSMs. */
const hsmBacked = (note: string): TypeChoice[] =>
  software().map((t) => ({ ...t, label: t.label.replace(/^(RSA|EC)/, '$1-HSM'), description: `${t.description} · ${note}`, hsm: true }));

/** Symmetric keys (`oct-HSM`): Managed HSMs only. */
const aes = (): TypeChoice[] => [
  { label: 'AES 128 (oct-HSM)', description: vscode.l10n.t('encrypt, wrap (AES-GCM, AES-KW)'), type: 'oct', size: 128, hsm: true },
  { label: 'AES 256 (oct-HSM)', description: vscode.l10n.t('encrypt, wrap (AES-GCM, AES-KW)'), type: 'oct', size: 256, hsm: true },
];

/**
 * The key types a vault can create: a Managed HSM only HSM keys (RSA-HSM, EC-HSM, oct-HSM); a Premium vault software
 * and HSM-protected keys; a Standard vault software keys; a vault of unknown SKU (attached by URL) both, the HSM ones
 * marked "Premium vaults only" (the service refuses them in a Standard vault).
 */
function typesFor(vault: VaultTarget): TypeChoice[] {
  if (isManagedHsm(vault)) return [...hsmBacked(vscode.l10n.t('in the Managed HSM')), ...aes()];
  const sku = vault.info?.sku?.toLowerCase();
  if (sku === 'premium') return [...software(), ...hsmBacked(vscode.l10n.t('HSM-protected'))];
  if (sku === 'standard') return software();
  return [...software(), ...hsmBacked(vscode.l10n.t('Premium vaults only'))];
}

const operationsOf: Record<KeyTypeChoice, KeyOperationName[]> = {
  RSA: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
  EC: ['sign', 'verify'],
  oct: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
};

/**
 * Create a key in five steps: name, type and size/curve, allowed operations, optional expiry and tags; then one
 * create request, the Keys group refreshed and the new key revealed. Returns what was created (never key material).
 */
export async function createKey(services: Services, vault: VaultTarget): Promise<CreateKeyRequest & { version?: string }> {
  const steps = new Steps(vscode.l10n.t('Create a key in {0}', vault.name), 5);
  const name = await askName(services, steps.next(), vscode.l10n.t('Name of the new key'));
  const type = await pickOne(services, typesFor(vault), { title: steps.next(), placeHolder: vscode.l10n.t('Key type and size') });
  const picked = await services.ui.pickMany(operationsOf[type.type].map((op) => ({ label: op, picked: true })), { title: steps.next(), placeHolder: vscode.l10n.t('Allowed operations (all selected by default)') });
  if (!picked) throw new UserCancelled();
  if (picked.length === 0) throw new Error(vscode.l10n.t('Choose at least one operation the key may be used for. Nothing was created.'));
  const expiresOn = await askDate(services, steps.next(), { which: 'expiry', prompt: vscode.l10n.t('Expiry date (optional): after it the key cannot be used for new operations') });
  const tags = await askTags(services, steps.next());
  const req: CreateKeyRequest = {
    name,
    type: type.type,
    ...(type.hsm ? { hsm: true } : {}),
    ...(type.size ? { size: type.size } : {}),
    ...(type.curve ? { curve: type.curve } : {}),
    operations: picked.map((p) => p.label),
    ...(expiresOn ? { expiresOn } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
  const { version } = await request(services, { kind: 'key', operation: 'create', vault, name }, (sdk, vaults, url) =>
    withProgress(services, vscode.l10n.t('Creating key {0} ({1}) in {2}…', name, type.label, vault.name), (abortSignal) => sdk.keyOps.createKey(vaults, url, req, { abortSignal })),
  );
  services.log.info(`created key ${name} (${type.label}) in ${vault.name}`);
  services.view.refreshGroup(vault, 'key');
  await revealQuietly(services, { vault, kind: 'key', name });
  services.ui.notify(vscode.l10n.t('Created key {0}', name), { actions: [revealAction(services, { vault, kind: 'key', name })] });
  return { ...req, ...(version ? { version } : {}) };
}
