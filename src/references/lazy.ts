// The door to the references layer at run time. `./index` (formats, placement, the parser, with `yaml` and
// `jsonc-parser`) is built into its own bundle (dist/references.js) and loaded on first use — the first hover,
// diagnostics pass, link, completion or insertion — so activation evaluates none of it. Import its *types* anywhere
// with `import type`.
export type References = typeof import('./index');

/** Loads the references bundle once (`require`: a CommonJS bundle); a failure rejects the promise. */
export function loadReferences(): Promise<References> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see above
    resolve(require('./index') as References);
  });
}
