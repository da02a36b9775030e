// The text of a SecretProviderClass and of the items of its `objects` array (see ./index.ts for the sources).
import { csiCloudName } from '../../names';
import { field, indent, join, tpl, type Template } from '../../template';
import type { ObjectKind, ReferenceTarget } from '../../types';

const objectTypes: Record<ObjectKind, string> = { secret: 'secret', key: 'key', certificate: 'cert' };

export const objectTypeOf = (kind: ObjectKind): string => objectTypes[kind];

/** One item of `objects: | array:`: a block scalar holding the object's YAML. */
export function arrayItem(t: ReferenceTarget): string {
  return `- |\n  objectName: ${t.name}\n  objectType: ${objectTypes[t.kind]}${t.version ? `\n  objectVersion: "${t.version}"` : ''}`;
}

/** Several items, one after the other (the first line unindented: it goes where the cursor or a line start is). */
export const arrayItems = (targets: readonly ReferenceTarget[], prefix = ''): string => targets.map((t) => arrayItem(t).replace(/\n/g, `\n${prefix}`)).join(`\n${prefix}`);

/** Targets grouped by vault, in their order (one SecretProviderClass names one vault). */
export function byVault(targets: readonly ReferenceTarget[]): ReferenceTarget[][] {
  const groups = new Map<string, ReferenceTarget[]>();
  for (const t of targets) groups.set(t.vaultUrl.toLowerCase(), [...(groups.get(t.vaultUrl.toLowerCase()) ?? []), t]);
  return [...groups.values()];
}

/** The class's default `metadata.name`: the vault's name (a DNS subdomain: lower case), numbered when taken. */
export function className(vaultName: string, taken: Set<string>): string {
  const base = vaultName.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'azure-kv';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/**
 * A whole SecretProviderClass for the targets of one vault. Its fields (name, client id, tenant when unknown) are
 * tab stops 1…3; `join` numbers the fields of several classes apart.
 */
export function providerClass(targets: readonly ReferenceTarget[], name: string): Template {
  const first = targets[0]!;
  const cloud = csiCloudName(first.vaultUrl);
  const tenant = first.tenantId ?? field(3, 'tenant-id');
  const items = indent([arrayItems(targets)], '        ');
  return tpl`apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${field(1, name)}
spec:
  provider: azure
  parameters:
    usePodIdentity: "false"
    clientID: "${field(2, 'workload-identity-client-id')}"
    keyvaultName: ${first.vaultName}${cloud ? `\n    cloudName: ${cloud}` : ''}
    tenantId: "${tenant}"
    objects: |
      array:
        ${items}`;
}

/** One class per vault, as YAML documents one after the other, each with its own fields and a name not taken. */
export function providerClasses(targets: readonly ReferenceTarget[], taken: Set<string> = new Set()): Template {
  return join(byVault(targets).map((group) => providerClass(group, className(group[0]!.vaultName, taken))), '\n---\n');
}
