// Command ids of the secrets area (declared in manifest/*-secrets.json).
export const SecretCommandIds = {} as const satisfies Record<string, `azureKeyVault.${string}`>;
