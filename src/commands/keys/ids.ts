// Command ids of the keys area (declared in manifest/*-keys.json).
export const KeyCommandIds = {} as const satisfies Record<string, `azureKeyVault.${string}`>;
