// Sign-in, browsing and the view's own commands (Refresh, Load more, Filter…, usage filters, attached vaults, portal, search).
import * as vscode from 'vscode';
import { CommandIds, type CommandId } from '../../model/commandIds';
import { command, type Command, type Feature } from '../feature';
import { anyTarget, args, attachedVault, row } from '../targets';
import { attachVault } from './attachVault';
import { detachVault } from './detachVault';
import { filterGroup } from './filterGroup';
import { filterReferenced, filterUnreferenced } from './filterUsage';
import { loadMore } from './loadMore';
import { openInPortal } from './openInPortal';
import { refresh } from './refresh';
import { search } from './search';
import { selectSubscriptions } from './selectSubscriptions';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signInToTenant } from './signInToTenant';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
const commands: Readonly<Record<CommandId<typeof CommandIds>, Command<any>>> = {
  [CommandIds.signIn]: command(args(), signIn),
  [CommandIds.signInToTenant]: command(args(), signInToTenant),
  [CommandIds.selectSubscriptions]: command(args(), selectSubscriptions),
  [CommandIds.attachVault]: command(args(), attachVault),
  [CommandIds.detachVault]: command(attachedVault(), detachVault),
  [CommandIds.refresh]: command(row(), refresh),
  [CommandIds.loadMore]: command(row(), loadMore),
  [CommandIds.filterGroup]: command(row(), filterGroup),
  [CommandIds.filterReferenced]: command(row(), filterReferenced),
  [CommandIds.filterUnreferenced]: command(row(), filterUnreferenced),
  [CommandIds.showLog]: command(args(), showLog),
  [CommandIds.openInPortal]: command(anyTarget(() => vscode.l10n.t('Open a key vault in the Azure portal')), openInPortal),
  [CommandIds.search]: command(args(), search),
};

/** Sign-in, browsing and the view's own commands. */
export const vaultsFeature: Feature = { commands };
