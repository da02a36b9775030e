// Certificate policies: SDK shape ↔ the plain CertificatePolicyInfo, the self-signed policy of the create wizard,
// and the checks made before any request (type-only SDK imports: pure).
import * as l10n from '@vscode/l10n';
import type { CertificatePolicy, LifetimeAction } from '@azure/keyvault-certificates';
import type { CertificateLifetimeAction, CertificatePolicyInfo, NewCertificateRequest } from './certificateModel';

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function policyInfo(p: CertificatePolicy | undefined): CertificatePolicyInfo | undefined {
  if (!p) return undefined;
  const san = p.subjectAlternativeNames as { dnsNames?: string[]; emails?: string[]; userPrincipalNames?: string[] } | undefined;
  return compact({
    subject: p.subject,
    dnsNames: san?.dnsNames,
    emails: san?.emails,
    userPrincipalNames: san?.userPrincipalNames,
    issuerName: p.issuerName,
    validityInMonths: p.validityInMonths,
    keyType: p.keyType,
    keySize: p.keySize,
    keyCurveName: p.keyCurveName,
    exportable: p.exportable,
    reuseKey: p.reuseKey,
    contentType: p.contentType,
    lifetimeActions: p.lifetimeActions?.map((a) => compact({ action: a.action ?? 'EmailContacts', daysBeforeExpiry: a.daysBeforeExpiry, lifetimePercentage: a.lifetimePercentage })),
    keyUsage: p.keyUsage,
    enhancedKeyUsage: p.enhancedKeyUsage,
    certificateType: p.certificateType,
    certificateTransparency: p.certificateTransparency,
    enabled: p.enabled,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
  });
}

/** The SDK policy for a plain policy (fields left undefined are not sent). */
export function sdkPolicy(info: CertificatePolicyInfo): CertificatePolicy {
  const san = compact({
    dnsNames: info.dnsNames?.length ? [...info.dnsNames] : undefined,
    emails: info.emails?.length ? [...info.emails] : undefined,
    userPrincipalNames: info.userPrincipalNames?.length ? [...info.userPrincipalNames] : undefined,
  });
  const hasSan = Object.keys(san).length > 0;
  return compact({
    subject: info.subject,
    subjectAlternativeNames: hasSan ? san : undefined,
    issuerName: info.issuerName,
    validityInMonths: info.validityInMonths,
    keyType: info.keyType,
    keySize: info.keySize,
    keyCurveName: info.keyCurveName,
    exportable: info.exportable,
    reuseKey: info.reuseKey,
    contentType: info.contentType,
    lifetimeActions: info.lifetimeActions?.map((a): LifetimeAction => compact({ action: a.action, daysBeforeExpiry: a.daysBeforeExpiry, lifetimePercentage: a.lifetimePercentage })),
    enhancedKeyUsage: info.enhancedKeyUsage ? [...info.enhancedKeyUsage] : undefined,
    keyUsage: info.keyUsage ? [...info.keyUsage] : undefined,
    certificateType: info.certificateType,
    certificateTransparency: info.certificateTransparency,
  }) as CertificatePolicy;
}

/** The policy of a new self-signed certificate (issuer Self) from the wizard's answers. */
export function selfSignedPolicy(req: NewCertificateRequest): CertificatePolicyInfo {
  const lifetime: CertificateLifetimeAction[] = req.autoRenewDaysBeforeExpiry !== undefined
    ? [{ action: 'AutoRenew', daysBeforeExpiry: req.autoRenewDaysBeforeExpiry }]
    : [{ action: 'EmailContacts', lifetimePercentage: 80 }];
  return compact({
    subject: req.subject,
    dnsNames: req.dnsNames.length ? req.dnsNames : undefined,
    issuerName: 'Self',
    validityInMonths: req.validityInMonths,
    keyType: req.keyType,
    keySize: req.keyType === 'RSA' ? (req.keySize ?? 2048) : undefined,
    keyCurveName: req.keyType === 'EC' ? (req.curve ?? 'P-256') : undefined,
    exportable: req.exportable,
    reuseKey: false,
    contentType: req.contentType,
    lifetimeActions: lifetime,
    keyUsage: req.keyType === 'RSA' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'],
    enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
  });
}

/** C0/C1 control characters (line breaks included): never part of a name, a subject or an address. */
function hasControl(text: string): boolean {
  return [...text].some((c) => {
    const code = c.codePointAt(0)!;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
}

/**
 * An X.500 subject such as "CN=web.contoso.com, O=Contoso": undefined when fine, else why not. A line break or
 * other control character is refused: the service would put it into the certificate's distinguished name, where
 * it can make the subject read differently in tools that print it.
 */
export function checkSubject(subject: string): string | undefined {
  const s = subject.trim();
  if (!s) return l10n.t('The subject is required, for example {0}', 'CN=web.contoso.com');
  if (hasControl(subject)) return l10n.t('The subject cannot contain line breaks, tabs or other control characters.');
  const parts = s.split(/,(?=\s*[A-Za-z][A-Za-z0-9.]*\s*=)/);
  for (const part of parts) {
    if (!/^\s*[A-Za-z][A-Za-z0-9.]*\s*=\s*\S/.test(part)) return l10n.t('"{0}" is not an attribute=value pair (for example {1})', part.trim(), 'CN=web.contoso.com');
  }
  if (!parts.some((p) => /^\s*CN\s*=/i.test(p))) return l10n.t('The subject needs a common name (CN=…)');
  return undefined;
}

const DNS_NAME = /^(\*\.)?([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Comma or space separated DNS names → list, or the first bad one. */
export function parseDnsNames(text: string): { ok: true; names: string[] } | { ok: false; reason: string } {
  const names = text.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean);
  for (const n of names) {
    if (n.length > 253 || !DNS_NAME.test(n)) return { ok: false, reason: l10n.t('"{0}" is not a DNS name', n) };
  }
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) return { ok: false, reason: l10n.t('A DNS name is listed twice') };
  return { ok: true, names };
}

/** 1–1200 months (the service's range). */
export function checkValidityMonths(text: string): string | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1200 ? undefined : l10n.t('Enter a whole number of months between {0} and {1}', 1, 1200);
}

const KEY_USAGES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** The names of a policy's subject alternative names, key usages and texts; an empty list when valid. */
function checkNames(p: CertificatePolicyInfo): string[] {
  const problems: string[] = [];
  for (const n of p.dnsNames ?? []) if (n.length > 253 || !DNS_NAME.test(n)) problems.push(l10n.t('"{0}" is not a DNS name', JSON.stringify(n).slice(1, -1)));
  for (const [field, list] of [['emails', p.emails], ['userPrincipalNames', p.userPrincipalNames]] as const) {
    for (const a of list ?? []) if (hasControl(a) || !ADDRESS.test(a)) problems.push(l10n.t('{0}: "{1}" is not of the form {2}', field, JSON.stringify(a).slice(1, -1), 'name@domain'));
  }
  for (const u of p.keyUsage ?? []) if (!KEY_USAGES.includes(u)) problems.push(l10n.t('{0} must be among {1} (got {2})', 'keyUsage', KEY_USAGES.join(', '), JSON.stringify(u)));
  for (const e of p.enhancedKeyUsage ?? []) if (!/^\d+(\.\d+)+$/.test(e)) problems.push(l10n.t('{0} must be OIDs such as {1} (got {2})', 'enhancedKeyUsage', '1.3.6.1.5.5.7.3.1', JSON.stringify(e)));
  for (const [field, text] of [['issuerName', p.issuerName], ['certificateType', p.certificateType]] as const) {
    if (text !== undefined && hasControl(text)) problems.push(l10n.t('{0} cannot contain line breaks, tabs or other control characters', field));
  }
  return problems;
}

/** Checks the parts of a policy the user can edit; an empty list when valid. */
export function validatePolicy(p: CertificatePolicyInfo): string[] {
  const problems: string[] = [];
  if (p.subject !== undefined) {
    const s = checkSubject(p.subject);
    if (s) problems.push(s);
  }
  problems.push(...checkNames(p));
  if (p.validityInMonths !== undefined && checkValidityMonths(String(p.validityInMonths))) problems.push(l10n.t('{0} must be {1}–{2}', 'validityInMonths', 1, 1200));
  if (p.keyType !== undefined && !['RSA', 'RSA-HSM', 'EC', 'EC-HSM'].includes(p.keyType)) problems.push(l10n.t('{0} must be {1} (got {2})', 'keyType', 'RSA, RSA-HSM, EC or EC-HSM', p.keyType));
  if (p.keySize !== undefined && /^RSA/.test(p.keyType ?? 'RSA') && ![2048, 3072, 4096].includes(p.keySize)) problems.push(l10n.t('{0} must be {1}', 'keySize', '2048, 3072 or 4096'));
  if (p.keyCurveName !== undefined && !['P-256', 'P-384', 'P-521', 'P-256K'].includes(p.keyCurveName)) problems.push(l10n.t('{0} must be {1}', 'keyCurveName', 'P-256, P-384, P-521 or P-256K'));
  if (p.contentType !== undefined && !['application/x-pkcs12', 'application/x-pem-file'].includes(p.contentType)) problems.push(l10n.t('{0} must be {1}', 'contentType', 'application/x-pkcs12 or application/x-pem-file'));
  for (const a of p.lifetimeActions ?? []) {
    if (!['AutoRenew', 'EmailContacts'].includes(a.action)) problems.push(l10n.t('lifetime action must be {0} (got {1})', 'AutoRenew or EmailContacts', a.action));
    const triggers = [a.daysBeforeExpiry, a.lifetimePercentage].filter((t) => t !== undefined);
    if (triggers.length !== 1) problems.push(l10n.t('each lifetime action needs exactly one of {0} or {1}', 'daysBeforeExpiry', 'lifetimePercentage'));
    if (a.lifetimePercentage !== undefined && !(Number.isInteger(a.lifetimePercentage) && a.lifetimePercentage >= 1 && a.lifetimePercentage <= 99)) problems.push(l10n.t('{0} must be {1}–{2}', 'lifetimePercentage', 1, 99));
    if (a.daysBeforeExpiry !== undefined && !(Number.isInteger(a.daysBeforeExpiry) && a.daysBeforeExpiry >= 1)) problems.push(l10n.t('{0} must be a whole number of days, at least 1', 'daysBeforeExpiry'));
    if (a.daysBeforeExpiry !== undefined && p.validityInMonths !== undefined && a.daysBeforeExpiry >= p.validityInMonths * 30) problems.push(l10n.t('{0} must be shorter than the validity', 'daysBeforeExpiry'));
  }
  return problems;
}

/** The fields the policy document may change; anything else in it is refused (no silent ignoring). */
const editable = new Set(['subject', 'dnsNames', 'emails', 'userPrincipalNames', 'issuerName', 'validityInMonths', 'keyType', 'keySize', 'keyCurveName', 'exportable', 'reuseKey', 'contentType', 'lifetimeActions', 'keyUsage', 'enhancedKeyUsage', 'certificateType', 'certificateTransparency']);

/** Parses and checks the edited JSON: the policy to send, or an Error saying what is wrong (before any request). */
export function parsePolicyJson(text: string): CertificatePolicyInfo {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(l10n.t('The policy is not valid JSON: {0}', error instanceof Error ? error.message : String(error)));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(l10n.t('The policy must be a JSON object.'));
  const unknown = Object.keys(parsed).filter((k) => !editable.has(k));
  if (unknown.length) throw new Error(l10n.t('Unknown policy field(s): {0}. Editable: {1}.', unknown.join(', '), [...editable].join(', ')));
  const types: Record<string, string> = {
    subject: 'string', issuerName: 'string', keyType: 'string', keyCurveName: 'string', contentType: 'string', certificateType: 'string',
    validityInMonths: 'number', keySize: 'number', exportable: 'boolean', reuseKey: 'boolean', certificateTransparency: 'boolean',
    dnsNames: 'array', emails: 'array', userPrincipalNames: 'array', lifetimeActions: 'array', keyUsage: 'array', enhancedKeyUsage: 'array',
  };
  for (const [k, v] of Object.entries(parsed)) {
    const want = types[k];
    const got = Array.isArray(v) ? 'array' : typeof v;
    if (want && got !== want) throw new Error(want === 'array' ? l10n.t('"{0}" must be an array (got {1}).', k, got) : l10n.t('"{0}" must be a {1} (got {2}).', k, want, got));
    // The items of arrays too: texts, and lifetime actions as objects (a number among DNS names is refused here,
    // not sent).
    if (Array.isArray(v)) {
      const item = k === 'lifetimeActions' ? 'object' : 'string';
      const bad = (v as unknown[]).find((x) => (Array.isArray(x) || x === null ? 'other' : typeof x) !== item);
      if (bad !== undefined) throw new Error(item === 'object' ? l10n.t('"{0}" must be an array of objects.', k) : l10n.t('"{0}" must be an array of texts.', k));
    }
  }
  const policy = parsed as CertificatePolicyInfo;
  const problems = validatePolicy(policy);
  if (problems.length) throw new Error(l10n.t('The policy is not valid: {0}.', problems.join('; ')));
  return policy;
}
