// What the signed-in principal may do in each vault, checked once per vault per session and on demand (Refresh,
// Grant Me…): for an Azure RBAC vault the effective permissions at the vault scope and the principal's role
// assignments (2 ARM calls at once); for an access-policy vault a fresh GET of the vault (its policies and firewall)
// and the permissions (2 calls at once). The verdict (src/model/access) drives the tree's locks and context keys,
// the tooltips, Show My Access and the palette's refusals. A failed check is an "unknown" verdict: nothing is
// hidden or locked on a guess, the data plane answers as before. The network (public access off, a firewall) is
// reported, never a lock: the user may be on a private endpoint or an allowed network the check cannot see.
import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { VaultInfo } from '../azure/model';
import type { ArmClient } from '../azure/sdk';
import {
  canAssignRoles, capabilitiesFromPermissions, capabilitiesFromPolicies, knownRole, networkVerdict, policiesFor, sameAccess, scopeLevel,
  UNKNOWN_CAPABILITIES, type AssignedRole, type NetworkRules, type NetworkVerdict, type VaultAccess,
} from '../model/access';
import { isManagedHsm, type VaultTarget } from '../model/targets';

const key = (vaultUrl: string): string => vaultUrl.replace(/\/+$/, '').toLowerCase();

/** A verdict that hides and locks nothing. */
export function unknownAccess(problem: string, network: NetworkVerdict = { state: 'unknown' }): VaultAccess {
  return { model: 'unknown', capabilities: UNKNOWN_CAPABILITIES, roles: [], policies: [], canAssignRoles: undefined, network, principal: {}, problem };
}

export class VaultAccessChecks implements vscode.Disposable {
  private readonly pending = new Map<string, Promise<VaultAccess>>();
  private readonly settled = new Map<string, VaultAccess>();
  /** Per vault: its network rules (from the check) and the client's address as it last saw it (from its answers). */
  private readonly rules = new Map<string, NetworkRules>();
  private readonly addresses = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** A vault's verdict changed (its URL, lower case), or every verdict was dropped (undefined). */
  readonly onDidChange = this.changed.event;
  private readonly networkChanged = new vscode.EventEmitter<string>();
  /**
   * Only a vault's network verdict changed (its URL, lower case): the client's address became known. The network
   * never locks or hides anything, so the vault's row is drawn again, its groups and listings are kept.
   */
  readonly onDidChangeNetwork = this.networkChanged.event;
  private generation = 0;

  constructor(
    /** The session's ARM client (src/auth/azureClients.ts: created on first use, reset with the session). */
    private readonly clients: { get(): Promise<{ readonly arm: ArmClient }> },
    private readonly log: vscode.LogOutputChannel,
  ) {}

  dispose(): void {
    this.changed.dispose();
    this.networkChanged.dispose();
  }

  /** The verdict already known for a vault (no request): for tooltips, context values and the palette. */
  known(vaultUrl: string): VaultAccess | undefined {
    return this.settled.get(key(vaultUrl));
  }

  /** The vault's verdict: cached for the session; `refresh` asks ARM again. Never throws (a failure is "unknown"). */
  check(vault: VaultTarget, options: { readonly refresh?: boolean } = {}): Promise<VaultAccess> {
    const k = key(vault.vaultUrl);
    const cached = this.pending.get(k);
    if (cached && !options.refresh) return cached;
    const generation = this.generation;
    const running = this.run(vault).then((checked) => {
      // The address may have come while ARM answered.
      const access = this.withAddress(k, checked);
      if (generation === this.generation && this.pending.get(k) === running) {
        const before = this.settled.get(k);
        this.settled.set(k, access);
        if (before && !sameAccess(before, access)) this.changed.fire(k);
      }
      return access;
    });
    this.pending.set(k, running);
    return running;
  }

  /**
   * A vault's answer named the client's address (src/azure/networkInfo.ts): its firewall verdict follows (the check
   * itself runs before any data-plane request, so the first verdict of a vault may not know it yet).
   */
  clientAddressSeen(vaultUrl: string, address: string): void {
    const k = key(vaultUrl);
    if (this.addresses.get(k) === address) return;
    this.addresses.set(k, address);
    const before = this.settled.get(k);
    if (!before) return;
    const after = this.withAddress(k, before);
    if (sameAccess(before, after)) return;
    this.settled.set(k, after);
    this.pending.set(k, Promise.resolve(after));
    this.networkChanged.fire(k);
  }

  /** Drops every verdict (sign-in, sign-out, another cloud or account): the next look asks again. */
  forgetAll(): void {
    this.generation++;
    this.pending.clear();
    this.settled.clear();
    this.rules.clear();
    this.addresses.clear();
    this.changed.fire(undefined);
  }

  private async run(vault: VaultTarget): Promise<VaultAccess> {
    const info = vault.info;
    if (!info) return unknownAccess(vscode.l10n.t('Attached by URL: ARM was not asked about this vault, so what you may do is known only when you try.'));
    if (isManagedHsm(vault)) return unknownAccess(vscode.l10n.t('A Managed HSM has its own local RBAC (not Azure RBAC): what you may do is known only when you try.'));
    try {
      return await this.ask(info, key(vault.vaultUrl));
    } catch (error) {
      const failure = classifyError(error);
      this.log.warn(`access check ${info.name}: ${failure.code ?? failure.kind} ${failure.status ?? ''}`);
      return unknownAccess(vscode.l10n.t('Azure Resource Manager did not say what you may do here ({0}).', failure.code ?? failure.kind));
    }
  }

  private async ask(info: VaultInfo, k: string): Promise<VaultAccess> {
    const { arm } = await this.clients.get();
    const principal = await arm.access.principal(info);
    if (info.rbacAuthorization) {
      const [permissions, assignments] = await Promise.all([
        arm.access.permissions(info),
        principal.objectId ? arm.access.roleAssignments(info, principal.objectId).catch(() => undefined) : Promise.resolve(undefined),
      ]);
      const roles: AssignedRole[] = (assignments ?? []).map((a) => {
        const name = knownRole(a.roleDefinitionId)?.name;
        return { roleDefinitionId: a.roleDefinitionId, scope: a.scope, at: scopeLevel(a.scope, info.id), ...(name ? { name } : {}) };
      });
      const network = this.network(k, info);
      const capabilities = capabilitiesFromPermissions(permissions);
      return {
        model: 'rbac',
        capabilities,
        roles,
        policies: [],
        canAssignRoles: canAssignRoles(permissions),
        network,
        principal,
        ...(assignments === undefined ? { problem: vscode.l10n.t('Your role assignments could not be read: the roles are not named.') } : {}),
      };
    }
    const [fresh, permissions] = await Promise.all([arm.access.vault(info), arm.access.permissions(info).catch(() => undefined)]);
    const policies = principal.objectId ? policiesFor(fresh.accessPolicies ?? [], principal.objectId, principal.tenantId ?? fresh.tenantId) : [];
    const network = this.network(k, fresh);
    // No entry names the user but some name others: one may be a group the user is in (not told apart here), so
    // what no entry grants is unknown rather than denied. An entry that names the user is taken as the whole answer.
    const othersMayApply = policies.length === 0 && (fresh.accessPolicies ?? []).length > 0;
    const capabilities = capabilitiesFromPolicies(policies, { othersMayApply });
    return {
      model: 'accessPolicy',
      capabilities,
      roles: [],
      policies,
      canAssignRoles: permissions ? canAssignRoles(permissions) : undefined,
      network,
      principal,
    };
  }

  private withAddress(k: string, access: VaultAccess): VaultAccess {
    const rules = this.rules.get(k);
    const address = this.addresses.get(k);
    return rules && address ? { ...access, network: networkVerdict(rules, address) } : access;
  }

  private network(k: string, info: VaultInfo): NetworkVerdict {
    const rules: NetworkRules = { publicNetworkAccess: info.publicNetworkAccess, ipRules: [], virtualNetworkRuleCount: 0, ...info.network };
    this.rules.set(k, rules);
    return networkVerdict(rules, this.addresses.get(k));
  }
}
