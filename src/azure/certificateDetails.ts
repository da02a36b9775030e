// A certificate as the extension sees it (pure mapping, plus the one read of it): the SDK's certificate and policy →
// CertificateDetails (public material only), a pending operation → CertificateOperationInfo.
import type { CertificatePolicy, KeyVaultCertificate, KeyVaultCertificateWithPolicy } from '@azure/keyvault-certificates';
import type { CertificateDetails, CertificateOperationInfo } from './certificateModel';
import { parseCertificate } from './certificateParse';
import { policyInfo } from './certificatePolicy';
import type { OperationOptions } from './polling';
import type { VaultClients } from './vaultClients';

export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function certificateDetails(c: KeyVaultCertificate | KeyVaultCertificateWithPolicy, policy?: CertificatePolicy): CertificateDetails {
  const p = c.properties;
  const cer = c.cer && c.cer.length ? c.cer : undefined;
  const thumb = p.x509Thumbprint?.length ? Buffer.from(p.x509Thumbprint).toString('hex').toUpperCase() : undefined;
  return compact({
    name: c.name,
    id: c.id ?? p.id ?? `${p.vaultUrl ?? ''}/certificates/${c.name}`,
    version: p.version,
    vaultUrl: p.vaultUrl ?? '',
    enabled: p.enabled !== false,
    notBefore: p.notBefore,
    expiresOn: p.expiresOn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
    recoveryLevel: p.recoveryLevel,
    recoverableDays: p.recoverableDays,
    tags: { ...(p.tags ?? {}) },
    keyId: c.keyId,
    secretId: c.secretId,
    serviceThumbprint: thumb,
    certificate: cer ? parseCertificate(cer) : undefined,
    policy: policyInfo(policy ?? ('policy' in c ? c.policy : undefined)),
    cerBase64: cer ? Buffer.from(cer).toString('base64') : undefined,
  });
}

/**
 * A certificate with its policy. The latest version: one GET (it carries the policy). A given version: that
 * version plus the certificate's policy (two GETs; the policy belongs to the certificate, not the version).
 */
export async function getCertificateDetails(vaults: VaultClients, vaultUrl: string, name: string, version?: string, options: OperationOptions = {}): Promise<CertificateDetails> {
  const client = vaults.certificates(vaultUrl);
  const { abortSignal } = options;
  if (!version) return certificateDetails(await client.getCertificate(name, { abortSignal }));
  const [cert, policy] = await Promise.all([client.getCertificateVersion(name, version, { abortSignal }), client.getCertificatePolicy(name, { abortSignal })]);
  return certificateDetails(cert, policy);
}

export function operationInfo(op: { status?: string; statusDetails?: string; error?: { message?: string }; issuerName?: string; requestId?: string; cancellationRequested?: boolean } | undefined): CertificateOperationInfo {
  return compact({
    status: op?.status ?? 'unknown',
    statusDetails: op?.statusDetails,
    error: op?.error?.message,
    issuerName: op?.issuerName,
    requestId: op?.requestId,
    cancellationRequested: op?.cancellationRequested,
  });
}
