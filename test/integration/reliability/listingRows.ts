// The rows of the listing matrix: every listing the tree makes (Resource Manager through ArmClient, the data plane
// through VaultClients: one page per call, as the tree loads it), and the request a fault hits.
import type { ArmClient } from '../../../src/azure/armClient';
import type { SubscriptionInfo } from '../../../src/azure/model';
import type { VaultClients } from '../../../src/azure/vaultClients';
import type { SeedVault } from '../opsVaults';

export interface ListingContext {
  readonly arm: ArmClient;
  readonly vaults: VaultClients;
  /** The listing vault (seeded with one live and one deleted object of each kind). */
  readonly url: string;
  readonly vault: string;
  readonly tenantId: string;
  readonly subscription: SubscriptionInfo;
}

export interface ListingRow {
  readonly name: string;
  readonly plane: 'arm' | 'vault';
  readonly pathRegex: string;
  /** Lists one page (the tree's first page); resolves with the number of entries it got. */
  readonly run: (ctx: ListingContext, abortSignal: AbortSignal) => Promise<number>;
}

/** Names of the listing vault's objects (listingSeed). */
export const LISTED = { secret: 'listed-secret', key: 'listed-key', certificate: 'listed-cert' } as const;

export function listingSeed(name: string, subscription: string): SeedVault {
  const deleted = { deletedDate: '-1h', scheduledPurgeDate: '+7d' };
  return {
    name, subscription, resourceGroup: 'rg-reliability', softDeleteRetentionInDays: 7,
    secrets: [{ name: LISTED.secret, versions: [{ value: 'a' }, { value: 'b' }] }, { name: 'gone-secret', versions: [{ value: 'c' }], deleted }],
    keys: [{ name: LISTED.key, kty: 'EC', curve: 'P-256', versions: 2 }, { name: 'gone-key', kty: 'EC', curve: 'P-256', deleted: true }],
    certificates: [{ name: LISTED.certificate, keyType: 'EC', versions: 2 }, { name: 'gone-cert', keyType: 'EC', deleted: true }],
  };
}

export const LISTING_ROWS: readonly ListingRow[] = [
  { name: 'Tenants · ArmClient.listTenants', plane: 'arm', pathRegex: '^/tenants$', run: async (c, s) => (await c.arm.listTenants(s)).length },
  { name: 'Subscriptions · ArmClient.listSubscriptions', plane: 'arm', pathRegex: '^/subscriptions$', run: async (c, s) => (await c.arm.listSubscriptions(c.tenantId, s)).length },
  {
    name: 'Vaults of a subscription · ArmClient.listVaults', plane: 'arm', pathRegex: '^/subscriptions/[^/]+/providers/Microsoft\\.KeyVault/vaults$',
    run: async (c, s) => (await c.arm.listVaults(c.subscription, s)).length,
  },
  { name: 'Secrets · VaultClients.listItems', plane: 'vault', pathRegex: '^/secrets$', run: async (c, s) => (await c.vaults.listItems(c.url, 'secret', { abortSignal: s })).items.length },
  { name: 'Keys · VaultClients.listItems', plane: 'vault', pathRegex: '^/keys$', run: async (c, s) => (await c.vaults.listItems(c.url, 'key', { abortSignal: s })).items.length },
  { name: 'Certificates · VaultClients.listItems', plane: 'vault', pathRegex: '^/certificates$', run: async (c, s) => (await c.vaults.listItems(c.url, 'certificate', { abortSignal: s })).items.length },
  {
    name: 'Versions of a secret · VaultClients.listVersions', plane: 'vault', pathRegex: `^/secrets/${LISTED.secret}/versions$`,
    run: async (c, s) => (await c.vaults.listVersions(c.url, 'secret', LISTED.secret, { abortSignal: s })).items.length,
  },
  {
    name: 'Versions of a key · VaultClients.listVersions', plane: 'vault', pathRegex: `^/keys/${LISTED.key}/versions$`,
    run: async (c, s) => (await c.vaults.listVersions(c.url, 'key', LISTED.key, { abortSignal: s })).items.length,
  },
  {
    name: 'Versions of a certificate · VaultClients.listVersions', plane: 'vault', pathRegex: `^/certificates/${LISTED.certificate}/versions$`,
    run: async (c, s) => (await c.vaults.listVersions(c.url, 'certificate', LISTED.certificate, { abortSignal: s })).items.length,
  },
  { name: 'Deleted secrets · VaultClients.listDeleted', plane: 'vault', pathRegex: '^/deletedsecrets$', run: async (c, s) => (await c.vaults.listDeleted(c.url, 'secret', { abortSignal: s })).items.length },
  { name: 'Deleted keys · VaultClients.listDeleted', plane: 'vault', pathRegex: '^/deletedkeys$', run: async (c, s) => (await c.vaults.listDeleted(c.url, 'key', { abortSignal: s })).items.length },
  {
    name: 'Deleted certificates · VaultClients.listDeleted', plane: 'vault', pathRegex: '^/deletedcertificates$',
    run: async (c, s) => (await c.vaults.listDeleted(c.url, 'certificate', { abortSignal: s })).items.length,
  },
];
