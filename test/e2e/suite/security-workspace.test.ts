// Issue 12 inside VS Code: a repository cannot redirect tokens, and a CAE claims challenge reaches VS Code's sign-in.
//
// A hostile HTTPS server (started here, serving the emulator's certificate so TLS never stops a client that would
// talk to it) records every request. The workspace's .vscode/settings.json — written here, as a cloned repository
// would carry it — points our own cloud settings and VS Code's sovereign cloud (custom environment) at it. The user's
// settings (run.mjs) point at the emulator twice: as our custom cloud (what every suite uses), and as a sovereign
// custom environment, in effect once a test sets azureKeyVault.cloud back to auto, signed in through
// `microsoft-sovereign-cloud` (a test provider registered here that hands out the companion's emulator tokens, and
// answers WWW-Authenticate challenges as VS Code's Microsoft providers do).
// The extension must keep working against the emulator, and no request — with a token or without — reaches the server.
//
// Trust: `npm test` runs this suite twice — with every suite in a trusted workspace, and on its own in Restricted Mode
// (run.mjs --untrusted: workspace trust on, the folder not trusted; E2E_UNTRUSTED=1). VS Code ignores workspace values
// of our `restricted` settings there, but not of `microsoft-sovereign-cloud.*` (declared without a scope or
// `restricted`), so the untrusted workspace is an attack of its own, not a weaker copy of the trusted one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import { probe, startHostileServer, type HostileServer } from '../../integration/hostileServer';
import { RunCommandIds } from '../../../src/model/commandIds';
import { control } from './emulator';
import { logCursor, requestsSince } from './scripted';
import { signedInSuite } from './helpers';
import { eventually } from './tree';

interface EmulatorLine {
  arm: string;
  login: string;
  stateDir: string;
  scopes: { arm: string; vault: string };
  audiences: { arm: string; vault: string };
  vaults: Record<string, string>;
  tenants: { id: string; displayName: string }[];
}

const info = (): EmulatorLine => JSON.parse(process.env.KV_EMULATOR ?? 'null') as EmulatorLine;
const SOVEREIGN = 'microsoft-sovereign-cloud';
const untrusted = process.env.E2E_UNTRUSTED === '1';

/** A VS Code authentication challenge as the workbench hands it to a provider (proposed API `authenticationChallenges`). */
interface ChallengeConstraint {
  readonly challenges: readonly { readonly scheme: string; readonly params: Record<string, string> }[];
  readonly fallbackScopes?: readonly string[];
}

/**
 * The `microsoft-sovereign-cloud` provider of this test VS Code (the built-in one is parked by setup.mjs): sessions
 * are the companion's (`microsoft`, emulator tokens). Like VS Code's Microsoft providers it implements
 * getSessionsFromChallenges, and records each challenge's claims; `unmet` answers that many challenges with no
 * session (a revocation that a silent refresh cannot fix).
 */
class SovereignTestProvider implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  readonly challenges: { claims: string | undefined; scopes: readonly string[] }[] = [];
  unmet = 0;

  async getSessions(scopes: readonly string[] | undefined): Promise<vscode.AuthenticationSession[]> {
    const session = await vscode.authentication.getSession('microsoft', scopes ?? [info().scopes.arm], { silent: true });
    return session ? [{ id: session.id, accessToken: session.accessToken, account: session.account, scopes: session.scopes }] : [];
  }

  async getSessionsFromChallenges(constraint: ChallengeConstraint): Promise<vscode.AuthenticationSession[]> {
    const scopes = constraint.fallbackScopes ?? [];
    this.challenges.push({ claims: constraint.challenges.find((c) => c.scheme.toLowerCase() === 'bearer')?.params.claims, scopes });
    if (this.unmet > 0) {
      this.unmet--;
      return [];
    }
    return this.getSessions(scopes);
  }

  createSession(): Promise<vscode.AuthenticationSession> {
    return Promise.reject(new Error('the e2e suite never signs in interactively'));
  }

  async removeSession(): Promise<void> {}

  dispose(): void {
    this.changed.dispose();
  }
}

/** Reads, changes and restores the workspace's .vscode/settings.json (VS Code watches the folder). */
class WorkspaceSettingsFile {
  private readonly original: string | undefined;

  constructor(readonly file: string) {
    this.original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  }

  write(settings: Record<string, unknown>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(settings, null, 2));
  }

  restore(): void {
    if (this.original === undefined) fs.rmSync(this.file, { force: true });
    else fs.writeFileSync(this.file, this.original);
  }
}

const inspected = (id: string) => {
  const dot = id.lastIndexOf('.');
  return vscode.workspace.getConfiguration(id.slice(0, dot)).inspect(id.slice(dot + 1));
};

/** Waits until VS Code reports `value` for a setting in a scope (it reloads settings files it watches). */
async function seen(id: string, scope: 'globalValue' | 'workspaceValue', value: unknown): Promise<void> {
  await eventually(() => Promise.resolve(assert.deepEqual(inspected(id)?.[scope], value, `${scope} of ${id}`)), 15_000);
}

/** The settings a hostile repository carries: every endpoint-bearing setting pointed at `url`. */
function hostileWorkspaceSettings(url: string): Record<string, unknown> {
  const e = info();
  return {
    'azureKeyVault.cloud': 'custom',
    'azureKeyVault.customCloud': { name: 'Hostile', authProvider: 'microsoft', resourceManagerEndpoint: url, resourceManagerScope: e.scopes.arm, keyVaultDnsSuffix: new URL(e.audiences.vault).host },
    [`${SOVEREIGN}.environment`]: 'custom',
    // The emulator's own ARM audience: a token the providers of this VS Code really hand out, so only the settings
    // scope stands between it and the server (the ARM guard lets a loopback audience go to a loopback endpoint).
    [`${SOVEREIGN}.customEnvironment`]: { name: 'Hostile', resourceManagerEndpointUrl: url, activeDirectoryResourceId: e.audiences.arm, keyVaultDnsSuffix: new URL(e.audiences.vault).host },
  };
}

// The title's start is scripts/e2e/run.mjs's UNTRUSTED_SUITE (the grep of the untrusted run).
describe(`security: a workspace cannot redirect tokens (hostile .vscode/settings.json, ${untrusted ? 'untrusted' : 'trusted'} workspace)`, function () {
  this.timeout(120_000);
  const suite = signedInSuite();
  let api: ExtensionApi;
  let hostile: HostileServer;
  let workspace: WorkspaceSettingsFile;
  let createdVscodeDir = false;
  const provider = new SovereignTestProvider();
  let registration: vscode.Disposable | undefined;

  before(async () => {
    api = suite.api;
    hostile = await startHostileServer(info().stateDir);
    // Positive control: the extension host reaches the server over trusted TLS and it records a token when sent one.
    assert.equal(await probe(hostile), 200);
    assert.deepEqual(hostile.requests, [{ method: 'GET', url: '/probe', authorization: true }]);
    hostile.requests.length = 0;
    // `supportsChallenges` (proposed API, as VS Code's Microsoft providers register): the workbench passes
    // WWW-Authenticate requests only to providers that declare it.
    const options: vscode.AuthenticationProviderOptions & { supportsChallenges: boolean } = { supportsMultipleAccounts: false, supportsChallenges: true };
    registration = vscode.authentication.registerAuthenticationProvider(SOVEREIGN, 'Sovereign cloud (e2e)', provider, options);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the e2e workspace folder is open');
    createdVscodeDir = !fs.existsSync(path.join(folder, '.vscode'));
    workspace = new WorkspaceSettingsFile(path.join(folder, '.vscode', 'settings.json'));
  });

  after(async () => {
    workspace?.restore();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (createdVscodeDir && folder) fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('azureKeyVault').update('cloud', 'custom', vscode.ConfigurationTarget.Global);
    await control('DELETE', '/faults');
    // The suites after this one talk to the emulator as the custom cloud of the user settings again.
    await seen('azureKeyVault.cloud', 'globalValue', 'custom');
    await seen(`${SOVEREIGN}.environment`, 'workspaceValue', undefined);
    registration?.dispose();
    provider.dispose();
    await hostile?.close();
    await eventually(async () => assert.deepEqual(await suite.tree.labels(), ['Contoso', 'Fabrikam']), 20_000);
  });

  /** Every test ends with this: nothing — no token, no request at all — reached the hostile server. */
  const noRequestReachedIt = () => assert.deepEqual(hostile.requests, [], 'requests that reached the hostile server');

  it(`runs in ${untrusted ? 'an untrusted workspace (Restricted Mode)' : 'a trusted workspace'}`, () => {
    assert.equal(vscode.workspace.isTrusted, !untrusted);
  });

  it(`Open Terminal with Key Vault Secrets ${untrusted ? 'resolves nothing in Restricted Mode: refused, no request, no terminal' : 'resolves a reference in a trusted workspace'} (issue 20)`, async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? assert.fail('a workspace folder');
    const file = path.join(folder, 'trust-check.env.keyvault');
    fs.writeFileSync(file, 'DB=kv://kv-e2e-main/db-password\n');
    const errors: string[] = [];
    api.ui.use({ ...suite.realUi, showErrorMessage: (message: string) => (errors.push(message), Promise.resolve(undefined)) });
    const cursor = await logCursor();
    const terminals = vscode.window.terminals.length;
    try {
      const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(RunCommandIds.openTerminal, vscode.Uri.file(file));
      if (untrusted) {
        assert.equal(terminal, undefined);
        assert.equal(vscode.window.terminals.length, terminals, 'no terminal opened');
        assert.equal(errors.length, 1, errors.join('\n'));
        assert.match(errors[0]!, /not resolved in an untrusted workspace/);
        assert.deepEqual(await requestsSince(cursor, 'kv-e2e-main'), [], 'nothing was read');
      } else {
        assert.ok(terminal, errors.join('\n'));
        assert.equal((terminal.creationOptions as vscode.TerminalOptions).isTransient, true);
        terminal.dispose();
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
    noRequestReachedIt();
  });

  it('the workspace settings arrive in VS Code (the attack is live)', async () => {
    workspace.write(hostileWorkspaceSettings(hostile.url));
    await seen(`${SOVEREIGN}.environment`, 'workspaceValue', 'custom');
    await seen(`${SOVEREIGN}.customEnvironment`, 'workspaceValue', hostileWorkspaceSettings(hostile.url)[`${SOVEREIGN}.customEnvironment`]);
    // A merged read — what the extension did before — sees the hostile environment.
    assert.equal(vscode.workspace.getConfiguration(SOVEREIGN).get('environment'), 'custom');
    noRequestReachedIt();
  });

  it("keeps the user's custom cloud (the emulator): the tree lists tenants and subscriptions through it", async () => {
    const cloud = api.services.session.cloud();
    assert.ok(cloud.ok, cloud.ok ? '' : cloud.reason);
    assert.equal(cloud.cloud.resourceManagerEndpoint, info().arm);
    await eventually(async () => assert.deepEqual(await suite.tree.labels(), ['Contoso', 'Fabrikam']), 20_000);
    assert.ok((await suite.tree.labels(await suite.tree.path('Contoso'))).includes('Contoso Prod'));
    noRequestReachedIt();
  });

  it("keeps the user's sovereign custom environment (cloud auto) and signs in through microsoft-sovereign-cloud", async () => {
    const e = info();
    // The user's sovereign custom environment (run.mjs puts it in the user settings) takes over once our own cloud
    // setting is back to its default, auto.
    await vscode.workspace.getConfiguration('azureKeyVault').update('cloud', undefined, vscode.ConfigurationTarget.Global);
    await seen('azureKeyVault.cloud', 'globalValue', undefined);
    await seen(`${SOVEREIGN}.environment`, 'globalValue', 'custom');
    await eventually(() => {
      const cloud = api.services.session.cloud();
      assert.ok(cloud.ok && cloud.cloud.authProviderId === SOVEREIGN, JSON.stringify(cloud));
      return Promise.resolve();
    });
    // The tree lists tenants and subscriptions (ARM, with tokens) wherever the cloud points; what reached the
    // hostile server is checked first, as it is the point.
    const listed = await eventually(async () => {
      assert.deepEqual(await suite.tree.labels(), ['Contoso', 'Fabrikam']);
      assert.ok((await suite.tree.labels(await suite.tree.path('Contoso'))).includes('Contoso Prod'));
      assert.ok((await suite.tree.labels(await suite.tree.path('Fabrikam'))).includes('Fabrikam Shared'));
    }, 20_000).then(() => undefined, (error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    noRequestReachedIt();
    if (listed) throw listed;
    const cloud = api.services.session.cloud();
    assert.equal(cloud.ok && cloud.cloud.resourceManagerEndpoint, e.arm, 'the endpoint of the USER settings');
  });

  describe('CAE: a claims challenge reaches VS Code sign-in (microsoft-sovereign-cloud, as set up above)', () => {
    const vault = 'kv-e2e-main';
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1726077595"},"xms_caeerror":{"value":"10012"}}}';

    /** Key Vault's CAE answer: a 401 whose challenge names the resource and carries the claims (twice: see below). */
    async function revokeOnce(): Promise<void> {
      const e = info();
      const tenant = e.tenants.find((t) => t.displayName === 'Contoso')!.id;
      await control('POST', '/faults', {
        match: { plane: 'vault', vault, method: 'GET', pathRegex: '^/secrets$' },
        action: 'status',
        status: 401,
        headers: { 'www-authenticate': `Bearer authorization="${e.login}/${tenant}", resource="${e.audiences.vault}", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"` },
        body: { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
        // The SDK answers the first 401 as a plain challenge (same token), the second with the claims.
        count: 2,
      });
    }

    it('passes the claims to getSession, and the listing succeeds with the new token', async () => {
      const { vaults } = await api.services.clients.get();
      const url = info().vaults[vault]!;
      assert.ok((await vaults.listItems(url, 'secret')).items.length > 0, 'the vault lists before the revocation');
      provider.challenges.length = 0;
      await revokeOnce();
      assert.ok((await vaults.listItems(url, 'secret')).items.length > 0, 'the vault lists after the claims challenge');
      assert.equal(provider.challenges.length, 1, 'one WWW-Authenticate request reached the provider');
      const [challenge] = provider.challenges;
      assert.equal(Buffer.from(challenge!.claims ?? '', 'base64').toString('latin1'), claims);
      assert.ok(challenge!.scopes.includes(`${info().audiences.vault}/.default`), challenge!.scopes.join(' '));
      noRequestReachedIt();
    });

    it('when no session meets the claims silently, the next sign-in carries them', async () => {
      const { vaults } = await api.services.clients.get();
      const url = info().vaults[vault]!;
      provider.challenges.length = 0;
      provider.unmet = 1;
      await revokeOnce();
      await assert.rejects(vaults.listItems(url, 'secret'), (e: unknown) => e instanceof Error && e.name === 'SignInRequiredError');
      assert.equal(provider.challenges.length, 1);
      const tenant = info().tenants.find((t) => t.displayName === 'Contoso')!.id;
      await api.services.session.signIn(tenant);
      assert.equal(provider.challenges.length, 2, 'the sign-in asked with the challenge, not with plain scopes');
      assert.equal(Buffer.from(provider.challenges[1]!.claims ?? '', 'base64').toString('latin1'), claims);
      assert.ok((await (await api.services.clients.get()).vaults.listItems(url, 'secret')).items.length > 0);
      noRequestReachedIt();
    });
  });
});
