// Quick fix "Enable": the referenced object's pinned version, or its current one. Kept here rather than sent to the
// secrets/keys/certificates areas' Enable: one fix for every kind, no confirmation, the same progress as the others.
import * as vscode from 'vscode';
import { itemOfReferenced } from '../../model/referenced';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { updateEnabled } from '../items/setEnabled';
import { runFix } from './fixProgress';
import { referencedArgument } from './referencedArgument';

/** Quick fix: enables the referenced object (its pinned version, or the current one). */
export async function enableReferenced(services: Services, given: readonly unknown[]): Promise<void> {
  const object = referencedArgument(given);
  const item = itemOfReferenced(object);
  const { vault } = item;
  const ctx = { kind: object.kind, operation: 'update', vault, name: object.name } as const;
  await runFix(services, vscode.l10n.t('Enabling {0} {1} in {2}', kindName(object.kind), object.name, object.vaultName), ctx, (sdk, vaults, vaultUrl, options) =>
    updateEnabled[object.kind](sdk, vaults, vaultUrl, item, true, options),
  );
  services.log.info(`enabled ${object.kind} ${object.name} in ${object.vaultName} (quick fix)`);
  services.view.refreshGroupAndAllDeleted(vault, object.kind);
}
