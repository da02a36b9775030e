// Secrets Store CSI driver, Azure provider: a `SecretProviderClass` whose `objects` is an `array:` of entries
// (objectName, objectType secret | key | cert, optional objectVersion). The value is one entry of that array;
// the entry is a whole SecretProviderClass. A sovereign cloud's vault gets its `cloudName` from the vault host.
import * as l10n from '@vscode/l10n';
import { csiCloudName } from '../names';
import { concat, field, indent, tpl, type Template } from '../template';
import type { ObjectKind, ReferenceTarget } from '../types';
import { asEntries, asValue } from './context';
import { allKinds, always, same, type ReferenceFormat } from './format';

const objectTypes: Record<ObjectKind, string> = { secret: 'secret', key: 'key', certificate: 'cert' };

/** One item of `objects: | array:`. */
function arrayItem(t: ReferenceTarget): Template {
  return [`- |\n  objectName: ${t.name}\n  objectType: ${objectTypes[t.kind]}${t.version ? `\n  objectVersion: "${t.version}"` : ''}`];
}

function providerClass(targets: readonly ReferenceTarget[]): Template {
  const first = targets[0]!;
  const cloud = csiCloudName(first.vaultUrl);
  const tenant = first.tenantId ?? field(3, 'tenant-id');
  const items = indent(concat(targets.map(arrayItem), '\n'), '        ');
  return tpl`apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${field(1, first.vaultName)}
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

export const csi: ReferenceFormat = {
  id: 'csi',
  get label(): string {
    return l10n.t('Secrets Store CSI driver (SecretProviderClass)');
  },
  detail: 'objects: array: - objectName / objectType',
  kinds: allKinds,
  versionable: always,
  textKind: same,
  value: arrayItem,
  entry: (t) => providerClass([t]),
  entries: (targets) => {
    // One SecretProviderClass per vault (its parameters name one vault), separated as YAML documents.
    const byVault = new Map<string, ReferenceTarget[]>();
    for (const t of targets) byVault.set(t.vaultUrl, [...(byVault.get(t.vaultUrl) ?? []), t]);
    return concat([...byVault.values()].map(providerClass), '\n---\n');
  },
  place: (ctx, targets) => (/^\s*kind:\s*SecretProviderClass\b/m.test(ctx.text) ? asValue(csi, targets) : asEntries(csi, targets)),
};
