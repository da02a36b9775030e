// The fault matrix of issue 13, observed against the emulator and recorded for docs/RELIABILITY.md:
//  - every write command's data-layer op × {before-commit 503, after-commit 503, after-commit reset, after-commit
//    hang, 3 × 429, Retry-After: 86400}: the change is in the vault exactly once when the op says done, never twice;
//    a failure is one classified, clear message the vault agrees with; the op ends within its bound;
//  - every tree listing × {500, reset, hang, 429} × {once, persistent}: once → the page arrives, persistent → one
//    clear failure within the bound, and the same call works once the fault is gone (the tree stays usable);
//  - a token that expires during a long listing is fetched again without the caller noticing.
// Each cell's outcome is derived from the request log, the client's wait events and the state read back
// (reliability/outcome.ts) and recorded (test/reliability/recorder.ts) BEFORE it is asserted, so the document shows
// failing cells too.
import * as assert from 'node:assert/strict';
import type { AzureSdk } from '../../src/azure/lazy';
import { classifyError } from '../../src/azure/errors';
import type { AzureFailure } from '../../src/azure/model';
import type { VaultClients } from '../../src/azure/vaultClients';
import { record } from '../reliability/recorder';
import { appCredential, controlApi, emulatorCloud, seededApp } from './emulator';
import { OPS_SUBSCRIPTION, seedOpsVaults } from './opsVaults';
import { GUARD_EXTRA_MS, guarded, LISTING_COLUMNS, listingBoundMs, pause, RELIABILITY, WRITE_COLUMNS, writeBoundMs } from './reliability/cells';
import { addFault, clearFaults, logCursor, removeFault, requestsSince, tokenRequestsSince } from './reliability/faults';
import { LISTING_ROWS, listingSeed, type ListingContext } from './reliability/listingRows';
import { listingOutcome, outcome, violations, type Observation, type SeenWait } from './reliability/outcome';
import { VaultState, type Effect } from './reliability/probes';
import { WRITE_ROWS, type SeedItems, type WriteContext } from './reliability/writeRows';

const STAMP = Date.now().toString(36);
const WRITE_VAULT = `kvmw${STAMP}`;
const LIST_VAULT = `kvml${STAMP}`;
const TOKEN_VAULT = `kvmt${STAMP}`;
const PFX_SOURCE = 'pfx-source';
const options = { reliability: RELIABILITY };

/** The client's wait events (reliability.ts), kept in `into`. */
function listenToWaits(client: Pick<VaultClients, 'onWait'>, into: SeenWait[]): void {
  client.onWait((e) => into.push({ reason: e.reason, delayMs: e.delayMs, ...(e.requestedMs !== undefined ? { requestedMs: e.requestedMs } : {}) }));
}

function mergeSeeds(items: readonly SeedItems[]): Required<SeedItems> {
  return { secrets: items.flatMap((i) => i.secrets ?? []), keys: items.flatMap((i) => i.keys ?? []), certificates: items.flatMap((i) => i.certificates ?? []) };
}

const failureOf = (error: unknown): AzureFailure => classifyError(error);

/** Cells given up on as hung. Their requests stay open until the emulator stops — after this process exits. */
const hung = { cells: 0 };

// A root hook: runs once every suite of the run is done, so a hung cell cannot keep the layer from ending.
after(() => {
  if (hung.cells > 0) {
    setTimeout(() => {
      console.error(`reliability matrix: ${hung.cells} hung cell(s) kept requests open; exiting`);
      process.exit(1);
    }, 10_000).unref();
  }
});

describe('reliability matrix (issue 13): writes and listings × faults, checked against the emulator', function () {
  this.timeout(120_000);
  const waits: SeenWait[] = [];
  let sdk: AzureSdk;
  let vaults: VaultClients;
  let write: WriteContext;
  let listing: ListingContext;

  before(async () => {
    const cells = WRITE_ROWS.flatMap((row) => WRITE_COLUMNS.map((col) => row.seed?.(`${row.id}-${col.id}`) ?? {}));
    const seeded = mergeSeeds(cells);
    const app = seededApp('test-app');
    let urls: Record<string, string>;
    ({ sdk, vaults, urls } = await seedOpsVaults(
      [
        {
          name: WRITE_VAULT, subscription: OPS_SUBSCRIPTION, resourceGroup: 'rg-reliability', softDeleteRetentionInDays: 7,
          timings: { deleteDelayMs: 200, certificateDelayMs: 300 },
          ...seeded, certificates: [...seeded.certificates, { name: PFX_SOURCE }],
        },
        listingSeed(LIST_VAULT, OPS_SUBSCRIPTION),
        { name: TOKEN_VAULT, subscription: OPS_SUBSCRIPTION, resourceGroup: 'rg-reliability', secrets: Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, versions: [{ value: 'x' }] })) },
      ],
      options,
    ));
    listenToWaits(vaults, waits);
    const url = urls[WRITE_VAULT]!;
    // The vault's auth challenge happens once, here: a fault must hit the operation's request, not the challenge.
    for (const kind of ['secret', 'key', 'certificate'] as const) {
      await vaults.listItems(url, kind);
      await vaults.listItems(urls[LIST_VAULT]!, kind);
    }
    const pfx = (await sdk.certificateOps.downloadWithPrivateKey(vaults, url, PFX_SOURCE)).bytes;
    write = { sdk, vaults, url, state: new VaultState(url), pfx };
    const arm = new sdk.ArmClient(appCredential(), emulatorCloud(), options);
    listenToWaits(arm, waits);
    listing = {
      arm, vaults, url: urls[LIST_VAULT]!, vault: LIST_VAULT, tenantId: app.tenantId,
      subscription: { subscriptionId: OPS_SUBSCRIPTION, displayName: OPS_SUBSCRIPTION, tenantId: app.tenantId },
    };
  });

  afterEach(() => clearFaults());

  describe('every write command × {before-commit 503, after-commit 503/reset/hang, 429 burst, Retry-After: 86400}', () => {
    for (const row of WRITE_ROWS) {
      for (const col of WRITE_COLUMNS) {
        it(`${row.command} (${row.op}) × ${col.title}`, async function () {
          this.timeout(90_000);
          const name = `${row.id}-${col.id}`;
          const pathRegex = row.path(name);
          const boundMs = writeBoundMs(row.settleMs);
          const faultId = await addFault({ match: { plane: 'vault', vault: WRITE_VAULT, method: row.method, pathRegex }, ...col.fault });
          const cursor = await logCursor();
          waits.length = 0;
          const run = await guarded((signal) => row.run(write, name, signal), boundMs + GUARD_EXTRA_MS);
          if (run.hung) hung.cells++;
          await removeFault(faultId);
          const requests = (await requestsSince(cursor)).filter((r) => r.vault?.toLowerCase() === WRITE_VAULT);
          const sends = requests.filter((r) => r.method === row.method && new RegExp(pathRegex).test(r.path));
          const failure = run.failed ? (run.hung ? undefined : failureOf(run.error)) : run.value;
          if (failure || run.hung) await pause(row.settleMs);
          let effect: Effect;
          try {
            effect = await row.probe(write, name);
          } catch (error) {
            effect = { count: 0, summary: `the state could not be read (${classifyError(error).message})` };
          }
          const observation: Observation = {
            ...(failure ? { failure } : {}), hung: run.hung, overBound: run.elapsedMs > boundMs, boundMs, sends, requests, waits: [...waits],
            scrub: { [name]: '{name}', [WRITE_VAULT]: '{vault}', [new URL(write.url).host]: '{host}' },
          };
          const text = outcome(observation, effect);
          record('matrix', `${row.command} · ${row.op}`, col.title, text);
          assert.deepEqual(violations(observation, effect), [], text);
        });
      }
    }
  });

  describe('every tree listing × {500, reset, hang, 429} × {once, persistent}', () => {
    for (const row of LISTING_ROWS) {
      for (const col of LISTING_COLUMNS) {
        it(`${row.name} × ${col.title}`, async function () {
          this.timeout(90_000);
          const boundMs = listingBoundMs();
          const match = { plane: row.plane, method: 'GET', pathRegex: row.pathRegex, ...(row.plane === 'vault' ? { vault: LIST_VAULT } : {}) };
          const faultId = await addFault({ match, ...col.fault });
          const cursor = await logCursor();
          const run = await guarded((signal) => row.run(listing, signal), boundMs + GUARD_EXTRA_MS);
          if (run.hung) hung.cells++;
          await removeFault(faultId);
          const requests = (await requestsSince(cursor)).filter((r) => r.plane === row.plane);
          const sends = requests.filter((r) => r.method === 'GET' && new RegExp(row.pathRegex).test(r.path));
          const again = await guarded((signal) => row.run(listing, signal), boundMs + GUARD_EXTRA_MS);
          if (again.hung) hung.cells++;
          const text = listingOutcome(col.persistent, run, again.failed ? (again.hung ? 'hung' : classifyError(again.error).kind) : undefined, sends, boundMs);
          record('listings', row.name, col.title, text.outcome);
          assert.deepEqual(text.broken, [], text.outcome);
        });
      }
    }
  });

  it('a token that expires during a long listing is fetched again silently (every page, no error)', async function () {
    this.timeout(60_000);
    const url = (await controlApi.info()).vaults[TOKEN_VAULT]!;
    await controlApi.settings({ tokenLifetimeSec: 2 });
    try {
      // A new credential, so its first token is one of the short-lived ones.
      const fresh = new sdk.VaultClients(appCredential(), emulatorCloud(), options);
      const cursor = await logCursor();
      let continuationToken: string | undefined;
      let pages = 0;
      let items = 0;
      let error: unknown;
      try {
        do {
          const page = await fresh.listItems(url, 'secret', { pageSize: 3, ...(continuationToken ? { continuationToken } : {}) });
          pages++;
          items += page.items.length;
          continuationToken = page.continuationToken;
          // Slower than a user scrolling: the listing outlives two token lifetimes.
          if (continuationToken) await pause(1100);
        } while (continuationToken);
      } catch (e) {
        error = e;
      }
      const tokens = await tokenRequestsSince(cursor);
      const text = error
        ? `❌ failed on page ${pages + 1}: ${classifyError(error).kind}: ${classifyError(error).message}`
        : tokens >= 2
          ? `✔ all ${pages} pages (${items} secrets), a new token fetched mid-listing, no error`
          : `❌ all ${pages} pages, but no new token was fetched (the lifetime did not run out?)`;
      record('token-refresh', 'Secrets, 4 pages over more than 4 s · VaultClients.listItems', 'a token expires mid-listing (token lifetime 2 s)', text);
      assert.ok(text.startsWith('✔'), text);
      assert.equal(items, 12);
    } finally {
      await controlApi.settings({ tokenLifetimeSec: 3600 });
    }
  });
});
