// Secrets: copy, show, edit, create, rotate, attributes, delete, recover, purge, copy to another vault, rename. Each id of
// SecretCommandIds is one command: what it acts on (resolved by the wrapper) and its handler (one file each).
import * as vscode from 'vscode';
import { SecretCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { deletedItem, item, vault } from '../targets';

// The handlers load on the first run of one of them (dist/commands-secrets.js: see src/commands/lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

const secret = item('secret');

const commands: Readonly<Record<CommandId<typeof SecretCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [SecretCommandIds.copyValue]: command(secret, run('copySecretValue')),
  [SecretCommandIds.copyIdentifier]: command(secret, run('copySecretIdentifier')),
  [SecretCommandIds.copyVersionedIdentifier]: command(secret, run('copySecretVersionedIdentifier')),
  [SecretCommandIds.copyVaultUri]: command(vault(() => vscode.l10n.t('Copy the URI of a key vault')), run('copyVaultUri')),
  [SecretCommandIds.showValue]: command(secret, run('showSecretValue')),
  [SecretCommandIds.editValue]: command(secret, run('editSecretValue')),
  [SecretCommandIds.create]: command(vault(() => vscode.l10n.t('Create a secret in which vault?'), 'secret'), run('createSecret'), { writes: true }),
  [SecretCommandIds.newVersion]: command(secret, run('newSecretVersion'), { writes: true }),
  [SecretCommandIds.editAttributes]: command(secret, run('editSecretAttributes'), { writes: true }),
  [SecretCommandIds.editExpiry]: command(secret, run('editSecretExpiry'), { writes: true }),
  [SecretCommandIds.enable]: command(secret, run('enableSecret'), { writes: true }),
  [SecretCommandIds.disable]: command(secret, run('disableSecret'), { writes: true }),
  [SecretCommandIds.delete]: command(secret, run('deleteSecret'), { writes: true }),
  [SecretCommandIds.recover]: command(deletedItem('secret', 'recover'), run('recoverSecret'), { writes: true }),
  [SecretCommandIds.purge]: command(deletedItem('secret', 'purge'), run('purgeSecret'), { writes: true }),
  [SecretCommandIds.copyToVault]: command(secret, run('copySecretToVault')),
  [SecretCommandIds.rename]: command(secret, run('renameSecret'), { writes: true }),
};

export const secretsFeature: Feature = { commands };
