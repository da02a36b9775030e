// Create and renew: a safe write of the certificate operation (never two operations from one call), then a
// bounded, cancellable wait for it (pure at load time: type-only SDK imports).
import type { CertificateOperationState, CertificatePolicy, CreateCertificateState, KeyVaultCertificateWithPolicy, PollerLikeWithCancellation } from '@azure/keyvault-certificates';
import type { CertificateDetails, CertificateOperationInfo, NewCertificateRequest } from './certificateModel';
import { certificateDetails } from './certificateDetails';
import { sdkPolicy, selfSignedPolicy } from './certificatePolicy';
import { unless404 } from './lifecycleOps';
import { defaultPollTimeoutMs } from './polling';
import { createdSince, safeWrite, type Committed } from './safeWrite';
import { sleep } from './throttle';
import type { VaultClients } from './vaultClients';

/** How often a pending certificate operation is asked about. */
const POLL_MS = 500;

export interface WaitOptions {
  /** Called after each poll with the operation's state. */
  readonly onProgress?: (op: CertificateOperationInfo) => void;
  /** Cancels the create request while it is sent; later, stops WAITING (the operation continues in the vault). */
  readonly abortSignal?: AbortSignal;
  /** Stops waiting after this long: the operation is then reported as still `inProgress`. Default 120 s. */
  readonly timeoutMs?: number;
  /** Time between two polls of the pending operation. Default 500 ms. */
  readonly pollIntervalMs?: number;
}

/** The create poller, or the operation poller that follows the same pending operation (after a check). */
type OperationPoller = PollerLikeWithCancellation<CreateCertificateState | CertificateOperationState, KeyVaultCertificateWithPolicy>;

/**
 * Creates (or renews: a new version) with a policy and polls the pending operation until it is no longer
 * `inProgress` (one GET of …/pending per poll, then one GET of the certificate), reporting each state. The state is
 * told from the poller: not done → inProgress; done with an issued certificate → completed; the poller's error →
 * failed (its message is the operation's error). Sending is a safe write (findOperation checks after an unclear
 * failure). Waiting is bounded: an abort, `timeoutMs` (default 120 s) or polls that keep failing stop waiting only —
 * the operation goes on in the vault and is reported as `inProgress` (callers say "still running, refresh later").
 */
async function createAndWait(vaults: VaultClients, vaultUrl: string, name: string, policy: CertificatePolicy, tags: Readonly<Record<string, string>> | undefined, wait: WaitOptions, before?: string): Promise<{ operation: CertificateOperationInfo; details?: CertificateDetails }> {
  const client = vaults.certificates(vaultUrl);
  const { abortSignal } = wait;
  const poller: OperationPoller = await safeWrite<OperationPoller>({
    kind: 'certificate',
    name,
    send: () => client.beginCreateCertificate(name, policy, { intervalInMs: POLL_MS, abortSignal, ...(tags ? { tags: { ...tags } } : {}) }),
    check: (since) => findOperation(vaults, vaultUrl, name, since, before, abortSignal),
  });
  const inProgress: CertificateOperationInfo = { status: 'inProgress' };
  const deadline = Date.now() + (wait.timeoutMs ?? defaultPollTimeoutMs);
  let failure: string | undefined;
  if (!poller.isDone()) wait.onProgress?.(inProgress);
  while (!poller.isDone() && !abortSignal?.aborted && Date.now() < deadline) {
    try {
      await sleep(Math.min(wait.pollIntervalMs ?? POLL_MS, Math.max(1, deadline - Date.now())), abortSignal);
      await poller.poll({ abortSignal });
    } catch (error) {
      // The operation's own failure is the poller's state error; anything else (a cancel, polls that kept failing)
      // only stops the waiting: the operation goes on in the vault (reported as inProgress).
      const operationError = (poller.getOperationState() as { error?: Error }).error;
      if (!abortSignal?.aborted && operationError) failure = operationError.message || (error instanceof Error ? error.message : String(error));
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

/**
 * After an unclear create/renew: the operation it started, if the vault has it — a pending operation still in
 * progress, or a certificate version created since `since` that is not the version current `before` the send.
 * Returns a poller of that operation (the SDK's getCertificateOperation), which the caller follows.
 */
async function findOperation(vaults: VaultClients, vaultUrl: string, name: string, since: number, before: string | undefined, abortSignal: AbortSignal | undefined): Promise<Committed<OperationPoller> | undefined> {
  const poller = await unless404(() => vaults.certificates(vaultUrl).getCertificateOperation(name, { intervalInMs: POLL_MS, abortSignal }));
  if (!poller) return undefined;
  const state = poller.getOperationState();
  if (state.certificateOperation?.status === 'inProgress') return { result: poller };
  const latest = state.result?.properties;
  if (latest && createdSince(latest.createdOn, since) && latest.version !== before) return { result: poller };
  return undefined;
}

/** A new self-signed certificate from the wizard's answers. */
export function createSelfSigned(vaults: VaultClients, vaultUrl: string, req: NewCertificateRequest, wait: WaitOptions = {}) {
  return createAndWait(vaults, vaultUrl, req.name, sdkPolicy(selfSignedPolicy(req)), req.tags, wait);
}

/** Renew: a new version from the certificate's current policy (read with the current version, one GET). */
export async function renewCertificate(vaults: VaultClients, vaultUrl: string, name: string, wait: WaitOptions = {}) {
  const current = await vaults.certificates(vaultUrl).getCertificate(name, { abortSignal: wait.abortSignal });
  const policy = current.policy ?? (await vaults.certificates(vaultUrl).getCertificatePolicy(name, { abortSignal: wait.abortSignal }));
  return createAndWait(vaults, vaultUrl, name, policy, undefined, wait, current.properties.version);
}
