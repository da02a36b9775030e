import * as vscode from 'vscode';
import type { NewCertificateRequest } from '../../azure/certificateModel';
import { checkSubject, checkValidityMonths, parseDnsNames } from '../../azure/certificatePolicy';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { revealItem, vaultClients } from '../items/common';
import { refreshCertificateGroups } from '../keys/common';
import { askName } from '../keys/inputs';
import { resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import { waitForOperation } from './waitForOperation';

async function input(services: Services, title: string, prompt: string, value: string, check: (v: string) => string | undefined): Promise<string> {
  const text = await services.ui.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: check });
  if (text === undefined) throw new UserCancelled();
  const problem = check(text);
  if (problem) throw new Error(vscode.l10n.t('{0}. Nothing was created.', problem));
  return text.trim();
}

async function pick<T>(services: Services, title: string, placeHolder: string, items: readonly (T & { label: string })[]): Promise<T> {
  const picked = await services.ui.showQuickPick(items, { title, placeHolder });
  if (!picked) throw new UserCancelled();
  return picked;
}

const keyChoices = [
  { label: 'RSA 2048', keyType: 'RSA' as const, keySize: 2048 as const },
  { label: 'RSA 3072', keyType: 'RSA' as const, keySize: 3072 as const },
  { label: 'RSA 4096', keyType: 'RSA' as const, keySize: 4096 as const },
  { label: 'EC P-256', keyType: 'EC' as const, curve: 'P-256' as const },
  { label: 'EC P-384', keyType: 'EC' as const, curve: 'P-384' as const },
  { label: 'EC P-521', keyType: 'EC' as const, curve: 'P-521' as const },
];

/**
 * Create a self-signed certificate through a short wizard (name, subject, DNS names, validity, key, content
 * type, exportable, auto-renewal), then follow the pending operation in a progress notification until the
 * certificate is issued. Returns the outcome (states seen, SHA-1 thumbprint).
 */
export async function createCertificate(services: Services, node?: TreeNode): Promise<{ name: string; states: string[]; thumbprint?: string }> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Create a certificate: choose the vault'));
  const title = vscode.l10n.t('New self-signed certificate in {0}', vault.name);
  const name = await askName(services, title, vscode.l10n.t('Name of the certificate (its key and secret get the same name)'));
  const subject = await input(services, title, vscode.l10n.t('Subject (X.500 distinguished name)'), `CN=${name}`, (v) => checkSubject(v));
  const cn = /CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim() ?? '';
  const dnsText = await input(services, title, vscode.l10n.t('DNS names (subject alternative names), separated by commas; empty: none'), parseDnsNames(cn).ok && cn.includes('.') ? cn : '', (v) => {
    const parsed = parseDnsNames(v);
    return parsed.ok ? undefined : parsed.reason;
  });
  const dnsNames = (parseDnsNames(dnsText) as { names: string[] }).names;
  const months = Number(await input(services, title, vscode.l10n.t('Validity in months (1–1200)'), '12', checkValidityMonths));
  const key = await pick(services, title, vscode.l10n.t('Key type and size'), keyChoices);
  const content = await pick(services, title, vscode.l10n.t('Format of the secret that holds the certificate with its private key'), [
    { label: 'PKCS#12 (PFX)', contentType: 'application/x-pkcs12' as const },
    { label: 'PEM', contentType: 'application/x-pem-file' as const },
  ]);
  const exportable = await pick(services, title, vscode.l10n.t('Can the private key be downloaded?'), [
    { label: vscode.l10n.t('Exportable'), detail: vscode.l10n.t('the private key can be downloaded (PFX/PEM) through the secret of the same name'), exportable: true },
    { label: vscode.l10n.t('Not exportable'), detail: vscode.l10n.t('the private key never leaves the vault'), exportable: false },
  ]);
  const renewal = await pick(services, title, vscode.l10n.t('Renewal'), [
    { label: vscode.l10n.t('Auto-renew {0} days before expiry', 30), days: 30 },
    { label: vscode.l10n.t('Auto-renew {0} days before expiry', 60), days: 60 },
    { label: vscode.l10n.t('No auto-renewal (e-mail contacts at 80 % of the lifetime)'), days: undefined as number | undefined },
  ]);
  if (renewal.days !== undefined && renewal.days >= months * 30) throw new Error(vscode.l10n.t('Auto-renewal {0} days before expiry needs a validity longer than {0} days. Nothing was created.', renewal.days));
  const req: NewCertificateRequest = {
    name, subject, dnsNames, validityInMonths: months, keyType: key.keyType,
    ...('keySize' in key ? { keySize: key.keySize } : {}), ...('curve' in key ? { curve: key.curve } : {}),
    contentType: content.contentType, exportable: exportable.exportable,
    ...(renewal.days !== undefined ? { autoRenewDaysBeforeExpiry: renewal.days } : {}),
  };
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const outcome = await waitForOperation(services, vscode.l10n.t('Creating certificate {0} in {1}', name, vault.name), vault, name, (wait) => sdk.certificateOps.createSelfSigned(vaults, vault.vaultUrl, req, wait));
  await refreshCertificateGroups(services, vault, node);
  await revealItem(services, vault, 'certificate', name);
  services.ui.notify(vscode.l10n.t('Created certificate {0} ({1}, {2} months)', name, key.label, months));
  const thumbprint = outcome.details?.certificate?.thumbprintSha1;
  return { name, states: outcome.states, ...(thumbprint ? { thumbprint } : {}) };
}
