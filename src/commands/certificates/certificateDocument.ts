// The JSON of a certificate's read-only details document and of its policy (pure; public material only).
import type { CertificateDetails, CertificatePolicyInfo } from '../../azure/certificateModel';
import { compact as compactDefined, iso } from '../items/documents';

/** Without undefined members and empty arrays. */
const compact = <T extends object>(o: T): T => compactDefined(o, true);

const contentTypeNames: Record<string, string> = { 'application/x-pkcs12': 'PKCS#12 (PFX)', 'application/x-pem-file': 'PEM' };

/** The policy as the extension reads it, without its own state (enabled, created, updated). */
export function policyDocument(p: CertificatePolicyInfo | undefined): Record<string, unknown> | undefined {
  if (!p) return undefined;
  const { enabled: _enabled, createdOn: _createdOn, updatedOn: _updatedOn, ...policy } = p;
  return compact(policy);
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
