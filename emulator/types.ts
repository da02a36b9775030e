// Contracts shared by the emulator's parts: the HTTP layer hands each data-plane store a parsed request and
// takes back a plain response; stores never touch sockets.
import type { IncomingHttpHeaders } from 'node:http';

/** A request after routing, authentication and api-version checks. */
export interface EmuRequest {
  readonly method: string;
  /** Path without query, percent-decoded segments kept as sent. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none). */
  readonly body: unknown;
  /** Named groups of the route pattern that matched. */
  readonly params: Record<string, string>;
  /** The caller, from the validated access token. */
  readonly principal: { readonly tenantId: string; readonly objectId: string };
}

export interface EmuResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export interface Route {
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Anchored regex on the path, with named groups (e.g. `^/secrets/(?<name>[^/]+)/?$`). */
  readonly pattern: RegExp;
  readonly handler: Handler;
}

/** Clock in milliseconds; tests may supply a settable one. Attributes use Unix seconds. */
export interface Clock {
  now(): number;
}

/** What a per-vault store needs to know about its vault. */
export interface VaultContext {
  readonly name: string;
  /** Base URL of the vault's data plane, no trailing slash, e.g. `https://127.0.0.1:41234`. */
  readonly url: string;
  readonly tenantId: string;
  readonly softDeleteEnabled: boolean;
  /** 7–90. */
  readonly softDeleteRetentionInDays: number;
  readonly purgeProtectionEnabled: boolean;
  readonly clock: Clock;
  /** Timings the service shows as long-running operations. */
  readonly timings: VaultTimings;
  /** A vault (the default) or a Managed HSM (keys only, HSM key types: see keys/flavor.ts). */
  readonly kind?: 'vault' | 'managedHsm';
  /** A vault's SKU: `standard` refuses HSM key types; absent allows them (as premium). */
  readonly sku?: 'standard' | 'premium';
  /** ARM coordinates that bind backup blobs (backup.ts): restore only within a subscription and Azure geography. */
  readonly subscriptionId?: string;
  readonly location?: string;
}

export interface VaultTimings {
  /** How long after a DELETE the object shows in the deleted list (and a recover completes). */
  deleteDelayMs: number;
  /** How long a certificate create stays `inProgress`. */
  certificateDelayMs: number;
}

/** Attributes as seed files give them (Unix seconds). */
export interface SeedAttributes {
  enabled?: boolean;
  nbf?: number;
  exp?: number;
  created?: number;
  updated?: number;
}
