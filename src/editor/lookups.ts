// Resolves references found in text to vaults and object states, with caches shared by hover, diagnostics and
// completions: the vault directory (every vault the user can see, listed once per 5 minutes) and the reference
// index (one listing per vault and kind). Only vaults in the directory are ever asked: a reference in a file
// never sends a request to a vault the user has not listed or attached, and nothing is asked in an untrusted
// workspace. Data changes invalidate what they touch: a write (a secret enabled, recovered, created…), a refresh,
// a sign-in change. A redraw of the tree (a page appended, a filter) invalidates nothing, and the pages the tree
// lists are taken into the index (a vault whose Secrets the tree listed is not listed again for the editor).
import * as vscode from 'vscode';
import { listAllVaults } from '../auth/vaultDirectory';
import { ReferenceIndex, type ReferenceStatus } from '../azure/referenceLookup';
import { vaultOfTarget, vaultsLocated, type VaultTarget } from '../model/targets';
import type { FoundReference, ParseOptions, VaultLocator } from '../references';
import type { Services } from '../services';

const directoryTtlMs = 5 * 60_000;

export interface ResolvedReference {
  readonly ref: FoundReference;
  readonly vault: VaultTarget;
  readonly status: ReferenceStatus;
}

export class ReferenceLookups implements vscode.Disposable {
  readonly index: ReferenceIndex;
  private directory: { at: number; value: Promise<VaultTarget[]> } | undefined;
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Something a reference may depend on changed (sign-in, a tree refresh): check again. */
  readonly onDidChange = this.changedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.index = new ReferenceIndex(async () => (await services.clients.get()).vaults);
    this.disposables.push(
      this.changedEmitter,
      services.session.onDidChange(() => this.invalidate()),
      services.view.onDidChangeVault((vault) => this.invalidate(vault?.vaultUrl)),
      // Reloads only: a redraw (onDidChangeTreeData alone) changed no data.
      services.view.provider.onDidReload((row) => {
        if (row === 'attached') {
          this.directory = undefined;
          this.changedEmitter.fire();
          return;
        }
        const vault = vaultOfTarget(row?.target);
        // A tenant or subscription refreshed: its vaults may have changed, their objects did not.
        if (row && !vault) this.directory = undefined;
        else this.invalidate(vault?.vaultUrl);
      }),
      services.view.provider.onDidListPage((page) => this.index.offer(page)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changedEmitter.fire()),
    );
  }

  /** Forgets one vault's objects (after a change there), or everything including the directory. */
  invalidate(vaultUrl?: string): void {
    if (!vaultUrl) this.directory = undefined;
    this.index.invalidate(vaultUrl);
    this.changedEmitter.fire();
  }

  /** False in an untrusted workspace: files of such a workspace never trigger requests. */
  get enabled(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Every vault the user can see (attached and ARM), cached. */
  vaults(): Promise<VaultTarget[]> {
    const now = Date.now();
    if (this.directory && now - this.directory.at < directoryTtlMs) return this.directory.value;
    const value = listAllVaults(this.services);
    this.directory = { at: now, value };
    value.catch(() => {
      if (this.directory?.value === value) this.directory = undefined;
    });
    return value;
  }

  /** Extra Key Vault DNS suffix of a custom cloud, so its vault URIs are recognised in text. */
  parseOptions(): ParseOptions {
    return this.services.session.referenceParseOptions();
  }

  /** The vault a reference names: by URL (host and port) or by name (subscription and group break ties). */
  async resolveVault(locator: VaultLocator): Promise<VaultTarget | undefined> {
    const vaults = await this.vaults().catch(() => [] as VaultTarget[]);
    return vaultsLocated(locator, vaults)[0];
  }

  /** The vault and state of a reference; undefined when its vault is not one of the user's (or untrusted). */
  async lookup(ref: FoundReference): Promise<ResolvedReference | undefined> {
    if (!this.enabled) return undefined;
    const vault = await this.resolveVault(ref.vault);
    if (!vault) return undefined;
    const status = await this.index.status(vault.vaultUrl, ref.kind, ref.name, ref.version);
    return { ref, vault, status };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
