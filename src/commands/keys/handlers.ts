// The keys area's command handlers, built into a bundle of their own (dist/commands-keys.js) and loaded on the
// first run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { createKey } from './createKey';
export { decryptSelection } from './decryptSelection';
export { deleteKey } from './deleteKey';
export { disableKey } from './disableKey';
export { editKeyExpiry } from './editKeyExpiry';
export { editKeyRotationPolicy } from './editKeyRotationPolicy';
export { editKeyTags } from './editKeyTags';
export { enableKey } from './enableKey';
export { encryptSelection } from './encryptSelection';
export { exportPublicKey } from './exportPublicKey';
export { purgeKey } from './purgeKey';
export { recoverKey } from './recoverKey';
export { rotateKey } from './rotateKey';
export { showKeyDetails } from './showKeyDetails';
export { showKeyRotationPolicy } from './showKeyRotationPolicy';
export { signSelection } from './signSelection';
export { verifySelection } from './verifySelection';
