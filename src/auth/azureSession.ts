import type { TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import { loadAzureSdk } from '../azure/lazy';
import type { ParseOptions } from '../references/uris';
import { cloudSettingsFrom, resolveCloud, userValue, type CloudEnvironment, type CloudResult } from './clouds';
import { SignInRequiredError } from './errors';
import { tenantScope, VsCodeCredential } from './vscodeCredential';

export type CredentialKind = 'vscode' | 'azureCli' | 'environment';

const watchedSettings = ['azureKeyVault.cloud', 'azureKeyVault.customCloud', 'azureKeyVault.credential', 'microsoft-sovereign-cloud'];

const credentialKinds: readonly CredentialKind[] = ['vscode', 'azureCli', 'environment'];

/**
 * Who the user is and which cloud they talk to. Fires `onDidChange` when the VS Code account signs in or out
 * or a setting that changes the cloud or the credential changes; listeners drop their caches then.
 * Settings that decide where tokens go are read from user (or machine) scope only (clouds.ts, userValue).
 */
export class AzureSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Claims challenges (CAE) a silent token request could not meet, by tenant ('' = home): the next sign-in carries them. */
  private readonly unmetClaims = new Map<string, vscode.AuthenticationWwwAuthenticateRequest>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      this.changed,
      vscode.authentication.onDidChangeSessions((e) => {
        const cloud = this.cloud();
        if (cloud.ok && e.provider.id === cloud.cloud.authProviderId) {
          this.log.info(`sign-in state of ${e.provider.id} changed`);
          this.unmetClaims.clear();
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (watchedSettings.some((s) => e.affectsConfiguration(s))) {
          this.log.info('cloud or credential settings changed');
          this.changed.fire();
        }
      }),
    ];
  }

  cloud(): CloudResult {
    return resolveCloud(cloudSettingsFrom((section, key) => vscode.workspace.getConfiguration(section).inspect(key)));
  }

  /** How text is parsed for references: the cloud's Key Vault DNS suffix too, so a custom cloud's vault URIs are recognised. */
  referenceParseOptions(): ParseOptions {
    const cloud = this.cloud();
    return cloud.ok ? { vaultDnsSuffixes: [cloud.cloud.keyVaultDnsSuffix] } : {};
  }

  /** The cloud, or an error that says which setting is wrong. */
  requireCloud(): CloudEnvironment {
    const result = this.cloud();
    if (!result.ok) throw new Error(vscode.l10n.t('{0}. Fix the setting and refresh.', result.reason));
    return result.cloud;
  }

  /** Where tokens come from: user scope only, like the endpoints. */
  credentialKind(): CredentialKind {
    const value = userValue(vscode.workspace.getConfiguration('azureKeyVault').inspect('credential'));
    return credentialKinds.find((k) => k === value) ?? 'vscode';
  }

  /** A credential for the current settings. @azure/identity is loaded only for the CLI/environment kinds. */
  async credential(): Promise<TokenCredential> {
    const cloud = this.requireCloud();
    const kind = this.credentialKind();
    if (kind === 'vscode') {
      return new VsCodeCredential(cloud.authProviderId, (request, tenantId) => {
        this.log.warn(`a claims challenge (CAE) for ${tenantId ?? 'the home tenant'} needs a new sign-in`);
        this.unmetClaims.set(tenantId ?? '', request);
      });
    }
    const sdk = await loadAzureSdk();
    return await sdk.createIdentityCredential(kind);
  }

  /** The signed-in account (silent), or undefined. For @azure/identity credentials: a token can be had. */
  async account(): Promise<{ label: string } | undefined> {
    const cloud = this.requireCloud();
    if (this.credentialKind() !== 'vscode') {
      try {
        await (await this.credential()).getToken(cloud.resourceManagerScope);
        return { label: this.credentialKind() === 'azureCli' ? 'Azure CLI' : vscode.l10n.t('environment credential') };
      } catch (error) {
        this.log.warn(`${this.credentialKind()} credential: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }
    const session = await vscode.authentication.getSession(cloud.authProviderId, [cloud.resourceManagerScope], { silent: true });
    return session ? { label: session.account.label } : undefined;
  }

  /** The explicit sign-in action: may open VS Code's sign-in flow (optionally for one tenant). */
  async signIn(tenantId?: string): Promise<{ label: string }> {
    const cloud = this.requireCloud();
    if (this.credentialKind() !== 'vscode') {
      const account = await this.account();
      if (!account) {
        const kind = this.credentialKind();
        throw new SignInRequiredError(
          tenantId,
          kind === 'azureCli'
            ? vscode.l10n.t('The {0} credential has no token: run `az login`, then refresh.', kind)
            : vscode.l10n.t('The {0} credential has no token: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, then refresh.', kind),
        );
      }
      return account;
    }
    const scopes = [cloud.resourceManagerScope, ...(tenantId ? [tenantScope(tenantId)] : [])];
    // After a revocation (CAE) that a silent refresh could not meet, a plain sign-in would hand back the revoked
    // token: the challenge's claims make the provider sign in anew.
    const challenge = this.unmetClaims.get(tenantId ?? '');
    const session = await vscode.authentication.getSession(cloud.authProviderId, challenge ?? scopes, { createIfNone: true });
    this.unmetClaims.delete(tenantId ?? '');
    this.changed.fire();
    return { label: session.account.label };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
