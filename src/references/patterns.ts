// What Key Vault accepts as names and versions, for the finders that read them out of text (a `$VAR` or a
// `${{ … }}` in their place is a variable, not a reference). Sources: learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates
// (object names: 1–127 letters, digits and dashes; versions: 32 hexadecimal characters) and
// learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault (vaults: 3–24).
export const vaultNamePattern = /^[0-9A-Za-z-]{3,24}$/;
export const objectNamePattern = /^[0-9A-Za-z-]{1,127}$/;
export const versionPattern = /^[0-9a-fA-F]{32}$/;
