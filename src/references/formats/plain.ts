// The object's URI, and the .NET configuration key of a secret (`A--B` ↔ `A:B`).
import { dotnetKeyOf, objectUri } from '../names';
import type { ReferenceFormat } from './format';
import { allKinds, always, same, secretLike } from './format';

export const uri: ReferenceFormat = {
  id: 'uri',
  label: 'Key Vault URI',
  detail: 'https://{vault host}/{secrets|keys|certificates}/{name}[/{version}]',
  kinds: allKinds,
  versionable: always,
  textKind: same,
  value: (t) => [objectUri(t)],
  entry: (t) => [objectUri(t)],
};

export const dotnetKey: ReferenceFormat = {
  id: 'dotnetKey',
  label: '.NET configuration key',
  detail: 'secret A--B is configuration["A:B"] with the Key Vault configuration provider',
  kinds: secretLike,
  versionable: () => false,
  textKind: same,
  value: (t) => [dotnetKeyOf(t.name)],
  entry: (t) => [`configuration["${dotnetKeyOf(t.name)}"]`],
};
