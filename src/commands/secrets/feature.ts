import type { Feature } from '../feature';
import type { CommandHandler } from '../wrapper';
import { copySecretIdentifier } from './copyIdentifier';
import { copySecretToVault } from './copyToVault';
import { copySecretValue } from './copyValue';
import { copySecretVersionedIdentifier } from './copyVersionedIdentifier';
import { copyVaultUri } from './copyVaultUri';
import { createSecret } from './createSecret';
import { deleteSecret } from './deleteSecret';
import { disableSecret } from './disableSecret';
import { editSecretAttributes } from './editAttributes';
import { editSecretValue } from './editValue';
import { enableSecret } from './enableSecret';
import { SecretCommandIds } from '../../model/commandIds';
import { newSecretVersion } from './newVersion';
import { purgeSecret } from './purgeSecret';
import { recoverSecret } from './recoverSecret';
import { showSecretValue } from './showValue';

const commands: Readonly<Record<(typeof SecretCommandIds)[keyof typeof SecretCommandIds], CommandHandler>> = {
  [SecretCommandIds.copyValue]: copySecretValue,
  [SecretCommandIds.copyIdentifier]: copySecretIdentifier,
  [SecretCommandIds.copyVersionedIdentifier]: copySecretVersionedIdentifier,
  [SecretCommandIds.copyVaultUri]: copyVaultUri,
  [SecretCommandIds.showValue]: showSecretValue,
  [SecretCommandIds.editValue]: editSecretValue,
  [SecretCommandIds.create]: createSecret,
  [SecretCommandIds.newVersion]: newSecretVersion,
  [SecretCommandIds.editAttributes]: editSecretAttributes,
  [SecretCommandIds.enable]: enableSecret,
  [SecretCommandIds.disable]: disableSecret,
  [SecretCommandIds.delete]: deleteSecret,
  [SecretCommandIds.recover]: recoverSecret,
  [SecretCommandIds.purge]: purgeSecret,
  [SecretCommandIds.copyToVault]: copySecretToVault,
};

/** Secrets: copy, show, edit, create, rotate, attributes, delete, recover, purge, copy to another vault. */
export const secretsFeature: Feature = { commands };
