// Test-only companion extension (plain CommonJS, never shipped): registers the `microsoft` authentication
// provider in a VS Code whose built-in Microsoft sign-in is disabled, and hands out tokens from the local Key Vault
// emulator (password grant for the demo user). The extension under test goes through the real
// `vscode.authentication.getSession('microsoft', …)` path and cannot tell the difference.
//
// Configuration (environment of the extension host):
//   KV_EMULATOR            the emulator's JSON line ({ login, tenants, ... })
//   KV_EMULATOR_USER       user name, KV_EMULATOR_PASSWORD its password
//   KV_EMULATOR_SIGNED_IN  "1": start signed in (the demo); otherwise start signed out (tests sign in)
//   KV_EMULATOR_MFA_TENANTS comma-separated tenant ids that need their own sign-in before they give tokens
//                          (completed once with kvEmulatorAuth.completeTenantSignIn or createSession for that
//                          tenant; like a real MFA, it stays done across sign-out and sign-in)
const vscode = require('vscode');

const CLIENT_ID = 'aebc6443-996d-45c2-90f0-388ff96faa56'; // the client id VS Code's own Microsoft sign-in uses
const NON_RESOURCE = /^(openid|profile|email|offline_access|VSCODE_.*)$/;

class EmulatorAuthProvider {
  constructor(state) {
    this.state = state;
    this.changed = new vscode.EventEmitter();
    this.onDidChangeSessions = this.changed.event;
    this.info = JSON.parse(process.env.KV_EMULATOR || 'null');
    this.user = process.env.KV_EMULATOR_USER;
    this.password = process.env.KV_EMULATOR_PASSWORD;
    this.mfaTenants = new Set((process.env.KV_EMULATOR_MFA_TENANTS || '').split(',').filter(Boolean));
    this.tokens = new Map(); // scope key -> { token, exp }
    this.signedIn = state.get('signedIn', process.env.KV_EMULATOR_SIGNED_IN === '1');
    this.completedTenants = new Set(state.get('completedTenants', []));
    this.account = { id: this.user || 'nobody', label: this.user || 'not configured' };
  }

  tenantOf(scopes) {
    const t = scopes.find((s) => s.startsWith('VSCODE_TENANT:'));
    return t ? t.slice('VSCODE_TENANT:'.length) : 'organizations';
  }

  async token(scopes) {
    const tenant = this.tenantOf(scopes);
    if (this.mfaTenants.has(tenant) && !this.completedTenants.has(tenant)) return undefined; // needs its own sign-in
    const resources = scopes.filter((s) => !NON_RESOURCE.test(s));
    const key = `${tenant}|${resources.sort().join(' ')}`;
    const cached = this.tokens.get(key);
    if (cached && cached.exp - 300 > Date.now() / 1000) return cached.token;
    const body = new URLSearchParams({ grant_type: 'password', client_id: CLIENT_ID, username: this.user, password: this.password, scope: [...resources, 'offline_access'].join(' ') });
    const response = await fetch(`${this.info.login}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const json = await response.json();
    if (!response.ok) return undefined; // not a member of that tenant, wrong password, ...
    this.tokens.set(key, { token: json.access_token, exp: Date.now() / 1000 + Number(json.expires_in || 3600) });
    return json.access_token;
  }

  session(scopes, accessToken) {
    return { id: `${this.tenantOf(scopes)}|${scopes.filter((s) => !NON_RESOURCE.test(s)).sort().join(' ')}`, accessToken, account: this.account, scopes };
  }

  async getSessions(scopes) {
    if (!this.signedIn || !this.info) return [];
    const wanted = scopes && scopes.length ? [...scopes] : [`${this.info.audiences?.arm ?? ''}.default`];
    const accessToken = await this.token(wanted);
    return accessToken ? [this.session(wanted, accessToken)] : [];
  }

  async createSession(scopes) {
    await this.setSignedIn(true);
    const tenant = this.tenantOf(scopes);
    if (this.mfaTenants.has(tenant)) await this.completeTenant(tenant);
    const accessToken = await this.token([...scopes]);
    if (!accessToken) throw new Error(`The emulator refused to sign ${this.user} in to ${tenant}.`);
    const session = this.session([...scopes], accessToken);
    this.changed.fire({ added: [session], removed: [], changed: [] });
    return session;
  }

  async removeSession() {
    await this.setSignedIn(false);
  }

  async setSignedIn(value) {
    if (this.signedIn === value) return;
    this.signedIn = value;
    this.tokens.clear();
    await this.state.update('signedIn', value);
    await this.state.update('completedTenants', [...this.completedTenants]);
    const session = this.session([], '');
    this.changed.fire(value ? { added: [session], removed: [], changed: [] } : { added: [], removed: [session], changed: [] });
  }

  async completeTenant(tenantId) {
    this.completedTenants.add(tenantId);
    await this.state.update('completedTenants', [...this.completedTenants]);
    this.changed.fire({ added: [], removed: [], changed: [this.session([`VSCODE_TENANT:${tenantId}`], '')] });
  }
}

function activate(context) {
  const provider = new EmulatorAuthProvider(context.globalState);
  context.subscriptions.push(
    vscode.authentication.registerAuthenticationProvider('microsoft', 'Microsoft (Key Vault emulator)', provider, { supportsMultipleAccounts: false }),
    vscode.commands.registerCommand('kvEmulatorAuth.signIn', () => provider.setSignedIn(true)),
    vscode.commands.registerCommand('kvEmulatorAuth.signOut', () => provider.setSignedIn(false)),
    vscode.commands.registerCommand('kvEmulatorAuth.completeTenantSignIn', (tenantId) => provider.completeTenant(tenantId)),
  );
  return provider;
}

module.exports = { activate, deactivate: () => undefined };
