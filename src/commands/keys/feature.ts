import type { Feature } from '../feature';
import type { CommandHandler } from '../wrapper';
import { createKey } from './createKey';
import { decryptSelection } from './decryptSelection';
import { deleteKey } from './deleteKey';
import { disableKey } from './disableKey';
import { editKeyExpiry } from './editKeyExpiry';
import { editKeyRotationPolicy } from './editKeyRotationPolicy';
import { editKeyTags } from './editKeyTags';
import { enableKey } from './enableKey';
import { encryptSelection } from './encryptSelection';
import { exportPublicKey } from './exportPublicKey';
import { KeyCommandIds } from '../../model/commandIds';
import { purgeKey } from './purgeKey';
import { recoverKey } from './recoverKey';
import { rotateKey } from './rotateKey';
import { showKeyDetails } from './showKeyDetails';
import { showKeyRotationPolicy } from './showKeyRotationPolicy';
import { signSelection } from './signSelection';
import { verifySelection } from './verifySelection';

const commands: Readonly<Record<(typeof KeyCommandIds)[keyof typeof KeyCommandIds], CommandHandler>> = {
  [KeyCommandIds.showDetails]: showKeyDetails,
  [KeyCommandIds.create]: createKey,
  [KeyCommandIds.rotate]: rotateKey,
  [KeyCommandIds.showRotationPolicy]: showKeyRotationPolicy,
  [KeyCommandIds.editRotationPolicy]: editKeyRotationPolicy,
  [KeyCommandIds.enable]: enableKey,
  [KeyCommandIds.disable]: disableKey,
  [KeyCommandIds.editExpiry]: editKeyExpiry,
  [KeyCommandIds.editTags]: editKeyTags,
  [KeyCommandIds.delete]: deleteKey,
  [KeyCommandIds.recover]: recoverKey,
  [KeyCommandIds.purge]: purgeKey,
  [KeyCommandIds.exportPublicKey]: exportPublicKey,
  [KeyCommandIds.encryptSelection]: encryptSelection,
  [KeyCommandIds.decryptSelection]: decryptSelection,
  [KeyCommandIds.signSelection]: signSelection,
  [KeyCommandIds.verifySelection]: verifySelection,
};

/** Commands of the keys area (one file each in this folder). */
export const keysFeature: Feature = {
  commands,
};
