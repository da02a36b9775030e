// Certificate operations through the vault's cached CertificateClient / SecretClient (VaultClients). No vscode.
// Public material is returned freely; the private part only from downloadWithPrivateKey (explicit user action),
// whose bytes the caller writes where the user asked and nowhere else.
import * as l10n from '@vscode/l10n';
import type { CertificatePolicy, KeyVaultCertificate, KeyVaultCertificateWithPolicy } from '@azure/keyvault-certificates';
import type {
  CertificateContentType, CertificateDetails, CertificateOperationInfo, CertificatePolicyInfo, CertificateWithPrivateKey,
  ImportCertificateRequest, NewCertificateRequest,
} from './certificateModel';
import { parseCertificate } from './certificateParse';
import { policyInfo, sdkPolicy, selfSignedPolicy } from './certificatePolicy';
import type { VaultClients } from './vaultClients';

const POLL_MS = 500;

function compact<T extends object>(o: T): T {
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
export async function getCertificateDetails(vaults: VaultClients, vaultUrl: string, name: string, version?: string): Promise<CertificateDetails> {
  const client = vaults.certificates(vaultUrl);
  if (!version) return certificateDetails(await client.getCertificate(name));
  const [cert, policy] = await Promise.all([client.getCertificateVersion(name, version), client.getCertificatePolicy(name)]);
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

export interface WaitOptions {
  /** Called after each poll with the operation's state. */
  readonly onProgress?: (op: CertificateOperationInfo) => void;
  /** Stops WAITING (the operation continues in the vault). */
  readonly abortSignal?: AbortSignal;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates (or renews: a new version) with a policy and polls the pending operation until it is no longer
 * `inProgress` (one GET of …/pending per poll, then one GET of the certificate), reporting each state. The SDK's
 * poller hides the operation object, so the state is told from the poller: not done → inProgress; done with an
 * issued certificate → completed; the poller's error → failed (its message is the operation's error). An abort
 * stops waiting only: the operation continues in the vault.
 */
async function createAndWait(vaults: VaultClients, vaultUrl: string, name: string, policy: CertificatePolicy, tags: Readonly<Record<string, string>> | undefined, wait: WaitOptions): Promise<{ operation: CertificateOperationInfo; details?: CertificateDetails }> {
  const client = vaults.certificates(vaultUrl);
  const poller = await client.beginCreateCertificate(name, policy, { intervalInMs: POLL_MS, ...(tags ? { tags: { ...tags } } : {}) });
  const inProgress: CertificateOperationInfo = { status: 'inProgress' };
  let failure: string | undefined;
  if (!poller.isDone()) wait.onProgress?.(inProgress);
  while (!poller.isDone() && !wait.abortSignal?.aborted) {
    await sleep(POLL_MS);
    if (wait.abortSignal?.aborted) break;
    try {
      await poller.poll();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      break;
    }
    if (!poller.isDone()) wait.onProgress?.(inProgress);
  }
  let operation: CertificateOperationInfo;
  const result = poller.isDone() ? poller.getResult() : undefined;
  if (failure !== undefined) operation = { status: 'failed', error: failure };
  else if (!poller.isDone()) operation = inProgress;
  else if (result?.cer?.length) operation = { status: 'completed' };
  else operation = { status: 'cancelled' };
  wait.onProgress?.(operation);
  return operation.status === 'completed' && result ? { operation, details: certificateDetails(result) } : { operation };
}

/** A new self-signed certificate from the wizard's answers. */
export function createSelfSigned(vaults: VaultClients, vaultUrl: string, req: NewCertificateRequest, wait: WaitOptions = {}) {
  return createAndWait(vaults, vaultUrl, req.name, sdkPolicy(selfSignedPolicy(req)), req.tags, wait);
}

/** Renew: a new version from the certificate's current policy. */
export async function renewCertificate(vaults: VaultClients, vaultUrl: string, name: string, wait: WaitOptions = {}) {
  const policy = await vaults.certificates(vaultUrl).getCertificatePolicy(name);
  return createAndWait(vaults, vaultUrl, name, policy, undefined, wait);
}

export async function importCertificate(vaults: VaultClients, vaultUrl: string, req: ImportCertificateRequest): Promise<CertificateDetails> {
  const contentType: CertificateContentType = req.format === 'pem' ? 'application/x-pem-file' : 'application/x-pkcs12';
  const imported = await vaults.certificates(vaultUrl).importCertificate(req.name, req.bytes, {
    ...(req.password ? { password: req.password } : {}),
    ...(req.tags ? { tags: { ...req.tags } } : {}),
    policy: { contentType },
  });
  return certificateDetails(imported);
}

export async function getCertificatePolicy(vaults: VaultClients, vaultUrl: string, name: string): Promise<CertificatePolicyInfo> {
  return policyInfo(await vaults.certificates(vaultUrl).getCertificatePolicy(name)) ?? {};
}

/** Updates the policy, then reads it again (the SDK's update returns an empty policy). */
export async function setCertificatePolicy(vaults: VaultClients, vaultUrl: string, name: string, policy: CertificatePolicyInfo): Promise<CertificatePolicyInfo> {
  const client = vaults.certificates(vaultUrl);
  await client.updateCertificatePolicy(name, sdkPolicy(policy));
  return policyInfo(await client.getCertificatePolicy(name)) ?? {};
}

export async function updateCertificate(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, update: { enabled?: boolean; tags?: Readonly<Record<string, string>> }): Promise<CertificateDetails> {
  const updated = await vaults.certificates(vaultUrl).updateCertificateProperties(name, version ?? '', compact({ enabled: update.enabled, tags: update.tags ? { ...update.tags } : undefined }));
  return certificateDetails(updated);
}

/** The public certificate (DER): from the certificate itself, never through the secret. */
export async function downloadPublic(vaults: VaultClients, vaultUrl: string, name: string, version?: string): Promise<Uint8Array> {
  const client = vaults.certificates(vaultUrl);
  const cert = version ? await client.getCertificateVersion(name, version) : await client.getCertificate(name);
  if (!cert.cer?.length) throw new Error(l10n.t('The certificate {0} has no issued certificate yet (its operation is still pending).', name));
  return cert.cer;
}

/**
 * The certificate WITH its private key, read through the secret of the same name (PFX bytes or PEM text).
 * Only for an explicit download the user confirmed; the bytes are never logged.
 */
export async function downloadWithPrivateKey(vaults: VaultClients, vaultUrl: string, name: string, version?: string): Promise<CertificateWithPrivateKey> {
  const secret = await vaults.secrets(vaultUrl).getSecret(name, version ? { version } : {});
  const value = secret.value ?? '';
  if (secret.properties.contentType === 'application/x-pem-file') return { contentType: 'application/x-pem-file', bytes: Buffer.from(value, 'utf8') };
  return { contentType: 'application/x-pkcs12', bytes: Buffer.from(value, 'base64') };
}

export async function deleteCertificate(vaults: VaultClients, vaultUrl: string, name: string): Promise<{ recoveryId?: string; scheduledPurgeDate?: Date }> {
  const poller = await vaults.certificates(vaultUrl).beginDeleteCertificate(name, { intervalInMs: POLL_MS });
  const deleted = await poller.pollUntilDone();
  return compact({ recoveryId: deleted.recoveryId, scheduledPurgeDate: deleted.scheduledPurgeDate });
}

export async function recoverCertificate(vaults: VaultClients, vaultUrl: string, name: string): Promise<void> {
  const poller = await vaults.certificates(vaultUrl).beginRecoverDeletedCertificate(name, { intervalInMs: POLL_MS });
  await poller.pollUntilDone();
}

export async function purgeCertificate(vaults: VaultClients, vaultUrl: string, name: string): Promise<void> {
  await vaults.certificates(vaultUrl).purgeDeletedCertificate(name);
}
