// Command ids of the expiry view (registered through the keys feature, declared in manifest/20-keys.json).
export const ExpiryCommandIds = {
  showExpiringSoon: 'azureKeyVault.showExpiringSoon',
} as const satisfies Record<string, `azureKeyVault.${string}`>;
