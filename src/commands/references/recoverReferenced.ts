// Quick fix "Recover": the soft-deleted object a reference points at, for every kind (the data layer waits until it
// is back), then the vault's group of that kind and its Deleted group are listed again.
import * as vscode from 'vscode';
import { itemOfReferenced } from '../../model/referenced';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { runFix } from './fixProgress';
import { referencedArgument } from './referencedArgument';

/** Quick fix: recovers the soft-deleted object a reference points at, and waits until it is back. */
export async function recoverReferenced(services: Services, given: readonly unknown[]): Promise<void> {
  const object = referencedArgument(given);
  const { vault } = itemOfReferenced(object);
  const ctx = { kind: object.kind, operation: 'recover', vault, name: object.name } as const;
  await runFix(services, vscode.l10n.t('Recovering {0} {1} in {2}', kindName(object.kind), object.name, object.vaultName), ctx, async (sdk, vaults, vaultUrl, options) => {
    if (object.kind === 'secret') await sdk.secretOps.recoverSecret(vaults, vaultUrl, object.name, options);
    else if (object.kind === 'key') await sdk.keyOps.recoverKey(vaults, vaultUrl, object.name, options);
    else await sdk.certificateOps.recoverCertificate(vaults, vaultUrl, object.name, options);
  });
  services.log.info(`recovered ${object.kind} ${object.name} in ${object.vaultName} (quick fix)`);
  services.view.refreshGroupAndAllDeleted(vault, object.kind);
}
