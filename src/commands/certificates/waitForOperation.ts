// Runs a certificate create/renew under a progress notification that shows the pending operation's state until
// it is done. Cancel stops waiting; the operation goes on in the vault (said so in the result).
import type { CertificateDetails, CertificateOperationInfo } from '../../azure/certificateModel';
import type { Services } from '../../services';
import type { VaultTarget } from '../../tree/VaultNode';
import { withProgress } from '../items/common';
import { fail } from '../keys/common';

export interface OperationOutcome {
  readonly operation: CertificateOperationInfo;
  readonly details?: CertificateDetails;
  /** The states reported while waiting, in order (for the log and tests). */
  readonly states: string[];
}

export async function waitForOperation(
  services: Services,
  title: string,
  vault: VaultTarget,
  name: string,
  start: (wait: { onProgress: (op: CertificateOperationInfo) => void; abortSignal: AbortSignal }) => Promise<{ operation: CertificateOperationInfo; details?: CertificateDetails }>,
): Promise<OperationOutcome> {
  const states: string[] = [];
  const began = Date.now();
  let outcome: { operation: CertificateOperationInfo; details?: CertificateDetails };
  try {
    outcome = await withProgress(title, (abortSignal, report) =>
      start({
        abortSignal,
        onProgress: (op) => {
          if (states.at(-1) !== op.status) states.push(op.status);
          const seconds = Math.round((Date.now() - began) / 1000);
          report(op.status === 'inProgress' ? `pending operation in progress (${seconds} s)…` : op.status);
        },
      }),
    );
  } catch (error) {
    fail(error, 'certificate', 'create', vault, name);
  }
  const { operation } = outcome;
  services.log.info(`certificate ${name} in ${vault.name}: operation ${operation.status}`);
  if (operation.status === 'inProgress') {
    throw new Error(`Stopped waiting for "${name}": its operation continues in ${vault.name}. Refresh later to see the new version.`);
  }
  if (operation.status === 'failed') throw new Error(`The certificate operation of "${name}" failed: ${operation.error ?? 'no reason given'}.`);
  if (operation.status !== 'completed') throw new Error(`The certificate operation of "${name}" ended as ${operation.status}: no certificate was issued.`);
  return { ...outcome, states };
}
