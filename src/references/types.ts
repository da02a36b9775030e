// The data of the references layer (pure: no vscode, no SDK). A reference names a secret, key or certificate
// of a vault in the syntax of one kind of file (App Service setting, Bicep, Terraform, a workflow…).
import type { ObjectKind } from '../azure/model';

export type { ObjectKind };

/** What a reference points at: everything a format may need, as the tree knows it. */
export interface ReferenceTarget {
  /** Data-plane URL without trailing slash (`https://contoso.vault.azure.net`, `https://127.0.0.1:8443`). */
  readonly vaultUrl: string;
  readonly vaultName: string;
  /** ARM resource id of the vault (known for vaults listed through ARM, not for vaults attached by URL). */
  readonly armId?: string;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly tenantId?: string;
  readonly kind: ObjectKind;
  readonly name: string;
  /** A pinned version (32 hex characters); absent: the current version. */
  readonly version?: string;
}

export type FormatId =
  | 'appServiceUri'
  | 'appServiceName'
  | 'armParameter'
  | 'bicep'
  | 'bicepparam'
  | 'appConfig'
  | 'csi'
  | 'githubActions'
  | 'azurePipelines'
  | 'terraform'
  | 'dotnetKey'
  | 'uri'
  /** `kv://{vault}/{name}[/{version}]`: the short form of `.env.keyvault` files (kvUri.ts). */
  | 'kvUri';

/** How a reference found in text identifies its vault. */
export type VaultLocator =
  | { readonly by: 'url'; readonly url: string }
  | { readonly by: 'name'; readonly name: string; readonly subscriptionId?: string; readonly resourceGroup?: string };

/** A reference found in text. Offsets are UTF-16 indexes into the text, `end` exclusive. */
export interface FoundReference {
  readonly format: FormatId;
  readonly start: number;
  readonly end: number;
  /** Where the object's name is written (diagnostics underline it); defaults to the whole reference. */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly vault: VaultLocator;
  readonly kind: ObjectKind;
  readonly name: string;
  readonly version?: string;
}
