import * as vscode from 'vscode';
import type { Services } from '../services';
import { kindName } from '../presentation/kindWords';
import { runFix } from './fixProgress';
import { referencedArg, refreshReferencedVault } from './referencedNode';

/** Quick fix: enables the referenced object (its pinned version, or the current one). */
export async function enableReferenced(services: Services, arg?: unknown): Promise<void> {
  const object = referencedArg(arg);
  await runFix(services, vscode.l10n.t('Enabling {0} {1} in {2}', kindName(object.kind), object.name, object.vaultName), async (sdk, vaults) => {
    if (object.kind === 'secret') await sdk.secretOps.updateSecret(vaults, object.vaultUrl, object.name, object.version, { enabled: true });
    else if (object.kind === 'key') await sdk.keyOps.updateKey(vaults, object.vaultUrl, object.name, object.version, { enabled: true });
    else await sdk.certificateOps.updateCertificate(vaults, object.vaultUrl, object.name, object.version, { enabled: true });
  });
  services.log.info(`enabled ${object.kind} ${object.name} in ${object.vaultName} (quick fix)`);
  await refreshReferencedVault(services, object);
}
