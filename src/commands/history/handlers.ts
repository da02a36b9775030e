// The history area's command handlers, built into a bundle of their own (dist/commands-history.js) and loaded on the
// first run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { compareSelected } from './compareSelected';
export { compareWithClipboard } from './compareWithClipboard';
export { compareWithCurrent } from './compareWithCurrent';
export { compareWithSelection } from './compareWithSelection';
export { makeCurrent } from './makeCurrent';
export { markSameValue } from './markSameValue';
