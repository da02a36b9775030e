// The emulator's state: the directory, vault records (ARM's view, with the live data plane when running), and the
// run-time settings and fault switches.
import { RoleAssignmentStore } from './authorization/store';
import { OffsetClock } from './clock';
import { Directory } from './directory';
import { DenyRules, FaultInjector, Throttle } from './faults';
import type { ManagedHsmRecord } from './hsm/model';
import type { Listener } from './httpio';
import type { TokenSigner } from './jwt';
import { RequestLog } from './requestlog';
import type { VaultTimings } from './types';
import type { Vault } from './vault';

export interface VaultRecord {
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly tenantId: string;
  readonly sku: 'standard' | 'premium';
  readonly enableSoftDelete: boolean;
  readonly softDeleteRetentionInDays: number;
  readonly enablePurgeProtection: boolean;
  readonly enableRbacAuthorization: boolean;
  readonly publicNetworkAccess: string;
  readonly networkAcls?: Record<string, unknown>;
  readonly accessPolicies: unknown[];
  /** Seeded without `roleAssignments`: every principal of the tenant has Owner and Key Vault Administrator here. */
  readonly defaultRoleAssignments?: boolean;
  readonly tags: Record<string, string>;
  readonly createdAt: number;
  readonly timings: VaultTimings;
  /** A deleted vault (ARM deletedVaults only; no data plane). */
  readonly deleted?: { deletionDate: number; scheduledPurgeDate: number };
  /** Set once the vault's data plane listens. */
  url?: string;
  vault?: Vault;
  listener?: Listener;
}

export interface Settings {
  latencyMs: number;
  tokenLifetimeSec: number;
  armPageSize: number;
  deleteDelayMs: number;
  certificateDelayMs: number;
  verbose: boolean;
}

export class World {
  readonly directory = new Directory();
  readonly vaults = new Map<string, VaultRecord>();
  /** Managed HSMs by lower-case name (hsm/). */
  readonly managedHsms = new Map<string, ManagedHsmRecord>();
  readonly clock = new OffsetClock();
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  readonly deny = new DenyRules();
  /** Azure RBAC role assignments (authorization/). */
  readonly roleAssignments = new RoleAssignmentStore();
  readonly throttle: Throttle;

  constructor(
    readonly settings: Settings,
    readonly signer: TokenSigner,
    throttleLimit: number | null,
  ) {
    this.throttle = new Throttle(throttleLimit);
  }

  /** Set by the Emulator once the login server listens. */
  loginOrigin = '';
  armOrigin = '';

  vault(name: string): VaultRecord | undefined {
    return this.vaults.get(name.toLowerCase());
  }

  managedHsm(name: string): ManagedHsmRecord | undefined {
    return this.managedHsms.get(name.toLowerCase());
  }

  liveVaults(): VaultRecord[] {
    return [...this.vaults.values()].filter((v) => !v.deleted);
  }
}
