// The benchmark seed, generated at run time (never committed: ~32,000 secrets). 3 tenants × 10 subscriptions ×
// 5 vaults, one user who belongs to all three (no extra sign-in per tenant). Most vaults hold 10 small secrets;
// the roles below are what test/bench measures (names are the contract between this file and test/bench/world.ts):
//
//   tenant 1, subscription 01: kvb-s25-a (25 secrets; "versions-200" has 200 versions), kvb-s1k-a (1,000),
//                              kvb-s10k-a (10,000), kvb-s25-b (25), kvb-s1k-b (1,000)
//   tenant 1, subscription 02: kvb-s10k-b, kvb-s10k-c (10,000 each), three ordinary vaults
//   tenant 1, subscription 03: kvb-diag-1 … kvb-diag-5 (10 secrets app-00…app-09, app-09 disabled): the file with
//                              50 references (10 per vault) for the diagnostics measurement
//   tenant 2, subscriptions 01–06: the 30 vaults of the search measurement (ordinary vaults)
//   -a vaults are listed without an editor, -b vaults with an open editor that references them, kvb-s10k-c feeds
//   the render measurement.
import fs from 'node:fs';

export const TENANTS = 3;
export const SUBSCRIPTIONS_PER_TENANT = 10;
export const VAULTS_PER_SUBSCRIPTION = 5;

const pad = (n, width) => String(n).padStart(width, '0');
export const tenantId = (t) => `be0c0000-0000-4000-8000-${pad(t, 12)}`;
export const subscriptionId = (t, s) => `be050000-0000-4000-8${pad(t, 3)}-${pad(s, 12)}`;
const subscriptionName = (t, s) => `Bench T${t} Sub ${pad(s, 2)}`;

/** The special vaults by tenant, subscription and position (1-based); every other slot is an ordinary vault. */
const SPECIAL = {
  '1/1': [['kvb-s25-a', 25], ['kvb-s1k-a', 1000], ['kvb-s10k-a', 10000], ['kvb-s25-b', 25], ['kvb-s1k-b', 1000]],
  '1/2': [['kvb-s10k-b', 10000], ['kvb-s10k-c', 10000]],
  '1/3': [1, 2, 3, 4, 5].map((i) => [`kvb-diag-${i}`, 'diag']),
};

function manySecrets(count) {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({ name: `secret-${pad(i, width)}`, contentType: 'text/plain', versions: [{ value: `v${i}` }] }));
}

function smallSecrets(vaultName) {
  return Array.from({ length: 10 }, (_, i) => ({ name: `app-${pad(i, 2)}`, versions: [{ value: `${vaultName}-${i}`, ...(i === 9 ? { enabled: false } : {}) }] }));
}

function vault(t, s, v) {
  const [name, size] = SPECIAL[`${t}/${s}`]?.[v - 1] ?? [`kvb-t${t}-s${pad(s, 2)}-v${v}`, 'small'];
  let secrets;
  if (size === 'small' || size === 'diag') secrets = smallSecrets(name);
  else secrets = manySecrets(size);
  if (name === 'kvb-s25-a') {
    secrets[0] = { name: 'versions-200', versions: Array.from({ length: 200 }, (_, i) => ({ value: `version ${i}`, created: `-${200 - i}h` })) };
  }
  return { name, subscription: subscriptionId(t, s), resourceGroup: `rg-bench-${t}-${pad(s, 2)}`, location: 'westeurope', softDeleteRetentionInDays: 7, secrets };
}

export function benchSeed() {
  const tenants = Array.from({ length: TENANTS }, (_, i) => ({ id: tenantId(i + 1), displayName: `Bench Tenant ${i + 1}`, defaultDomain: `bench${i + 1}.onmicrosoft.com` }));
  const subscriptions = [];
  const vaults = [];
  for (let t = 1; t <= TENANTS; t++) {
    for (let s = 1; s <= SUBSCRIPTIONS_PER_TENANT; s++) {
      subscriptions.push({ id: subscriptionId(t, s), displayName: subscriptionName(t, s), tenantId: tenantId(t) });
      for (let v = 1; v <= VAULTS_PER_SUBSCRIPTION; v++) vaults.push(vault(t, s, v));
    }
  }
  return {
    tenants,
    users: [
      {
        username: 'bench@bench1.onmicrosoft.com', password: 'Bench-Passw0rd!', objectId: 'be0b0000-0000-4000-8000-000000000001',
        displayName: 'Bench User', homeTenant: tenantId(1), tenants: tenants.slice(1).map((t) => t.id),
      },
    ],
    apps: [{ clientId: 'be0a0000-0000-4000-8000-000000000001', clientSecret: 'bench-app-secret', objectId: 'be0a0000-0000-4000-8000-0000000000a1', tenantId: tenantId(1) }],
    subscriptions,
    vaults,
  };
}

/** The 6 subscriptions (tenant 2, 01–06) whose 30 vaults the search measurement covers. */
export const SEARCH_SUBSCRIPTIONS = [1, 2, 3, 4, 5, 6].map((s) => subscriptionId(2, s));

export function writeBenchSeed(file) {
  const seed = benchSeed();
  fs.writeFileSync(file, JSON.stringify(seed));
  return { file, vaults: seed.vaults.length, secrets: seed.vaults.reduce((n, v) => n + v.secrets.length, 0) };
}
