// Runs a certificate create/renew under a progress notification that shows the pending operation's state until
// it is done. Cancel stops waiting; the operation goes on in the vault (said so in the result).
import * as vscode from 'vscode';
import type { CertificateDetails, CertificateOperationInfo } from '../../azure/certificateModel';
import type { AzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { withProgress } from '../progress';


export interface OperationOutcome {
  readonly operation: CertificateOperationInfo;
  readonly details?: CertificateDetails;
  /** The states reported while waiting, in order (for the log and tests). */
  readonly states: string[];
}

/** How the pending operation is followed: each state seen, and Cancel. */
export interface OperationWait {
  readonly onProgress: (op: CertificateOperationInfo) => void;
  readonly abortSignal: AbortSignal;
}

export async function waitForOperation(
  services: Services,
  title: string,
  vault: VaultTarget,
  name: string,
  start: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, wait: OperationWait) => Promise<{ operation: CertificateOperationInfo; details?: CertificateDetails }>,
): Promise<OperationOutcome> {
  const states: string[] = [];
  const began = Date.now();
  const outcome = await request(services, { kind: 'certificate', operation: 'create', vault, name }, (sdk, vaults, vaultUrl) =>
    withProgress(services, title, (abortSignal, report) =>
      start(sdk, vaults, vaultUrl, {
        abortSignal,
        onProgress: (op) => {
          if (states.at(-1) !== op.status) states.push(op.status);
          const seconds = Math.round((Date.now() - began) / 1000);
          report(op.status === 'inProgress' ? vscode.l10n.t('pending operation in progress ({0} s)…', seconds) : op.status);
        },
      }),
    ),
  );
  const { operation } = outcome;
  services.log.info(`certificate ${name} in ${vault.name}: operation ${operation.status}`);
  if (operation.status === 'inProgress') {
    throw new Error(vscode.l10n.t('Stopped waiting for "{0}": its operation continues in {1}. Refresh later to see the new version.', name, vault.name));
  }
  if (operation.status === 'failed') throw new Error(vscode.l10n.t('The certificate operation of "{0}" failed: {1}.', name, operation.error ?? vscode.l10n.t('no reason given')));
  if (operation.status !== 'completed') throw new Error(vscode.l10n.t('The certificate operation of "{0}" ended as {1}: no certificate was issued.', name, operation.status));
  return { ...outcome, states };
}
