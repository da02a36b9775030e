// Every command id the extension registers. A unit test checks this list against package.json, and the e2e suite
// checks it against what VS Code has registered.
export const CommandIds = {
  signIn: 'azureKeyVault.signIn',
  signInToTenant: 'azureKeyVault.signInToTenant',
  selectSubscriptions: 'azureKeyVault.selectSubscriptions',
  attachVault: 'azureKeyVault.attachVault',
  detachVault: 'azureKeyVault.detachVault',
  refresh: 'azureKeyVault.refresh',
  loadMore: 'azureKeyVault.loadMore',
  filterGroup: 'azureKeyVault.filterGroup',
  showLog: 'azureKeyVault.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

export const allCommandIds: readonly CommandId[] = Object.values(CommandIds);
