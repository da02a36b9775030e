// The demo seed (emulator/seeds/demo.json) in a second emulator process: it starts, the demo user signs in with the
// password grant and sees tenants, subscriptions, vaults and secrets; one vault denies the demo user. The second
// emulator reuses the first one's state directory, hence its test CA (already trusted through NODE_EXTRA_CA_CERTS).
// Start-up time is measured by scripts/bench-emulator.mjs, never asserted here.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { UsernamePasswordCredential } from '@azure/identity';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { SecretClient } from '@azure/keyvault-secrets';
import { armRequest, emulatorInfo, errorBody, type EmulatorInfo } from './emulator';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface DemoSeed {
  users: { username: string; password: string; homeTenant: string }[];
  subscriptions: { id: string; displayName: string; tenantId: string }[];
}

describe('the demo seed', () => {
  let child: ChildProcess | undefined;
  let demo: EmulatorInfo;
  const seedFile = path.join(repoRoot, 'emulator', 'seeds', 'demo.json');
  const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as DemoSeed;
  const user = seed.users[0]!;

  before(async () => {
    const stateDir = emulatorInfo().stateDir;
    child = spawn(process.execPath, [path.join(repoRoot, 'out', 'emulator-cli.js'), '--seed', seedFile, '--state-dir', stateDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`the demo emulator exited with ${code}`)));
    });
    demo = JSON.parse(line) as EmulatorInfo;
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  const credential = (): UsernamePasswordCredential =>
    new UsernamePasswordCredential(user.homeTenant, 'kv-explorer-demo', user.username, user.password, {
      authorityHost: demo.login,
      disableInstanceDiscovery: true,
    });

  it('starts and lists tenants, subscriptions and vaults to the demo user', async () => {
    assert.equal(demo.tenants.length, 2);
    assert.equal(demo.subscriptions.length, 3);
    assert.ok(demo.vaults.filter((v) => v.url).length >= 6);
    const tenants = await armRequest(`${demo.arm}/tenants?api-version=2022-12-01`, credential());
    assert.equal((tenants.body as { value: unknown[] }).value.length, 2);
    const subs = await armRequest(`${demo.arm}/subscriptions?api-version=2022-12-01`, credential());
    const home = seed.subscriptions.filter((s) => s.tenantId === user.homeTenant).map((s) => s.displayName).sort();
    assert.deepEqual((subs.body as { value: { displayName: string }[] }).value.map((s) => s.displayName).sort(), home);
    const prod = seed.subscriptions[0]!.id;
    const arm = new KeyVaultManagementClient(credential(), prod, { endpoint: demo.arm, credentials: { scopes: [demo.scopes.arm] } });
    const vaults: string[] = [];
    for await (const v of arm.vaults.listBySubscription()) vaults.push(v.name!);
    assert.ok(vaults.includes('contoso-prod-kv') && vaults.includes('contoso-restricted-kv'));
  });

  it('lists secrets of a vault, and one vault refuses the demo user (ForbiddenByRbac)', async () => {
    const url = (name: string): string => demo.vaults.find((v) => v.name === name)!.url!;
    const client = new SecretClient(url('contoso-prod-kv'), credential(), { disableChallengeResourceVerification: true });
    const names: string[] = [];
    for await (const p of client.listPropertiesOfSecrets()) names.push(p.name);
    assert.ok(names.includes('db-connection-string') && names.includes('tls-cert-password'));
    const deleted: string[] = [];
    for await (const d of client.listDeletedSecrets()) deleted.push(d.name);
    assert.ok(deleted.includes('old-api-key'));
    const restricted = new SecretClient(url('contoso-restricted-kv'), credential(), { disableChallengeResourceVerification: true });
    await assert.rejects(restricted.getSecret('break-glass-password'), (e: unknown) => errorBody(e).error?.innererror?.code === 'ForbiddenByRbac');
  });
});
