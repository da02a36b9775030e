// Command ids of the keys area (declared in manifest/20-keys.json).
import { ExpiryCommandIds } from '../../decorations/ids';

export const KeyCommandIds = {
  showDetails: 'azureKeyVault.showKeyDetails',
  create: 'azureKeyVault.createKey',
  rotate: 'azureKeyVault.rotateKey',
  showRotationPolicy: 'azureKeyVault.showKeyRotationPolicy',
  editRotationPolicy: 'azureKeyVault.editKeyRotationPolicy',
  enable: 'azureKeyVault.enableKey',
  disable: 'azureKeyVault.disableKey',
  editExpiry: 'azureKeyVault.editKeyExpiry',
  editTags: 'azureKeyVault.editKeyTags',
  delete: 'azureKeyVault.deleteKey',
  recover: 'azureKeyVault.recoverKey',
  purge: 'azureKeyVault.purgeKey',
  exportPublicKey: 'azureKeyVault.exportPublicKey',
  encryptSelection: 'azureKeyVault.encryptSelection',
  decryptSelection: 'azureKeyVault.decryptSelection',
  signSelection: 'azureKeyVault.signSelection',
  verifySelection: 'azureKeyVault.verifySelection',
  // Expiry across every kind ("Expiring Soon…"), registered with the keys area.
  ...ExpiryCommandIds,
} as const satisfies Record<string, `azureKeyVault.${string}`>;
