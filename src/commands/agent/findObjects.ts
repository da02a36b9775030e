// azureKeyVault_findObjects: objects across every vault the user sees, by part of the name and/or a tag (`key` or
// `key=value`). Listings only, bounded per vault and in the answer.
import type { ObjectKind } from '../../azure/model';
import { inputObject, optionalChoices, optionalInteger, optionalString, ToolRefusal } from './input';
import { inventory, inventoryNotes } from './inventory';
import { vaultPlaces } from './places';
import { bounded, defaultMaxRows, itemRow, maxRowsLimit, nameMatches, tagMatches } from './rows';
import { tool } from './tool';

const allKinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export const findObjects = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['nameContains', 'tag', 'kinds', 'maxResults']);
    const parsed = {
      nameContains: optionalString(input, 'nameContains'),
      tag: optionalString(input, 'tag'),
      kinds: optionalChoices(input, 'kinds', allKinds) ?? allKinds,
      max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows,
    };
    if (!parsed.nameContains && !parsed.tag) throw new ToolRefusal('Give "nameContains" or "tag" (or both). Nothing was done.');
    return parsed;
  },
  prepare: (_services, input) => ({ invocationMessage: `Searching every vault for ${[input.nameContains && `names containing "${input.nameContains}"`, input.tag && `tag ${input.tag}`].filter(Boolean).join(' and ')}` }),
  run: async (services, input) => {
    const vaults = (await vaultPlaces(services)).map((p) => p.vault);
    const inv = await inventory(services, vaults, input.kinds);
    const now = Date.now();
    const found = inv.items.filter(({ item }) => nameMatches(item.name, input.nameContains) && tagMatches(item.tags, input.tag));
    return [
      `${found.length} match(es) in ${vaults.length} vault(s) — names and metadata only, values are never read:`,
      ...bounded(found.map(({ vault, item }) => itemRow(item, now, vault.name)), input.max, 'narrow nameContains or tag'),
      ...inventoryNotes(inv),
    ];
  },
});
