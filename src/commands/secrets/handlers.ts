// The secrets area's command handlers, built into a bundle of their own (dist/commands-secrets.js) and loaded on the
// first run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { copySecretIdentifier } from './copyIdentifier';
export { copySecretToVault } from './copyToVault';
export { copySecretValue } from './copyValue';
export { copySecretVersionedIdentifier } from './copyVersionedIdentifier';
export { copyVaultUri } from './copyVaultUri';
export { createSecret } from './createSecret';
export { deleteSecret } from './deleteSecret';
export { disableSecret } from './disableSecret';
export { editSecretAttributes } from './editAttributes';
export { editSecretExpiry } from './editExpiry';
export { editSecretValue } from './editValue';
export { enableSecret } from './enableSecret';
export { newSecretVersion } from './newVersion';
export { purgeSecret } from './purgeSecret';
export { recoverSecret } from './recoverSecret';
export { renameSecret } from './renameSecret';
export { showSecretValue } from './showValue';
