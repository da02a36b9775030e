// The JSON of a certificate's read-only details document and of its policy (pure; public material only).
import type { CertificateDetails, CertificatePolicyInfo } from '../../azure/certificateModel';
import { iso } from '../keys/common';

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

const contentTypeNames: Record<string, string> = { 'application/x-pkcs12': 'PKCS#12 (PFX)', 'application/x-pem-file': 'PEM' };

export function policyDocument(p: CertificatePolicyInfo | undefined): Record<string, unknown> | undefined {
  if (!p) return undefined;
  return compact({
    subject: p.subject,
    dnsNames: p.dnsNames,
    emails: p.emails,
    userPrincipalNames: p.userPrincipalNames,
    issuerName: p.issuerName,
    validityInMonths: p.validityInMonths,
    keyType: p.keyType,
    keySize: p.keySize,
    keyCurveName: p.keyCurveName,
    exportable: p.exportable,
    reuseKey: p.reuseKey,
    contentType: p.contentType,
    lifetimeActions: p.lifetimeActions,
    keyUsage: p.keyUsage,
    enhancedKeyUsage: p.enhancedKeyUsage,
    certificateType: p.certificateType,
    certificateTransparency: p.certificateTransparency,
  });
}

export function certificateDocument(d: CertificateDetails, vaultName: string): Record<string, unknown> {
  const c = d.certificate;
  const san = c?.subjectAlternativeNames;
  return compact({
    name: d.name,
    vault: vaultName,
    id: d.id,
    version: d.version,
    status: c ? undefined : 'pending: no issued certificate yet',
    subject: c?.subject,
    subjectAlternativeNames: san ? compact({ dnsNames: san.dnsNames, ipAddresses: san.ipAddresses, emails: san.emails, uris: san.uris, other: san.other }) : undefined,
    issuer: c?.issuer,
    selfSigned: c?.selfSigned,
    serialNumber: c?.serialNumber,
    thumbprintSha1: c?.thumbprintSha1,
    thumbprintSha256: c?.thumbprintSha256,
    notBefore: iso(c?.validFrom ?? d.notBefore),
    notAfter: iso(c?.validTo ?? d.expiresOn),
    keyType: c?.keyType,
    exportable: d.policy?.exportable,
    contentType: d.policy?.contentType ? `${d.policy.contentType} (${contentTypeNames[d.policy.contentType] ?? d.policy.contentType})` : undefined,
    extendedKeyUsages: c?.extendedKeyUsages,
    certificateAuthority: c?.ca,
    enabled: d.enabled,
    created: iso(d.createdOn),
    updated: iso(d.updatedOn),
    recoveryLevel: d.recoveryLevel,
    recoverableDays: d.recoverableDays,
    tags: d.tags,
    keyId: d.keyId,
    secretId: d.secretId,
    policy: policyDocument(d.policy),
  });
}
