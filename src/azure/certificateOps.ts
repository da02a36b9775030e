// Certificate operations through the vault's cached CertificateClient / SecretClient (VaultClients). No vscode.
// Public material is returned freely; the private part only from downloadWithPrivateKey (explicit user action),
// whose bytes the caller writes where the user asked and nowhere else. Every call takes a trailing `options`
// (abortSignal; PollOptions for delete/recover). Create/renew, import, delete, recover and purge are safe writes
// (safeWrite.ts, lifecycleOps.ts): never two versions or certificate operations from one call.
import * as l10n from '@vscode/l10n';
import { X509Certificate } from 'node:crypto';
import type { DeletedCertificate } from '@azure/keyvault-certificates';
import type { CertificateContentType, CertificateDetails, CertificatePolicyInfo, CertificateWithPrivateKey, ImportCertificateRequest } from './certificateModel';
import { policyInfo, sdkPolicy } from './certificatePolicy';
import type { VaultClients } from './vaultClients';
import { createdSince, safeWrite, sameTags } from './safeWrite';
import { deleteAndWait, purgeSafely, recoverAndWait, sentDelete, unless404, type LifecycleCalls } from './lifecycleOps';
import type { OperationOptions, PollOptions } from './polling';
import { certificateDetails, compact, getCertificateDetails } from './certificateDetails';

export { certificateDetails, getCertificateDetails, operationInfo } from './certificateDetails';
export { createSelfSigned, renewCertificate, type WaitOptions } from './certificateCreate';

/**
 * Imports a PFX or PEM as a new version. A safe write: after an unclear failure, a version created since the send
 * with the same thumbprint (PEM: computed here from the certificates in the file) or, for a PFX, the same tags,
 * counts as this import.
 */
export async function importCertificate(vaults: VaultClients, vaultUrl: string, req: ImportCertificateRequest, options: OperationOptions = {}): Promise<CertificateDetails> {
  const contentType: CertificateContentType = req.format === 'pem' ? 'application/x-pem-file' : 'application/x-pkcs12';
  const client = vaults.certificates(vaultUrl);
  const thumbprints = req.format === 'pem' ? pemThumbprints(req.bytes) : [];
  return safeWrite({
    kind: 'certificate',
    name: req.name,
    send: async () =>
      certificateDetails(
        await client.importCertificate(req.name, req.bytes, {
          ...(req.password ? { password: req.password } : {}),
          ...(req.tags ? { tags: { ...req.tags } } : {}),
          policy: { contentType },
          abortSignal: options.abortSignal,
        }),
      ),
    check: async (since) => {
      const versions = (await unless404(async () => {
        const all = [];
        for await (const p of client.listPropertiesOfCertificateVersions(req.name, { abortSignal: options.abortSignal })) all.push(p);
        return all;
      })) ?? [];
      const found = versions
        .filter((p) => createdSince(p.createdOn, since) && sameTags(p.tags, req.tags))
        .filter((p) => thumbprints.length === 0 || thumbprints.includes(Buffer.from(p.x509Thumbprint ?? []).toString('hex').toUpperCase()))
        .sort((a, b) => b.createdOn!.getTime() - a.createdOn!.getTime())[0];
      if (!found?.version) return undefined;
      return { result: await getCertificateDetails(vaults, vaultUrl, req.name, found.version, options) };
    },
  });
}

/** SHA-1 thumbprints (upper-case hex) of every certificate in a PEM file; none when it cannot be read. */
export function pemThumbprints(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const prints: string[] = [];
  for (const block of blocks) {
    try {
      prints.push(new X509Certificate(block).fingerprint.replace(/:/g, '').toUpperCase());
    } catch {
      // not a certificate we can read: no thumbprint from it
    }
  }
  return prints;
}

export async function getCertificatePolicy(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<CertificatePolicyInfo> {
  return policyInfo(await vaults.certificates(vaultUrl).getCertificatePolicy(name, { abortSignal: options.abortSignal })) ?? {};
}

/** Updates the policy, then reads it again (the SDK's update returns an empty policy). */
export async function setCertificatePolicy(vaults: VaultClients, vaultUrl: string, name: string, policy: CertificatePolicyInfo, options: OperationOptions = {}): Promise<CertificatePolicyInfo> {
  const client = vaults.certificates(vaultUrl);
  const { abortSignal } = options;
  await client.updateCertificatePolicy(name, sdkPolicy(policy), { abortSignal });
  return policyInfo(await client.getCertificatePolicy(name, { abortSignal })) ?? {};
}

export async function updateCertificate(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, update: { enabled?: boolean; tags?: Readonly<Record<string, string>> }, options: OperationOptions = {}): Promise<CertificateDetails> {
  const updated = await vaults.certificates(vaultUrl).updateCertificateProperties(name, version ?? '', {
    ...compact({ enabled: update.enabled, tags: update.tags ? { ...update.tags } : undefined }),
    abortSignal: options.abortSignal,
  });
  return certificateDetails(updated);
}

/** The public certificate (DER): from the certificate itself, never through the secret. */
export async function downloadPublic(vaults: VaultClients, vaultUrl: string, name: string, version?: string, options: OperationOptions = {}): Promise<Uint8Array> {
  const client = vaults.certificates(vaultUrl);
  const { abortSignal } = options;
  const cert = version ? await client.getCertificateVersion(name, version, { abortSignal }) : await client.getCertificate(name, { abortSignal });
  if (!cert.cer?.length) throw new Error(l10n.t('The certificate {0} has no issued certificate yet (its operation is still pending).', name));
  return cert.cer;
}

/**
 * The certificate WITH its private key, read through the secret of the same name (PFX bytes or PEM text).
 * Only for an explicit download the user confirmed; the bytes are never logged.
 */
export async function downloadWithPrivateKey(vaults: VaultClients, vaultUrl: string, name: string, version?: string, options: OperationOptions = {}): Promise<CertificateWithPrivateKey> {
  const secret = await vaults.secrets(vaultUrl).getSecret(name, { ...(version ? { version } : {}), abortSignal: options.abortSignal });
  const value = secret.value ?? '';
  if (secret.properties.contentType === 'application/x-pem-file') return { contentType: 'application/x-pem-file', bytes: Buffer.from(value, 'utf8') };
  return { contentType: 'application/x-pkcs12', bytes: Buffer.from(value, 'base64') };
}

/** The certificate's calls for the shared delete/recover/purge (lifecycleOps.ts). */
function lifecycle(vaults: VaultClients, vaultUrl: string, name: string): LifecycleCalls<DeletedCertificate> {
  const client = vaults.certificates(vaultUrl);
  return {
    subject: { kind: 'certificate', name },
    sendDelete: async (abortSignal) =>
      sentDelete(await client.beginDeleteCertificate(name, { abortSignal }), (d) => Boolean(d.recoveryId), () => new Error(l10n.t('The vault did not answer the delete of {0}.', name))),
    sendRecover: async (abortSignal) => (await client.beginRecoverDeletedCertificate(name, { abortSignal })).isDone(),
    sendPurge: async (abortSignal) => {
      await client.purgeDeletedCertificate(name, { abortSignal });
    },
    getDeleted: (abortSignal) => unless404(() => client.getDeletedCertificate(name, { abortSignal })),
    exists: async (abortSignal) => (await unless404(() => client.getCertificate(name, { abortSignal }))) !== undefined,
  };
}

/** Deletes (soft when the vault has it) and waits until it is listed as deleted; bounded and cancellable. */
export async function deleteCertificate(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<{ recoveryId?: string; scheduledPurgeDate?: Date }> {
  const { deleted } = await deleteAndWait(lifecycle(vaults, vaultUrl, name), options);
  return compact({ recoveryId: deleted?.recoveryId, scheduledPurgeDate: deleted?.scheduledPurgeDate });
}

/** Recovers a deleted certificate and waits until it can be read again; bounded and cancellable. */
export async function recoverCertificate(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<void> {
  await recoverAndWait(lifecycle(vaults, vaultUrl, name), options);
}

export async function purgeCertificate(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<void> {
  await purgeSafely(lifecycle(vaults, vaultUrl, name), options);
}
