// Command ids of the editor features (references: insert, hover links, quick fixes).
export const EditorCommandIds = {} as const satisfies Record<string, `azureKeyVault.${string}`>;
