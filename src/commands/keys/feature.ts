// The keys area: its commands, each with what it acts on (a key from its row, a link or the palette; a vault for
// Create; for the editor crypto commands, the key of the row or the last one used).
import * as vscode from 'vscode';
import { KeyCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { deletedItem, item, vault } from '../targets';
import { cryptoKey } from './cryptoCommon';
import { ciphertextsOf } from './decryptSelection';

// The handlers load on the first run of one of them (dist/commands-keys.js: see src/commands/lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

const key = item('key');

const commands: Readonly<Record<CommandId<typeof KeyCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [KeyCommandIds.showDetails]: command(key, run('showKeyDetails')),
  [KeyCommandIds.create]: command(vault(() => vscode.l10n.t('Create a key: choose the vault'), 'key'), run('createKey'), { writes: true }),
  [KeyCommandIds.rotate]: command(key, run('rotateKey'), { writes: true }),
  [KeyCommandIds.showRotationPolicy]: command(key, run('showKeyRotationPolicy')),
  [KeyCommandIds.editRotationPolicy]: command(key, run('editKeyRotationPolicy'), { writes: true }),
  [KeyCommandIds.enable]: command(key, run('enableKey'), { writes: true }),
  [KeyCommandIds.disable]: command(key, run('disableKey'), { writes: true }),
  [KeyCommandIds.editExpiry]: command(key, run('editKeyExpiry'), { writes: true }),
  [KeyCommandIds.editTags]: command(key, run('editKeyTags'), { writes: true }),
  [KeyCommandIds.delete]: command(key, run('deleteKey'), { writes: true }),
  [KeyCommandIds.recover]: command(deletedItem('key', 'recover'), run('recoverKey'), { writes: true }),
  [KeyCommandIds.purge]: command(deletedItem('key', 'purge'), run('purgeKey'), { writes: true }),
  [KeyCommandIds.exportPublicKey]: command(key, run('exportPublicKey')),
  [KeyCommandIds.encryptSelection]: command(cryptoKey('encrypt'), run('encryptSelection')),
  [KeyCommandIds.decryptSelection]: command(cryptoKey('decrypt', ciphertextsOf), run('decryptSelection')),
  [KeyCommandIds.signSelection]: command(cryptoKey('sign'), run('signSelection')),
  [KeyCommandIds.verifySelection]: command(cryptoKey('verify'), run('verifySelection')),
};

/** Commands of the keys area (one file each in this folder). */
export const keysFeature: Feature = { commands };
