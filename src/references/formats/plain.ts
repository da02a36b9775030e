// The object's URI, and the .NET configuration key of a secret (`A--B` ↔ `A:B`).
import * as l10n from '@vscode/l10n';
import { dotnetKeyOf, objectUri } from '../names';
import { asEntries, asValue, insideString } from './context';
import type { ReferenceFormat } from './format';
import { allKinds, always, same, secretLike } from './format';

export const uri: ReferenceFormat = {
  id: 'uri',
  get label(): string {
    return l10n.t('Key Vault URI');
  },
  detail: 'https://{vault host}/{secrets|keys|certificates}/{name}[/{version}]',
  kinds: allKinds,
  versionable: always,
  textKind: same,
  value: (t) => [objectUri(t)],
  entry: (t) => [objectUri(t)],
  place: (_ctx, targets) => asValue(uri, targets),
};

export const dotnetKey: ReferenceFormat = {
  id: 'dotnetKey',
  get label(): string {
    return l10n.t('.NET configuration key');
  },
  get detail(): string {
    return l10n.t('secret {0} is {1} with the Key Vault configuration provider', 'A--B', 'configuration["A:B"]');
  },
  kinds: secretLike,
  versionable: () => false,
  textKind: same,
  value: (t) => [dotnetKeyOf(t.name)],
  entry: (t) => [`configuration["${dotnetKeyOf(t.name)}"]`],
  place: (ctx, targets) => (insideString(ctx) ? asValue(dotnetKey, targets) : asEntries(dotnetKey, targets)),
};
