import type { Feature } from './feature';
import { attachVault } from './attachVault';
import { detachVault } from './detachVault';
import { filterGroup } from './filterGroup';
import { CommandIds, type CommandId } from '../model/commandIds';
import { loadMore } from './loadMore';
import { openInPortal } from './openInPortal';
import { refresh } from './refresh';
import { search } from './search';
import { selectSubscriptions } from './selectSubscriptions';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signInToTenant } from './signInToTenant';
import type { CommandHandler } from './wrapper';

const commands: Readonly<Record<CommandId<typeof CommandIds>, CommandHandler>> = {
  [CommandIds.signIn]: signIn,
  [CommandIds.signInToTenant]: signInToTenant,
  [CommandIds.selectSubscriptions]: selectSubscriptions,
  [CommandIds.attachVault]: attachVault,
  [CommandIds.detachVault]: detachVault,
  [CommandIds.refresh]: refresh,
  [CommandIds.loadMore]: loadMore,
  [CommandIds.filterGroup]: filterGroup,
  [CommandIds.showLog]: showLog,
  [CommandIds.openInPortal]: openInPortal,
  [CommandIds.search]: search,
};

/** Sign-in, browsing and the view's own commands. */
export const coreFeature: Feature = { commands };
