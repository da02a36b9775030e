// Where a request's time goes below the tree: the same first page of a warm vault listed five times straight through
// the data layer (`services.clients`, the SDK), and a bare HTTPS request to the same vault from the extension host
// (Node's fetch, no token: answered 401). Each against the emulator's own time for it. Not an action: context for
// wall_ms against floor_ms.
import type { TestApi } from '../../src/testApi';
import { cursor, emulatorLine, requestsSince, round, settle } from './probe';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(runs: number, once: () => Promise<unknown>): Promise<{ wall_ms: number; emulator_ms: number }> {
  await settle();
  const since = await cursor();
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    walls.push(performance.now() - t0);
  }
  const logged = await requestsSince(since);
  return { wall_ms: round(median(walls)), emulator_ms: round(median(logged.map((r) => r.durationMs))) };
}

export async function transport(api: TestApi, vault: string): Promise<Record<string, unknown>> {
  const url = emulatorLine().vaults[vault];
  if (!url) return { error: `no vault ${vault}` };
  const { vaults } = await api.services.clients.get();
  const sdk = await timed(5, () => vaults.listItems(url, 'secret', {}));
  const bare = await timed(5, () => fetch(`${url}/secrets?api-version=7.4&maxresults=25`).then((r) => r.arrayBuffer()));
  return { vault, runs: 5, sdk_list_page: sdk, bare_https_401: bare };
}
