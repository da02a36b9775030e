// azureKeyVault_listObjects: a vault's secrets, keys and/or certificates — names, content type, enabled, expiry, tags
// (listings only: no value is ever read). Filter by name or tag; bounded.
import type { ObjectKind } from '../../azure/model';
import { kindsOf } from '../../model/targets';
import { inputObject, optionalInteger, optionalKind, optionalString, requiredString } from './input';
import { inventory, inventoryNotes } from './inventory';
import { findVault } from './places';
import { bounded, defaultMaxRows, itemRow, maxRowsLimit, nameMatches, tagMatches } from './rows';
import { tool } from './tool';

export const listObjects = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['vault', 'kind', 'nameContains', 'tag', 'maxResults']);
    return {
      vault: requiredString(input, 'vault'),
      kind: optionalKind(input),
      nameContains: optionalString(input, 'nameContains'),
      tag: optionalString(input, 'tag'),
      max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows,
    };
  },
  prepare: (_services, input) => ({ invocationMessage: `Listing ${input.kind ? `${input.kind}s` : 'objects'} of ${input.vault}` }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const kinds: readonly ObjectKind[] = input.kind ? [input.kind] : kindsOf(vault);
    const inv = await inventory(services, [vault], kinds);
    const now = Date.now();
    const found = inv.items.filter(({ item }) => nameMatches(item.name, input.nameContains) && tagMatches(item.tags, input.tag));
    const what = kinds.map((k) => `${k}s`).join(', ');
    return [
      `${found.length} of ${inv.items.length} ${what} of vault ${vault.name} (${vault.vaultUrl})${input.nameContains || input.tag ? ' match' : ''} — names and metadata only, values are never read:`,
      ...bounded(found.map(({ item }) => itemRow(item, now)), input.max, 'use nameContains, tag or kind'),
      ...inventoryNotes(inv),
    ];
  },
});
