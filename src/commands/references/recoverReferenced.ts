import * as vscode from 'vscode';
import type { Services } from '../services';
import { kindName } from '../presentation/kindWords';
import { runFix } from './fixProgress';
import { referencedArg, refreshReferencedVault } from './referencedNode';

/** Quick fix: recovers the soft-deleted object a reference points at, and waits until it is back. */
export async function recoverReferenced(services: Services, arg?: unknown): Promise<void> {
  const object = referencedArg(arg);
  await runFix(services, vscode.l10n.t('Recovering {0} {1} in {2}', kindName(object.kind), object.name, object.vaultName), async (sdk, vaults) => {
    if (object.kind === 'secret') await sdk.secretOps.recoverSecret(vaults, object.vaultUrl, object.name);
    else if (object.kind === 'key') await sdk.keyOps.recoverKey(vaults, object.vaultUrl, object.name);
    else await sdk.certificateOps.recoverCertificate(vaults, object.vaultUrl, object.name);
  });
  services.log.info(`recovered ${object.kind} ${object.name} in ${object.vaultName} (quick fix)`);
  await refreshReferencedVault(services, object);
}
