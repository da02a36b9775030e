// Every command id the extension registers, by feature area. A unit test checks this list against package.json,
// and the e2e suite checks it against what VS Code has registered. Areas keep their ids in their own folder.
import { CertificateCommandIds } from './certificates/ids';
import { KeyCommandIds } from './keys/ids';
import { SecretCommandIds } from './secrets/ids';
import { EditorCommandIds } from '../editor/ids';

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
  openInPortal: 'azureKeyVault.openInPortal',
  search: 'azureKeyVault.search',
} as const;

export type CoreCommandId = (typeof CommandIds)[keyof typeof CommandIds];

const values = (ids: object): string[] => Object.values(ids) as string[];

export const allCommandIds: readonly string[] = [
  ...values(CommandIds),
  ...values(SecretCommandIds),
  ...values(KeyCommandIds),
  ...values(CertificateCommandIds),
  ...values(EditorCommandIds),
];
