// Command ids of the certificates area (declared in manifest/*-certificates.json).
export const CertificateCommandIds = {} as const satisfies Record<string, `azureKeyVault.${string}`>;
