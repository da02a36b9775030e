// The agent tools (issue 23): their names as contributed in manifest/70-agent.json and registered by ./feature.ts,
// and which of them write. Pure (no vscode): the unit tests compare this table with the manifest.

/** Every tool: name → whether it writes (a vault or a file). Writes are confirmed by the user, and refused in an untrusted workspace. */
export const agentTools = {
  azureKeyVault_listVaults: { writes: false },
  azureKeyVault_listObjects: { writes: false },
  azureKeyVault_findObjects: { writes: false },
  azureKeyVault_listExpiring: { writes: false },
  azureKeyVault_findSecretLiterals: { writes: false },
  azureKeyVault_checkReferences: { writes: false },
  azureKeyVault_insertReference: { writes: true },
  azureKeyVault_moveLiteralToKeyVault: { writes: true },
  azureKeyVault_createSecret: { writes: true },
  azureKeyVault_rotateSecret: { writes: true },
  azureKeyVault_setEnabled: { writes: true },
  azureKeyVault_deleteObject: { writes: true },
} as const satisfies Record<`azureKeyVault_${string}`, { writes: boolean }>;

export type AgentToolName = keyof typeof agentTools;

export const agentToolNames = Object.keys(agentTools) as AgentToolName[];
