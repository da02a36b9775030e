import type { Feature } from '../feature';

/** Editor features: reference insertion, drag and drop, hovers, links, diagnostics. */
export const editorFeature: Feature = {
  commands: {},
};
