import * as vscode from 'vscode';
import type { NewCertificateRequest } from '../../azure/certificateModel';
import { checkSubject, checkValidityMonths, parseDnsNames } from '../../azure/certificatePolicy';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { refreshCertificateGroups, revealQuietly } from '../items/common';
import { askName, askText, pickOne, Steps } from '../prompts';
import { waitForOperation } from './waitForOperation';
import { revealAction } from '../notices';

const keyChoices = [
  { label: 'RSA 2048', keyType: 'RSA' as const, keySize: 2048 as const },
  { label: 'RSA 3072', keyType: 'RSA' as const, keySize: 3072 as const },
  { label: 'RSA 4096', keyType: 'RSA' as const, keySize: 4096 as const },
  { label: 'EC P-256', keyType: 'EC' as const, curve: 'P-256' as const },
  { label: 'EC P-384', keyType: 'EC' as const, curve: 'P-384' as const },
  { label: 'EC P-521', keyType: 'EC' as const, curve: 'P-521' as const },
];

/** A wizard answer refused after the prompt (scripted or pasted): nothing has been sent yet. */
const notCreated = (problem: string) => vscode.l10n.t('{0}. Nothing was created.', problem);

/**
 * Create a self-signed certificate through a short wizard (name, subject, DNS names, validity, key, content
 * type, exportable, auto-renewal), then follow the pending operation in a progress notification until the
 * certificate is issued. Returns the outcome (states seen, SHA-1 thumbprint).
 */
export async function createCertificate(services: Services, vault: VaultTarget): Promise<{ name: string; states: string[]; thumbprint?: string }> {
  const steps = new Steps(vscode.l10n.t('New self-signed certificate in {0}', vault.name), 8);
  const name = await askName(services, steps.next(), vscode.l10n.t('Name of the certificate (its key and secret get the same name)'));
  const subject = await askText(services, { title: steps.next(), prompt: vscode.l10n.t('Subject (X.500 distinguished name)'), value: `CN=${name}`, check: (v) => checkSubject(v), refusal: notCreated });
  const cn = /CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim() ?? '';
  const dnsText = await askText(services, {
    title: steps.next(),
    prompt: vscode.l10n.t('DNS names (subject alternative names), separated by commas; empty: none'),
    value: parseDnsNames(cn).ok && cn.includes('.') ? cn : '',
    check: (v) => {
      const parsed = parseDnsNames(v);
      return parsed.ok ? undefined : parsed.reason;
    },
    refusal: notCreated,
  });
  const dnsNames = (parseDnsNames(dnsText) as { names: string[] }).names;
  const months = Number(await askText(services, { title: steps.next(), prompt: vscode.l10n.t('Validity in months (1–1200)'), value: '12', check: checkValidityMonths, refusal: notCreated }));
  const key = await pickOne(services, keyChoices, { title: steps.next(), placeHolder: vscode.l10n.t('Key type and size') });
  const content = await pickOne(
    services,
    [
      { label: 'PKCS#12 (PFX)', contentType: 'application/x-pkcs12' as const },
      { label: 'PEM', contentType: 'application/x-pem-file' as const },
    ],
    { title: steps.next(), placeHolder: vscode.l10n.t('Format of the secret that holds the certificate with its private key') },
  );
  const exportable = await pickOne(
    services,
    [
      { label: vscode.l10n.t('Exportable'), detail: vscode.l10n.t('the private key can be downloaded (PFX/PEM) through the secret of the same name'), exportable: true },
      { label: vscode.l10n.t('Not exportable'), detail: vscode.l10n.t('the private key never leaves the vault'), exportable: false },
    ],
    { title: steps.next(), placeHolder: vscode.l10n.t('Can the private key be downloaded?') },
  );
  const renewal = await pickOne(
    services,
    [
      { label: vscode.l10n.t('Auto-renew {0} days before expiry', 30), days: 30 },
      { label: vscode.l10n.t('Auto-renew {0} days before expiry', 60), days: 60 },
      { label: vscode.l10n.t('No auto-renewal (e-mail contacts at 80 % of the lifetime)'), days: undefined as number | undefined },
    ],
    { title: steps.next(), placeHolder: vscode.l10n.t('Renewal') },
  );
  if (renewal.days !== undefined && renewal.days >= months * 30) throw new Error(vscode.l10n.t('Auto-renewal {0} days before expiry needs a validity longer than {0} days. Nothing was created.', renewal.days));
  const req: NewCertificateRequest = {
    name, subject, dnsNames, validityInMonths: months, keyType: key.keyType,
    ...('keySize' in key ? { keySize: key.keySize } : {}), ...('curve' in key ? { curve: key.curve } : {}),
    contentType: content.contentType, exportable: exportable.exportable,
    ...(renewal.days !== undefined ? { autoRenewDaysBeforeExpiry: renewal.days } : {}),
  };
  const outcome = await waitForOperation(services, vscode.l10n.t('Creating certificate {0} in {1}', name, vault.name), vault, name, (sdk, vaults, url, wait) => sdk.certificateOps.createSelfSigned(vaults, url, req, wait));
  refreshCertificateGroups(services, vault);
  await revealQuietly(services, { vault, kind: 'certificate', name });
  services.ui.notify(vscode.l10n.t('Created certificate {0} ({1}, {2} months)', name, key.label, months), { actions: [revealAction(services, { vault, kind: 'certificate', name })] });
  const thumbprint = outcome.details?.certificate?.thumbprintSha1;
  return { name, states: outcome.states, ...(thumbprint ? { thumbprint } : {}) };
}
