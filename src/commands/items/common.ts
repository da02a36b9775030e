// Shared by the secret, key and certificate commands: the failure context of an item, and the view updates that
// follow a change (through services.view: commands never see tree nodes). Labels of items are `itemLabel` of
// src/model/targets. Progress with Cancel is the framework's (../progress).
import type { ItemTarget, VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import type { FailureContext, Operation } from '../failures';

/** What `fail`/`request` need to explain a failed operation on an item. */
export function contextOf(target: Pick<ItemTarget, 'vault' | 'kind' | 'name'>, operation: Operation): FailureContext {
  return { kind: target.kind, operation, vault: target.vault, name: target.name };
}

/** Reveals an item's row; best effort (the vault may not be in the tree, or a listing may fail): never fails the command. */
export async function revealQuietly(services: Services, item: Pick<ItemTarget, 'vault' | 'kind' | 'name'>): Promise<void> {
  try {
    await services.view.reveal(item);
  } catch (error) {
    services.log.debug(`reveal ${item.kind} ${item.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A certificate's key and secret (same name) change with it: re-list the vault's three groups where they are shown. */
export function refreshCertificateGroups(services: Services, vault: VaultTarget): void {
  for (const kind of ['certificate', 'key', 'secret'] as const) services.view.refreshGroup(vault, kind);
}
