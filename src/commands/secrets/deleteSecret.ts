import { deleteIsPermanent } from '../../azure/rules';
import { deleteSecret as deleteOp } from '../../azure/secretOps';
import type { Services } from '../../services';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { UserCancelled } from '../wrapper';
import { refreshSecretsAndDeleted, resolveSecret, selectedSecrets, vaultClients, withProgress } from './common';
import { explainFailure, secretFailure } from './errors';
import { classifyError } from '../../azure/errors';

interface Doomed {
  readonly vault: VaultTarget;
  readonly name: string;
  readonly recoveryLevel?: string;
  readonly managed?: boolean;
  readonly node?: TreeNode;
}

/**
 * Delete (one secret, or every selected one): a modal confirmation naming them and saying how long they stay
 * recoverable (or that the delete is permanent when the vault has no soft delete), then a progress notification
 * until each delete has completed; the secrets move to the vault's Deleted group. Returns the deleted names.
 */
export async function deleteSecret(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<{ deleted: string[]; permanent: boolean }> {
  const selected = selectedSecrets(node, nodes);
  let doomed: Doomed[];
  if (selected.length) {
    doomed = selected.map((n) => ({ vault: n.group.vaultNode.vault, name: n.name, ...(n.item.recoveryLevel ? { recoveryLevel: n.item.recoveryLevel } : {}), ...(n.item.managed ? { managed: true } : {}), node: n }));
  } else {
    const target = await resolveSecret(services, node);
    const item = target.node instanceof ItemNode ? target.node.item : undefined;
    doomed = [{ vault: target.vault, name: target.name, ...(item?.recoveryLevel ? { recoveryLevel: item.recoveryLevel } : {}), ...(item?.managed ? { managed: true } : {}) }];
  }
  const managed = doomed.filter((d) => d.managed);
  if (managed.length) throw new Error(`${managed.map((d) => `"${d.name}"`).join(', ')} belong${managed.length === 1 ? 's' : ''} to a certificate: delete the certificate instead. Nothing was deleted.`);
  const vaultUrls = [...new Set(doomed.map((d) => d.vault.vaultUrl))];
  if (vaultUrls.length > 1) throw new Error('Select secrets of one vault at a time. Nothing was deleted.');
  const vault = doomed[0]!.vault;
  const names = doomed.map((d) => d.name);

  const permanent = vault.info ? !vault.info.softDeleteEnabled : doomed.some((d) => deleteIsPermanent(d.recoveryLevel) === true);
  const days = vault.info?.softDeleteRetentionInDays ?? (vault.info?.softDeleteEnabled ? 90 : undefined);
  const what = names.length === 1 ? `"${names[0]}"` : `${names.length} secrets`;
  const detail = [
    names.length > 1 ? names.join(', ') : undefined,
    permanent
      ? 'Soft delete is OFF on this vault: the delete is PERMANENT. Every version is destroyed and cannot be recovered.'
      : `All versions move to Deleted, where they can be recovered${days ? ` for ${days} days` : ' until the vault’s retention period ends'}${vault.info?.purgeProtectionEnabled ? ' (purge protection is on: the name stays taken until then)' : ''}. Apps using them fail until they are recovered.`,
  ].filter(Boolean).join('\n\n');
  const action = permanent ? 'Delete Permanently' : 'Delete';
  const choice = await services.ui.confirm(`Delete ${what} from ${vault.name}?`, detail, action);
  if (choice !== action) throw new UserCancelled();

  const vaults = await vaultClients(services);
  const done: string[] = [];
  const failed: string[] = [];
  let firstError: unknown;
  await withProgress(`Deleting ${what} from ${vault.name}…`, async (abortSignal) => {
    for (const name of names) {
      try {
        await deleteOp(vaults, vault.vaultUrl, name, { abortSignal });
        done.push(name);
        services.log.info(`deleted secret ${name} from ${vault.name}${permanent ? ' (permanent)' : ''}`);
      } catch (error) {
        if (classifyError(error).kind === 'cancelled') break;
        firstError ??= error;
        failed.push(name);
      }
    }
  });
  await refreshSecretsAndDeleted(services, vault, doomed[0]!.node);
  if (failed.length === names.length && firstError !== undefined) return secretFailure(services, firstError, { operation: 'delete', vault, name: failed[0]! });
  if (failed.length) {
    throw new Error(`Deleted ${done.join(', ')}, but not ${failed.join(', ')}: ${explainFailure(classifyError(firstError), { operation: 'delete', vault, name: failed[0]! })}`);
  }
  if (done.length < names.length) services.ui.notify(`Stopped: deleted ${done.length} of ${names.length}`);
  else services.ui.notify(permanent ? `Deleted ${what} permanently` : `Deleted ${what}: recoverable from Deleted`);
  return { deleted: done, permanent };
}
