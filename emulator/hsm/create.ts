// Bringing a seeded Managed HSM to life: its record in the world, its key store (a Managed HSM flavor of the keys
// store: HSM key types only, always soft delete) and, through the emulator's `listen`, its own HTTPS endpoint.
import type { BackupCodec } from '../backup';
import type { IncomingMessage } from 'node:http';
import { callerAddress, type PlaneHandler, type Listener } from '../httpio';
import { KeyStore } from '../keys';
import type { VaultContext } from '../types';
import type { World } from '../world';
import { managedHsmHandler } from './dataplane';
import type { ManagedHsmRecord } from './model';
import { managedHsmRecord, type SeedManagedHsm } from './seed';

/** The emulator's listener factory for one data plane (front door, faults, request log). */
export type ListenFor = (name: string, handler: PlaneHandler, headers: (req: IncomingMessage) => Record<string, string>) => Promise<Listener>;

export async function createManagedHsm(world: World, codec: BackupCodec, seed: SeedManagedHsm, listen: ListenFor): Promise<ManagedHsmRecord> {
  const record = managedHsmRecord(world, seed);
  const context: VaultContext = {
    name: record.name,
    // Known once the endpoint listens (below), before any request can reach the store.
    get url(): string {
      return record.url ?? '';
    },
    tenantId: record.tenantId,
    subscriptionId: record.subscriptionId,
    location: record.location,
    softDeleteEnabled: true,
    softDeleteRetentionInDays: record.softDeleteRetentionInDays,
    purgeProtectionEnabled: record.enablePurgeProtection,
    clock: world.clock,
    timings: record.timings,
    kind: 'managedHsm',
  };
  const keys = new KeyStore(context, { codec });
  keys.validateSeed(seed.keys ?? []);
  const listener = await listen(record.name, managedHsmHandler(world, record), (req) => ({
    'x-ms-keyvault-region': record.location,
    'x-ms-keyvault-network-info': `addr=${callerAddress(req)}`,
    'x-ms-server-latency': '1',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'content-security-policy': "default-src 'self'",
    'x-frame-options': 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
  }));
  record.listener = listener;
  record.url = listener.origin;
  record.keys = keys;
  world.managedHsms.set(record.name.toLowerCase(), record);
  return record;
}

/** Seeds an HSM's keys (validated first); resolves once every key pair exists (a failure is also reported by `warn`). */
export function seedManagedHsmKeys(record: ManagedHsmRecord, items: unknown[], warn: (message: string) => void): Promise<void> {
  const keys = record.keys;
  if (!keys || items.length === 0) return Promise.resolve();
  keys.seed(items);
  const done = keys.whenSeeded();
  done.catch((err: unknown) => warn(`managed HSM ${record.name}: seeding failed: ${err instanceof Error ? err.message : String(err)}`));
  return done;
}

export function managedHsmInfo(h: ManagedHsmRecord): Record<string, unknown> {
  return { name: h.name, url: h.url ?? null, tenantId: h.tenantId, subscriptionId: h.subscriptionId, resourceGroup: h.resourceGroup, location: h.location };
}
