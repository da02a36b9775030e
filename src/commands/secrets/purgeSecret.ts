import { purgeAllowed } from '../../azure/rules';
import { purgeSecret as purgeOp } from '../../azure/secretOps';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { UserCancelled } from '../wrapper';
import { refreshSecretsAndDeleted, vaultClients } from './common';
import { resolveDeleted, type DeletedTarget } from './deletedTargets';
import { secretFailure } from './errors';

/** Why this deleted secret cannot be purged now (purge protection), before any request; or undefined. */
export function purgeRefusal(t: DeletedTarget): string | undefined {
  const protectedVault = t.vault.info?.purgeProtectionEnabled === true || purgeAllowed(t.item.recoveryLevel) === false;
  if (!protectedVault) return undefined;
  const when = t.item.scheduledPurgeDate ? ` Key Vault purges it automatically on ${t.item.scheduledPurgeDate.toISOString().slice(0, 10)};` : '';
  return `"${t.item.name}" cannot be purged: purge protection is on for ${t.vault.name}.${when} until then it can only be recovered. Nothing was sent to Azure.`;
}

/**
 * Purge: destroys a deleted secret for good, after a confirmation that requires typing its name. Refused
 * before any call when the vault has purge protection. Returns the purged names.
 */
export async function purgeSecret(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const targets = await resolveDeleted(services, node, nodes, 'Purge');
  for (const t of targets) {
    const refusal = purgeRefusal(t);
    if (refusal) throw new Error(refusal);
  }
  const purged: string[] = [];
  for (const t of targets) {
    const name = t.item.name;
    const typed = await services.ui.showInputBox({
      title: `Purge ${name} from ${t.vault.name} — permanent`,
      prompt: `Purging destroys every version of "${name}" for good: it cannot be recovered. Type the name to confirm.`,
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === name ? undefined : `Type ${name} exactly to purge it.`),
    });
    if (typed === undefined) throw new UserCancelled();
    if (typed !== name) throw new Error(`The name you typed does not match "${name}": nothing was purged.`);
    try {
      await purgeOp(await vaultClients(services), t.vault.vaultUrl, name);
    } catch (error) {
      return secretFailure(services, error, { operation: 'purge', vault: t.vault, name });
    }
    services.log.info(`purged secret ${name} from ${t.vault.name}`);
    purged.push(name);
    await refreshSecretsAndDeleted(services, t.vault, t.node);
  }
  services.ui.notify(`Purged ${purged.join(', ')}`);
  return purged;
}
