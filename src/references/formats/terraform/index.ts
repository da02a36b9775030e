// Terraform (azurerm): a data source per object — `azurerm_key_vault_secret` (`value`, `version` to pin one),
// `azurerm_key_vault_key` (no version argument; `id`), `azurerm_key_vault_certificate` (`version`; `secret_id`) —
// each with `name` and `key_vault_id`, the vault's ARM id (fields when unknown). Attributes are aligned the way
// `terraform fmt` aligns them.
// Sources: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/data-sources/key_vault_secret,
// …/data-sources/key_vault_key, …/data-sources/key_vault_certificate (arguments and exported attributes), and
// https://developer.hashicorp.com/terraform/language/data-sources (a data source's type and name — its label — are
// unique in a module; it is declared at the top level, never inside another block).
//
// Into an existing file a data source is reused only when it reads the same object of the same vault: kind, name,
// version and key_vault_id (the target vault's ARM id, or an `azurerm_key_vault` data source / resource of that
// name). A new data source gets a label no data source of its type has (`<name>`, then `<name>_<vault>`, then
// numbered), and the value names the label actually declared.
import * as l10n from '@vscode/l10n';
import { armIdTemplate, snakeIdentifier } from '../../names';
import { join, toText, tpl, type Template } from '../../template';
import type { ObjectKind, ReferenceTarget } from '../../types';
import { afterEquals, endOfContent, insideString, type Placement, type PlacementContext } from '../context';
import { allKinds, same, type ReferenceFormat } from '../format';
import { hclBlocks } from './hcl';
import { dataSources, reads, terraformDataTypes } from './parse';

export { parseTerraform, terraformDataTypes } from './parse';

/** The attribute a configuration usually needs from each data source. */
const usefulAttribute: Record<ObjectKind, string> = { secret: 'value', key: 'id', certificate: 'secret_id' };

const expression = (t: ReferenceTarget, label: string) => `data.${terraformDataTypes[t.kind]}.${label}.${usefulAttribute[t.kind]}`;

function dataBlock(t: ReferenceTarget, label = snakeIdentifier(t.name)): Template {
  const version = t.version && t.kind !== 'key' ? `\n  version      = "${t.version}"` : '';
  return tpl`data "${terraformDataTypes[t.kind]}" "${label}" {
  name         = "${t.name}"
  key_vault_id = "${armIdTemplate(t, 1)}"${version}
}`;
}

const sameObject = (a: ReferenceTarget, b: ReferenceTarget) =>
  a.vaultUrl.toLowerCase() === b.vaultUrl.toLowerCase() && a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase() && (a.kind === 'key' || (a.version ?? '') === (b.version ?? ''));

interface Plan {
  /** The label each target's value names. */
  readonly labels: readonly string[];
  /** The data sources to declare (targets the file does not read yet). */
  readonly blocks: readonly Template[];
}

/** Which data source each target reads: one the text declares for the same object and vault, or a new one. */
function plan(text: string, targets: readonly ReferenceTarget[]): Plan {
  const declared = dataSources(text);
  const planned: { readonly target: ReferenceTarget; readonly label: string }[] = [];
  const taken = new Set(declared.map((d) => `${terraformDataTypes[d.kind]}.${d.label}`));
  const blocks: Template[] = [];
  const labels = targets.map((t) => {
    const type = terraformDataTypes[t.kind];
    const reused = planned.find((p) => sameObject(p.target, t)) ?? declared.find((d) => reads(d, t));
    if (reused) return reused.label;
    const base = snakeIdentifier(t.name);
    const withVault = `${base}_${snakeIdentifier(t.vaultName)}`;
    let label = [base, withVault].find((c) => !taken.has(`${type}.${c}`));
    for (let n = 2; !label; n++) if (!taken.has(`${type}.${withVault}_${n}`)) label = `${withVault}_${n}`;
    taken.add(`${type}.${label}`);
    planned.push({ target: t, label });
    blocks.push(dataBlock(t, label));
    return label;
  });
  return { labels, blocks };
}

/** The top-level block whose body holds the offset (a data source cannot go there). */
const enclosingBlock = (ctx: PlacementContext) => hclBlocks(ctx.text).find((b) => b.bodyStart <= ctx.offset && ctx.offset <= b.bodyEnd);

export function placeTerraform(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement {
  const { labels, blocks } = plan(ctx.text, targets);
  const values = targets.map((t, i) => expression(t, labels[i]!));
  const declarations = blocks.length ? toText(join(blocks, '\n\n')) : '';
  const inString = insideString(ctx);
  if (inString || afterEquals(ctx)) {
    // A value: the data sources it reads go at the end of the file. Several targets make a tuple.
    const value = inString ? values.map((v) => `\${${v}}`).join('') : values.length === 1 ? values[0]! : `[${values.join(', ')}]`;
    const end = endOfContent(ctx);
    if (!declarations) return { mode: 'value', template: [value] };
    // At the very end of the file the declarations follow the value (an insertion there would precede it).
    if (end <= (ctx.endOffset ?? ctx.offset)) return { mode: 'value', template: [`${value}\n\n${declarations}`] };
    return { mode: 'value', template: [value], extras: [{ offset: end, text: `\n\n${declarations}` }] };
  }
  const block = enclosingBlock(ctx);
  if (block) {
    // Inside another block: the data sources go after it, at the top level.
    return { mode: 'value', template: [], ...(declarations ? { extras: [{ offset: block.end, text: `\n\n${declarations}` }] } : {}) };
  }
  // At the top level: the new data sources at the cursor, with their fields (nothing when the file reads them all).
  return blocks.length ? { mode: 'entry', template: join(blocks, '\n\n') } : { mode: 'value', template: [] };
}

export const terraform: ReferenceFormat = {
  id: 'terraform',
  get label(): string {
    return l10n.t('Terraform data source (azurerm)');
  },
  detail: 'data "azurerm_key_vault_secret" … { name, key_vault_id }',
  kinds: allKinds,
  versionable: (kind) => kind !== 'key',
  textKind: same,
  value: (t) => [expression(t, snakeIdentifier(t.name))],
  entry: (t) => dataBlock(t),
  entries: (targets) => join(plan('', targets).blocks, '\n\n'),
  place: placeTerraform,
};
