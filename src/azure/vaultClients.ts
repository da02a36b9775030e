// Data-plane clients, one per vault and object kind, created on first use and reused (reached only through
// sdk.ts: this file loads the Key Vault SDKs at run time).
//
// Every client of a vault shares: the token guard and the vault-origin check (tokenGuard.ts), what the vault's auth challenge taught
// (sharedChallenge.ts: one challenge per vault, not per kind), the reliability policy (reliability.ts: timeouts,
// 429 backoff, retries of retry-safe requests only; the SDK's own retry is off) and the vault's concurrency cap
// (throttle.ts). Listings return one page per call: the first page is one round trip.
import * as l10n from '@vscode/l10n';
import type { TokenCredential } from '@azure/core-auth';
import { SecretClient, type SecretClientOptions } from '@azure/keyvault-secrets';
import { KeyClient } from '@azure/keyvault-keys';
import { CertificateClient, type ListPropertiesOfCertificatesOptions } from '@azure/keyvault-certificates';
import type { CloudEndpoints, DeletedItemProperties, ItemProperties, ObjectKind, Page, PageRequest } from './model';
import { clientSecurityFor, guardCredential, isLoopbackHost, originPolicy, vaultSuffixOf, type ClientSecurity } from './tokenGuard';
import { VaultChallenge, type Learned } from './sharedChallenge';
import { createFetchHttpClient } from './fetchHttpClient';
import { ConcurrencyGate, defaultThrottle } from './throttle';
import { reliabilityPolicy, WaitEvents, type ReliabilityOptions, type WaitListener } from './reliability';
import { ListContext, withErrorDetails, type ListCall } from './listContext';
import { clientAddressPolicy, type ClientAddressEvent } from './networkInfo';
import { Listeners } from './listeners';
import {
  certificateItem, deletedCertificateItem, deletedKeyItem, deletedSecretItem, keyItem, newestFirst, secretItem,
} from './mappers';

export interface VaultClientsOptions {
  /** Timeouts, retries, waits and the per-vault cap (reliability.ts). */
  readonly reliability?: ReliabilityOptions;
  /** The first name of `reliability` (still accepted; `reliability` wins where both set a field). */
  readonly throttle?: ReliabilityOptions;
  /**
   * The tenant of a vault that ARM listed (its `properties.tenantId`), if known: that vault's first request then goes
   * out authorised, without the 401 round trip of an auth challenge (sharedChallenge.ts, "Presumed").
   */
  readonly tenantOf?: (vaultUrl: string) => { readonly tenantId: string; readonly managedHsm?: boolean } | undefined;
}

interface VaultEntry {
  readonly url: string;
  readonly security: ClientSecurity;
  readonly challenge: VaultChallenge;
  readonly gate: ConcurrencyGate;
  secrets?: SecretClient;
  keys?: KeyClient;
  certificates?: CertificateClient;
  /** The client's address as this vault last saw it (networkInfo.ts). */
  clientAddress?: string;
}

/** The options we set on the three Key Vault clients (their option types share these fields). */
type KeyVaultClientOptions = Pick<SecretClientOptions, 'disableChallengeResourceVerification' | 'additionalPolicies' | 'retryOptions' | 'httpClient'>;

/** At most this many empty pages are skipped in one call (the service may return an empty page with a nextLink). */
const MAX_EMPTY_PAGES = 10;

/** `https://host[:port]`, lower case, no path: the key of a vault. */
export function vaultKey(vaultUrl: string): string {
  const url = new URL(vaultUrl);
  if (url.protocol !== 'https:') throw new Error(l10n.t('Key Vault is only reachable over https://'));
  return url.origin.toLowerCase();
}

function clampPageSize(size: number | undefined): number | undefined {
  return size === undefined || !Number.isFinite(size) ? undefined : Math.min(25, Math.max(1, Math.floor(size)));
}

export class VaultClients {
  private readonly vaults = new Map<string, VaultEntry>();
  private readonly lists = new ListContext();
  private readonly waits = new WaitEvents();
  private readonly addresses = new Listeners<ClientAddressEvent>();
  /** One fetch-based HTTP client for every client of every vault: connections kept open (fetchHttpClient.ts). */
  private readonly httpClient = createFetchHttpClient();
  private readonly reliability: ReliabilityOptions;

  constructor(
    private readonly credential: TokenCredential,
    private readonly cloud: CloudEndpoints,
    private readonly options: VaultClientsOptions = {},
  ) {
    this.reliability = { ...options.throttle, ...options.reliability };
  }

  /** Called right before the data plane waits to send a request again (429 backoff, a retry): for a countdown. */
  onWait(listener: WaitListener): { dispose(): void } {
    return this.waits.on(listener);
  }

  /** Called when a vault's response names the client's address for the first time, or another one (networkInfo.ts). */
  onClientAddress(listener: (event: ClientAddressEvent) => void): { dispose(): void } {
    return this.addresses.on(listener);
  }

  secrets(vaultUrl: string): SecretClient {
    const entry = this.entry(vaultUrl);
    entry.secrets ??= new SecretClient(entry.url, ...this.clientArgs(entry));
    return entry.secrets;
  }

  keys(vaultUrl: string): KeyClient {
    const entry = this.entry(vaultUrl);
    entry.keys ??= new KeyClient(entry.url, ...this.clientArgs(entry));
    return entry.keys;
  }

  certificates(vaultUrl: string): CertificateClient {
    const entry = this.entry(vaultUrl);
    entry.certificates ??= new CertificateClient(entry.url, ...this.clientArgs(entry));
    return entry.certificates;
  }

  /**
   * Whether this vault's requests go out authorised from the first (no 401 round trip): its auth challenge was met
   * already, or can be presumed (sharedChallenge.ts). Until then, requests started together each meet a challenge.
   */
  challengeKnown(vaultUrl: string): boolean {
    const url = vaultKey(vaultUrl);
    return (this.vaults.get(url)?.challenge.known ?? false) || this.presumedChallenge(url) !== undefined;
  }

  /** One page of the vault's secrets, keys or certificates (list properties only, never values). */
  listItems(vaultUrl: string, kind: ObjectKind, req: PageRequest = {}): Promise<Page<ItemProperties>> {
    const pageSize = clampPageSize(req.pageSize);
    const abortSignal = req.abortSignal;
    switch (kind) {
      case 'secret':
        return this.page(vaultUrl, req, (s) => this.secrets(vaultUrl).listPropertiesOfSecrets({ abortSignal }).byPage(s), secretItem);
      case 'key':
        return this.page(vaultUrl, req, (s) => this.keys(vaultUrl).listPropertiesOfKeys({ abortSignal }).byPage(s), (p) => keyItem(p));
      case 'certificate': {
        // The certificates client ignores byPage's maxPageSize; its operation options pass `maxresults` on.
        const options: ListPropertiesOfCertificatesOptions & { maxresults?: number } = { abortSignal, ...(pageSize ? { maxresults: pageSize } : {}) };
        return this.page(vaultUrl, req, (s) => this.certificates(vaultUrl).listPropertiesOfCertificates(options).byPage(s), certificateItem);
      }
    }
  }

  /**
   * One page of an object's versions, newest first. The service returns versions in no particular order, so
   * the order holds within a page; a caller showing several pages should sort what it has.
   */
  async listVersions(vaultUrl: string, kind: ObjectKind, name: string, req: PageRequest = {}): Promise<Page<ItemProperties>> {
    const pageSize = clampPageSize(req.pageSize);
    const abortSignal = req.abortSignal;
    let page: Page<ItemProperties>;
    switch (kind) {
      case 'secret':
        page = await this.page(vaultUrl, req, (s) => this.secrets(vaultUrl).listPropertiesOfSecretVersions(name, { abortSignal }).byPage(s), secretItem);
        break;
      case 'key':
        page = await this.page(vaultUrl, req, (s) => this.keys(vaultUrl).listPropertiesOfKeyVersions(name, { abortSignal }).byPage(s), (p) => keyItem(p));
        break;
      case 'certificate': {
        const options = { abortSignal, ...(pageSize ? { maxresults: pageSize } : {}) };
        page = await this.page(vaultUrl, req, (s) => this.certificates(vaultUrl).listPropertiesOfCertificateVersions(name, options).byPage(s), certificateItem);
        break;
      }
    }
    return { ...page, items: newestFirst(page.items) };
  }

  /** One page of the vault's deleted (soft-deleted, recoverable) secrets, keys or certificates. */
  listDeleted(vaultUrl: string, kind: ObjectKind, req: PageRequest = {}): Promise<Page<DeletedItemProperties>> {
    const pageSize = clampPageSize(req.pageSize);
    const abortSignal = req.abortSignal;
    switch (kind) {
      case 'secret':
        return this.page(vaultUrl, req, (s) => this.secrets(vaultUrl).listDeletedSecrets({ abortSignal }).byPage(s), deletedSecretItem);
      case 'key':
        return this.page(vaultUrl, req, (s) => this.keys(vaultUrl).listDeletedKeys({ abortSignal }).byPage(s), deletedKeyItem);
      case 'certificate': {
        const options = { abortSignal, ...(pageSize ? { maxresults: pageSize } : {}) };
        return this.page(vaultUrl, req, (s) => this.certificates(vaultUrl).listDeletedCertificates(options).byPage(s), deletedCertificateItem);
      }
    }
  }

  private entry(vaultUrl: string): VaultEntry {
    const url = vaultKey(vaultUrl);
    let entry = this.vaults.get(url);
    if (!entry) {
      const security = clientSecurityFor(url, this.cloud);
      entry = {
        url,
        security,
        challenge: new VaultChallenge(guardCredential(this.credential, security.guard), () => this.presumedChallenge(url)),
        gate: new ConcurrencyGate(this.reliability.maxConcurrentPerVault ?? defaultThrottle.maxConcurrentPerVault),
      };
      this.vaults.set(url, entry);
    }
    return entry;
  }

  /**
   * What the auth challenge of a vault (or Managed HSM) listed by ARM would name: its tenant (from ARM), and the scope
   * of the DNS suffix its host is under (`vault.azure.net`, `managedhsm.azure.net`…) — or, for a local (loopback)
   * one, its cloud's localhost suffix for that kind, else (vaults only) the scope another local vault's challenge named.
   */
  private presumedChallenge(url: string): Learned | undefined {
    const listed = this.options.tenantOf?.(url);
    if (!listed) return undefined;
    const { tenantId } = listed;
    const host = new URL(url).hostname;
    const suffix = vaultSuffixOf(host, this.cloud);
    if (suffix !== undefined) return { scopes: [`https://${suffix}/.default`], tenantId };
    if (!isLoopbackHost(host)) return undefined;
    // A local emulator's cloud names its audiences as localhost suffixes (the only audiences the token guard lets a
    // loopback host receive): the scope of every local vault's (or HSM's) challenge.
    const localSuffix = ((listed.managedHsm ? this.cloud.managedHsmDnsSuffix : this.cloud.keyVaultDnsSuffix) ?? '').toLowerCase();
    if (localSuffix === 'localhost' || localSuffix.endsWith('.localhost')) return { scopes: [`https://${localSuffix}/.default`], tenantId };
    if (listed.managedHsm) return undefined;
    for (const other of this.vaults.values()) {
      const scopes = other.challenge.learnedScopes;
      if (scopes && isLoopbackHost(new URL(other.url).hostname) && !this.options.tenantOf?.(other.url)?.managedHsm) return { scopes, tenantId };
    }
    return undefined;
  }

  /**
   * Credential and options for a new client of `entry`. perCall policies run in this order: the origin check first
   * (a request to another host — a nextLink, a poller's URL — fails before anything else, token included), the
   * shared challenge policy last: it must sit right before the SDK's auth policy (see sharedChallenge.ts).
   */
  private clientArgs(entry: VaultEntry): [TokenCredential, KeyVaultClientOptions] {
    const { credential, policy } = entry.challenge.forClient();
    return [
      credential,
      {
        disableChallengeResourceVerification: entry.security.disableChallengeResourceVerification,
        // Our reliability policy retries; the SDK's would resend non-idempotent writes blindly.
        retryOptions: { maxRetries: 0 },
        httpClient: this.httpClient,
        additionalPolicies: [
          { policy: originPolicy('keyVaultOriginPolicy', entry.url), position: 'perCall' },
          { policy: this.lists.policy(), position: 'perCall' },
          { policy: reliabilityPolicy({ gate: entry.gate, options: this.reliability, events: this.waits }), position: 'perCall' },
          { policy, position: 'perCall' },
          { policy: clientAddressPolicy((address) => this.addressSeen(entry, address)), position: 'perRetry' },
        ],
      },
    ];
  }

  private addressSeen(entry: VaultEntry, address: string): void {
    if (entry.clientAddress === address) return;
    entry.clientAddress = address;
    this.addresses.emit({ vaultUrl: entry.url, address });
  }

  /** Fetches one page (skipping empty pages that still have a nextLink) and maps it. */
  private async page<S, T>(
    vaultUrl: string,
    req: PageRequest,
    open: (settings: { continuationToken?: string; maxPageSize?: number }) => AsyncIterableIterator<S[]>,
    map: (item: S) => T,
  ): Promise<Page<T>> {
    const key = vaultKey(vaultUrl);
    if (req.continuationToken !== undefined && !sameVault(req.continuationToken, key)) {
      throw new Error(l10n.t('This continuation token belongs to another vault.'));
    }
    const pageSize = clampPageSize(req.pageSize);
    const call: ListCall = req.abortSignal ? { abortSignal: req.abortSignal } : {};
    try {
      return await this.lists.run(call, () => this.fetchPage(call, key, req, pageSize, open, map));
    } catch (error) {
      throw withErrorDetails(error, call);
    }
  }

  private async fetchPage<S, T>(
    call: ListCall,
    key: string,
    req: PageRequest,
    pageSize: number | undefined,
    open: (settings: { continuationToken?: string; maxPageSize?: number }) => AsyncIterableIterator<S[]>,
    map: (item: S) => T,
  ): Promise<Page<T>> {
    const pages = open({
      ...(req.continuationToken !== undefined ? { continuationToken: req.continuationToken } : {}),
      ...(pageSize !== undefined ? { maxPageSize: pageSize } : {}),
    });
    const items: T[] = [];
    for (let i = 0; i < MAX_EMPTY_PAGES; i++) {
      const result = await pages.next();
      if (result.done) {
        call.nextLink = undefined;
        break;
      }
      // Checked on every page, before the loop asks the SDK to follow it: an empty page's nextLink is followed at
      // once, with the vault's token (the origin policy refuses it too; this says why).
      if (call.nextLink !== undefined && !sameVault(call.nextLink, key)) {
        await pages.return?.(undefined);
        throw new Error(l10n.t('The vault returned a next page on another host.'));
      }
      items.push(...result.value.map(map));
      if (items.length > 0 || !call.nextLink) break;
    }
    await pages.return?.(undefined);
    const next = call.nextLink;
    return next !== undefined ? { items, continuationToken: next } : { items };
  }
}

/** A continuation token is the service's nextLink: it must point at the same vault (scheme, host and port). */
function sameVault(link: string, key: string): boolean {
  try {
    return new URL(link).origin.toLowerCase() === key;
  } catch {
    return false;
  }
}
