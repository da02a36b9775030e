// Seed secrets (the seed file's `secrets` arrays) turned into table entries.
import { nowSeconds, parseSeedTime } from '../clock';
import { checkName, newVersionId, scheduledPurgeDate, VERSION_ID } from '../objects';
import type { SeedSecret } from '../seed';
import type { VaultContext } from '../types';
import type { SecretEntry, SecretVersionRecord } from './model';

/**
 * One entry per seed secret. Versions are in creation order (the last is current); without `created` they are a
 * day apart, ending now. A seed secret whose name is active already adds versions to it (`existing`).
 */
export function seedEntry(ctx: VaultContext, s: SeedSecret, existing: SecretEntry | undefined): SecretEntry {
  const now = nowSeconds(ctx.clock);
  const time = (t: number | string | undefined, what: string): number | undefined =>
    t === undefined ? undefined : parseSeedTime(t, ctx.clock, `secret ${s.name}: ${what}`);
  checkName(s.name);
  const count = s.versions.length;
  const versions = s.versions.map((v, i): SecretVersionRecord => {
    if (v.version !== undefined && !VERSION_ID.test(v.version.toLowerCase())) {
      throw new Error(`seed: secret ${s.name}: version ${v.version} must be 32 hex characters`);
    }
    const created = time(v.created, 'created') ?? now - (count - 1 - i) * 86400;
    return {
      version: v.version?.toLowerCase() ?? newVersionId(),
      value: v.value,
      contentType: v.contentType ?? s.contentType,
      tags: v.tags ?? s.tags,
      enabled: v.enabled ?? true,
      nbf: time(v.nbf, 'nbf'),
      exp: time(v.exp, 'exp'),
      created,
      updated: time(v.updated, 'updated') ?? created,
      managed: false,
    };
  });
  const entry: SecretEntry =
    existing && existing.state === 'active' && !s.deleted && !existing.managed
      ? { ...existing, versions: [...existing.versions, ...versions] }
      : { name: s.name, versions, state: 'active', managed: false };
  if (s.deleted) {
    if (!ctx.softDeleteEnabled) {
      throw new Error(`seed: secret ${s.name} is marked deleted but vault ${ctx.name} has soft delete off`);
    }
    entry.state = 'deleted';
    entry.deletedDate = time(s.deleted.deletedDate, 'deletedDate') ?? now;
    entry.scheduledPurgeDate = time(s.deleted.scheduledPurgeDate, 'scheduledPurgeDate') ?? scheduledPurgeDate(ctx, entry.deletedDate);
  }
  return entry;
}
