import { recoverSecret as recoverOp } from '../../azure/secretOps';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { refreshSecretsAndDeleted, revealSecret, vaultClients, withProgress } from './common';
import { resolveDeleted } from './deletedTargets';
import { secretFailure } from './errors';

/** Recovers one deleted secret: progress until it is back, then the tree refreshed and the secret revealed. */
export async function recoverNamed(services: Services, vault: VaultTarget, name: string, from?: TreeNode): Promise<void> {
  const vaults = await vaultClients(services);
  try {
    await withProgress(`Recovering ${name} in ${vault.name}…`, (abortSignal) => recoverOp(vaults, vault.vaultUrl, name, { abortSignal }));
  } catch (error) {
    await refreshSecretsAndDeleted(services, vault, from);
    return secretFailure(services, error, { operation: 'recover', vault, name });
  }
  services.log.info(`recovered secret ${name} in ${vault.name}`);
  await refreshSecretsAndDeleted(services, vault, from);
  await revealSecret(services, vault, name);
  services.ui.notify(`Recovered ${name} in ${vault.name}`);
}

/** Recover: the selected deleted secret(s), or one picked from the palette. Returns the recovered names. */
export async function recoverSecret(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const targets = await resolveDeleted(services, node, nodes, 'Recover');
  const recovered: string[] = [];
  for (const t of targets) {
    await recoverNamed(services, t.vault, t.item.name, t.node);
    recovered.push(t.item.name);
  }
  return recovered;
}
