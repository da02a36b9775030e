// The keys area: its commands, each with what it acts on (a key from its row, a link or the palette; a vault for
// Create; for the editor crypto commands, the key of the row or the last one used).
import * as vscode from 'vscode';
import { KeyCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { deletedItem, item, vault } from '../targets';
import { createKey } from './createKey';
import { cryptoKey } from './cryptoCommon';
import { ciphertextsOf, decryptSelection } from './decryptSelection';
import { deleteKey } from './deleteKey';
import { disableKey } from './disableKey';
import { editKeyExpiry } from './editKeyExpiry';
import { editKeyRotationPolicy } from './editKeyRotationPolicy';
import { editKeyTags } from './editKeyTags';
import { enableKey } from './enableKey';
import { encryptSelection } from './encryptSelection';
import { exportPublicKey } from './exportPublicKey';
import { purgeKey } from './purgeKey';
import { recoverKey } from './recoverKey';
import { rotateKey } from './rotateKey';
import { showKeyDetails } from './showKeyDetails';
import { showKeyRotationPolicy } from './showKeyRotationPolicy';
import { signSelection } from './signSelection';
import { verifySelection } from './verifySelection';

const key = item('key');

const commands: Readonly<Record<CommandId<typeof KeyCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [KeyCommandIds.showDetails]: command(key, showKeyDetails),
  [KeyCommandIds.create]: command(vault(() => vscode.l10n.t('Create a key: choose the vault'), 'key'), createKey, { writes: true }),
  [KeyCommandIds.rotate]: command(key, rotateKey, { writes: true }),
  [KeyCommandIds.showRotationPolicy]: command(key, showKeyRotationPolicy),
  [KeyCommandIds.editRotationPolicy]: command(key, editKeyRotationPolicy, { writes: true }),
  [KeyCommandIds.enable]: command(key, enableKey, { writes: true }),
  [KeyCommandIds.disable]: command(key, disableKey, { writes: true }),
  [KeyCommandIds.editExpiry]: command(key, editKeyExpiry, { writes: true }),
  [KeyCommandIds.editTags]: command(key, editKeyTags, { writes: true }),
  [KeyCommandIds.delete]: command(key, deleteKey, { writes: true }),
  [KeyCommandIds.recover]: command(deletedItem('key', 'recover'), recoverKey, { writes: true }),
  [KeyCommandIds.purge]: command(deletedItem('key', 'purge'), purgeKey, { writes: true }),
  [KeyCommandIds.exportPublicKey]: command(key, exportPublicKey),
  [KeyCommandIds.encryptSelection]: command(cryptoKey('encrypt'), encryptSelection),
  [KeyCommandIds.decryptSelection]: command(cryptoKey('decrypt', ciphertextsOf), decryptSelection),
  [KeyCommandIds.signSelection]: command(cryptoKey('sign'), signSelection),
  [KeyCommandIds.verifySelection]: command(cryptoKey('verify'), verifySelection),
};

/** Commands of the keys area (one file each in this folder). */
export const keysFeature: Feature = { commands };
