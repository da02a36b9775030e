// Plain data the rest of the extension sees of Azure: no SDK types leak past src/azure.

export type ObjectKind = 'secret' | 'key' | 'certificate';

/** Where tokens come from and where ARM is: one per cloud (public, sovereign, custom, emulator). */
export interface CloudEndpoints {
  readonly resourceManagerEndpoint: string;
  /** Scope for ARM tokens, e.g. `https://management.azure.com/.default`. */
  readonly resourceManagerScope: string;
  /** Key Vault DNS suffix, e.g. `vault.azure.net`; hosts under it get this cloud's vault tokens. */
  readonly keyVaultDnsSuffix: string;
  /** Managed HSM DNS suffix, e.g. `managedhsm.azure.net` (its own token audience); absent: the cloud has none. */
  readonly managedHsmDnsSuffix?: string;
}

export interface TenantInfo {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly defaultDomain?: string;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId: string;
  readonly state?: string;
}

export interface VaultInfo {
  /** ARM resource id. */
  readonly id: string;
  /** A Managed HSM (`Microsoft.KeyVault/managedHSMs`: keys only, local RBAC); absent for a key vault. */
  readonly kind?: 'managedHsm';
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly tenantId: string;
  /** Data-plane base URL without trailing slash. */
  readonly vaultUrl: string;
  readonly softDeleteEnabled: boolean;
  readonly softDeleteRetentionInDays?: number;
  readonly purgeProtectionEnabled: boolean;
  readonly rbacAuthorization: boolean;
  readonly publicNetworkAccess?: string;
  /** `standard` or `premium` (HSM-protected keys); a Managed HSM's own SKU name (`Standard_B1`…). */
  readonly sku?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** The firewall (`properties.networkAcls`), when ARM said (absent: none configured, or not known). */
  readonly network?: VaultNetworkRules;
  /** `properties.accessPolicies`: only from a vault GET (listings leave them out: they can be large). */
  readonly accessPolicies?: readonly VaultAccessPolicy[];
}

/** A vault's firewall as ARM describes it (`networkAcls`). */
export interface VaultNetworkRules {
  readonly defaultAction?: string;
  readonly bypass?: string;
  /** IPv4 addresses or CIDR ranges (`ipRules[].value`). */
  readonly ipRules: readonly string[];
  readonly virtualNetworkRuleCount: number;
}

/** One access policy entry of a vault (its permission names as ARM lists them: `get`, `list`, `all`…). */
export interface VaultAccessPolicy {
  readonly tenantId: string;
  readonly objectId: string;
  readonly applicationId?: string;
  readonly permissions: {
    readonly secrets?: readonly string[];
    readonly keys?: readonly string[];
    readonly certificates?: readonly string[];
    readonly storage?: readonly string[];
  };
}

/** List-level properties of a secret, key or certificate (lists never carry values). */
export interface ItemProperties {
  readonly kind: ObjectKind;
  readonly name: string;
  /** Identifier as the service returns it (versioned for versions, unversioned in lists). */
  readonly id: string;
  readonly version?: string;
  readonly enabled?: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
  readonly createdOn?: Date;
  readonly updatedOn?: Date;
  /** Secrets: content type. */
  readonly contentType?: string;
  /** Keys: kty (RSA, EC, RSA-HSM…). */
  readonly keyType?: string;
  /** Owned by a certificate (secrets and keys of the same name). */
  readonly managed?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  readonly recoveryLevel?: string;
}

export interface DeletedItemProperties extends ItemProperties {
  readonly deletedOn?: Date;
  readonly scheduledPurgeDate?: Date;
  readonly recoveryId?: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Present while more pages remain. */
  readonly continuationToken?: string;
}

export interface PageRequest {
  readonly continuationToken?: string;
  /** 1–25 for the data plane. */
  readonly pageSize?: number;
  readonly abortSignal?: AbortSignal;
}

/** What went wrong, in the user's terms; built from service errors by classifyError. */
export interface AzureFailure {
  readonly kind:
    | 'signIn' | 'forbidden' | 'notFound' | 'conflict' | 'throttled' | 'network' | 'badRequest' | 'service' | 'cancelled'
    /** One attempt got no complete answer within the request timeout (RequestTimeoutError). */
    | 'timeout'
    /** A write that must not be sent twice failed ambiguously and checking the vault failed too (WriteOutcomeUnknownError). */
    | 'outcomeUnknown'
    /** A bounded wait for a delete, recover or certificate operation gave up; it goes on in the vault (OperationStillRunningError). */
    | 'stillRunning';
  /** Service status code, when there was a response. */
  readonly status?: number;
  /** Service error code and inner code (`Forbidden` / `ForbiddenByRbac`). */
  readonly code?: string;
  readonly innerCode?: string;
  /** One sentence saying what happened, safe to show and log (never a value). */
  readonly message: string;
  /** One sentence saying what to do. */
  readonly action?: string;
  /** For 429: how long the service asked to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  /** For 'timeout': the per-attempt timeout that ran out. */
  readonly timeoutMs?: number;
  /** For 403: why access was refused. */
  readonly forbiddenReason?: 'rbac' | 'policy' | 'firewall' | 'disabled' | 'unknown';
}

/** The vaults of one subscription, or why they could not be listed (ArmClient.listVaultsAcross). */
export type SubscriptionVaults =
  | { readonly subscription: SubscriptionInfo; readonly ok: true; readonly vaults: VaultInfo[] }
  | { readonly subscription: SubscriptionInfo; readonly ok: false; readonly failure: AzureFailure };
