// Secrets: copy, show, edit, create, rotate, attributes, delete, recover, purge, copy to another vault, rename. Each id of
// SecretCommandIds is one command: what it acts on (resolved by the wrapper) and its handler (one file each).
import * as vscode from 'vscode';
import { SecretCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { deletedItem, item, vault } from '../targets';
import { copySecretIdentifier } from './copyIdentifier';
import { copySecretToVault } from './copyToVault';
import { copySecretValue } from './copyValue';
import { copySecretVersionedIdentifier } from './copyVersionedIdentifier';
import { copyVaultUri } from './copyVaultUri';
import { createSecret } from './createSecret';
import { deleteSecret } from './deleteSecret';
import { disableSecret } from './disableSecret';
import { editSecretAttributes } from './editAttributes';
import { editSecretExpiry } from './editExpiry';
import { editSecretValue } from './editValue';
import { enableSecret } from './enableSecret';
import { newSecretVersion } from './newVersion';
import { purgeSecret } from './purgeSecret';
import { recoverSecret } from './recoverSecret';
import { renameSecret } from './renameSecret';
import { showSecretValue } from './showValue';

const secret = item('secret');

const commands: Readonly<Record<CommandId<typeof SecretCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [SecretCommandIds.copyValue]: command(secret, copySecretValue),
  [SecretCommandIds.copyIdentifier]: command(secret, copySecretIdentifier),
  [SecretCommandIds.copyVersionedIdentifier]: command(secret, copySecretVersionedIdentifier),
  [SecretCommandIds.copyVaultUri]: command(vault(() => vscode.l10n.t('Copy the URI of a key vault')), copyVaultUri),
  [SecretCommandIds.showValue]: command(secret, showSecretValue),
  [SecretCommandIds.editValue]: command(secret, editSecretValue),
  [SecretCommandIds.create]: command(vault(() => vscode.l10n.t('Create a secret in which vault?'), 'secret'), createSecret, { writes: true }),
  [SecretCommandIds.newVersion]: command(secret, newSecretVersion, { writes: true }),
  [SecretCommandIds.editAttributes]: command(secret, editSecretAttributes, { writes: true }),
  [SecretCommandIds.editExpiry]: command(secret, editSecretExpiry, { writes: true }),
  [SecretCommandIds.enable]: command(secret, enableSecret, { writes: true }),
  [SecretCommandIds.disable]: command(secret, disableSecret, { writes: true }),
  [SecretCommandIds.delete]: command(secret, deleteSecret, { writes: true }),
  [SecretCommandIds.recover]: command(deletedItem('secret', 'recover'), recoverSecret, { writes: true }),
  [SecretCommandIds.purge]: command(deletedItem('secret', 'purge'), purgeSecret, { writes: true }),
  [SecretCommandIds.copyToVault]: command(secret, copySecretToVault),
  [SecretCommandIds.rename]: command(secret, renameSecret, { writes: true }),
};

export const secretsFeature: Feature = { commands };
