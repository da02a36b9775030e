import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { deleteItems } from '../items/lifecycle';
import { editorFolder } from './editSession';
import { secretLifecycle } from './lifecycle';

/**
 * Delete (one secret, or every selected one): a modal confirmation naming them and saying how long they stay
 * recoverable (or that the delete is permanent when the vault has no soft delete), then a progress notification
 * until each delete has completed; the secrets move to the vault's Deleted group. Returns the deleted names.
 */
export async function deleteSecret(services: Services, target: ItemTarget, selection: readonly ItemTarget[]): Promise<{ deleted: string[]; permanent: boolean }> {
  const result = await deleteItems(services, secretLifecycle, target, selection);
  // An Edit Value editor open on a deleted secret says so in its tab.
  for (const name of result.deleted) services.documents.secretValues.markDeleted(editorFolder(target.vault, name), true);
  return result;
}
