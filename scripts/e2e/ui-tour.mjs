#!/usr/bin/env node
// The UI tour of `npm test`: the demo driven in headless Chromium like a user, each journey checked on what the page
// shows and photographed into docs/images/ (the README's pictures and one per fixed rough edge — look at them).
// `node scripts/e2e/ui-tour.mjs` runs it alone.
import { tourTree } from './tour/tree.mjs';
import { tourActions } from './tour/actions.mjs';

export async function uiTour() {
  const totals = { passed: 0, failed: 0 };
  for (const tour of [tourTree, tourActions]) {
    const { passed, failed } = await tour();
    totals.passed += passed;
    totals.failed += failed;
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { failed } = await uiTour();
  process.exit(failed ? 1 : 0);
}
