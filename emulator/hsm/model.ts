// A Managed HSM as the emulator keeps it: ARM's view (Microsoft.KeyVault/managedHSMs), its local RBAC role
// assignments and, once it listens, its data plane (a key store of its own on its own HTTPS port).
import type { Listener } from '../httpio';
import type { KeyStore } from '../keys';
import type { VaultTimings } from '../types';

/** A role assignment of the HSM's local RBAC (`az keyvault role assignment create --hsm-name …`). */
export interface HsmRoleAssignment {
  readonly objectId: string;
  /** The built-in role's id (rbac.ts). */
  readonly roleId: string;
  /** `/`, `/keys` or `/keys/{name}`. */
  readonly scope: string;
}

export interface ManagedHsmRecord {
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly tenantId: string;
  readonly initialAdminObjectIds: readonly string[];
  readonly softDeleteRetentionInDays: number;
  readonly enablePurgeProtection: boolean;
  readonly publicNetworkAccess: string;
  readonly networkAcls?: Record<string, unknown>;
  readonly tags: Record<string, string>;
  readonly createdAt: number;
  readonly timings: VaultTimings;
  readonly roleAssignments: HsmRoleAssignment[];
  /** Set once the HSM's data plane listens. */
  url?: string;
  keys?: KeyStore;
  listener?: Listener;
}
