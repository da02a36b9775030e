// azureKeyVault_listExpiring: what is expired or expires within N days (default: the azureKeyVault.expiryWarningDays
// setting), in one vault or in all of them; soonest first. Objects a certificate manages are left out (the
// certificate stands for them). Listings only.
import type { ObjectKind } from '../../azure/model';
import { inputObject, optionalInteger, optionalString } from './input';
import { inventory, inventoryNotes } from './inventory';
import { findVault, vaultPlaces } from './places';
import { bounded, defaultMaxRows, expiringWithin, itemRow, maxRowsLimit } from './rows';
import { tool } from './tool';

const allKinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export const listExpiring = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['days', 'vault', 'maxResults']);
    return {
      days: optionalInteger(input, 'days', { min: 0, max: 3650 }),
      vault: optionalString(input, 'vault'),
      max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows,
    };
  },
  prepare: (_services, input) => ({ invocationMessage: `Looking for what expires${input.days !== undefined ? ` within ${input.days} days` : ' soon'}${input.vault ? ` in ${input.vault}` : ''}` }),
  run: async (services, input) => {
    const days = input.days ?? services.settings.expiryWarningDays();
    const vaults = input.vault ? [await findVault(services, input.vault)] : (await vaultPlaces(services)).map((p) => p.vault);
    const inv = await inventory(services, vaults, allKinds);
    const now = Date.now();
    const byItem = new Map(inv.items.map((e) => [e.item, e.vault]));
    const soon = expiringWithin([...byItem.keys()], now, days);
    return [
      `${soon.length} object(s) expired or expiring within ${days} days in ${vaults.length} vault(s), soonest first:`,
      ...bounded(soon.map((item) => itemRow(item, now, byItem.get(item)!.name)), input.max, 'pass vault or fewer days'),
      ...inventoryNotes(inv),
    ];
  },
});
