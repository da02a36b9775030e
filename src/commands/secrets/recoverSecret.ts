import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { recoverItems } from '../items/lifecycle';
import { secretLifecycle } from './lifecycle';

/** Recover: the selected deleted secret(s), or one picked from the palette. Returns the recovered names. */
export async function recoverSecret(services: Services, target: ItemTarget, selection: readonly ItemTarget[]): Promise<string[]> {
  const recovered = await recoverItems(services, secretLifecycle, target, selection);
  // Unmark an Edit Value editor open on it (the prefix is editSession's editorFolder; that file imports this one).
  for (const name of recovered) services.documents.secretValues.markDeleted(`/${target.vault.name}/secrets/${name}/edit/`, false);
  return recovered;
}
