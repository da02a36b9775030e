// Secret history: compare versions (diff editor, read-only in-memory documents), check a clipboard or selection
// against a value without showing it, mark the versions that hold the current value, make an older version current.
// Each id of HistoryCommandIds is one command (one file each).
import * as vscode from 'vscode';
import { HistoryCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { item, type TargetSpec } from '../targets';
import { version, versionPair } from '../versionTargets';
import { clipboardText } from './compareWithClipboard';
import { selectedText } from './compareWithSelection';

// The handlers load on the first run of one of them (dist/commands-history.js: see src/commands/lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

/** Refuses before any pick or call when `check` throws (an empty clipboard, no selection). */
function checkedFirst<T>(check: () => unknown, spec: TargetSpec<T>): TargetSpec<T> {
  return {
    async resolve(services, given) {
      await check();
      return spec.resolve(services, given);
    },
  };
}

const olderVersion = version('secret', { title: (name) => vscode.l10n.t('Compare a version of {0} with the current one', name), notCurrent: true });
const toRestore = version('secret', { title: (name) => vscode.l10n.t('Make an older version of {0} current', name), notCurrent: true });
const pair = versionPair('secret', (name) => vscode.l10n.t('Compare two versions of {0}', name));

const commands: Readonly<Record<CommandId<typeof HistoryCommandIds>, Command<ItemTarget>>> = {
  [HistoryCommandIds.compareWithCurrent]: command(olderVersion, run('compareWithCurrent')),
  [HistoryCommandIds.compareSelected]: command(pair, run('compareSelected')),
  [HistoryCommandIds.compareWithClipboard]: command(checkedFirst(clipboardText, item('secret')), run('compareWithClipboard')),
  [HistoryCommandIds.compareWithSelection]: command(checkedFirst(selectedText, item('secret')), run('compareWithSelection')),
  [HistoryCommandIds.markSameValue]: command(item('secret'), run('markSameValue')),
  [HistoryCommandIds.makeCurrent]: command(toRestore, run('makeCurrent'), { writes: true }),
};

export const historyFeature: Feature = { commands };
