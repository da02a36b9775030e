// What the emulator holds after a cell, read with plain SDK clients (not the VaultClients under test) once the
// cell's faults are removed: versions, values, tags, enabled, deleted or not, policies, pending operations.
import type { SecretClient } from '@azure/keyvault-secrets';
import type { KeyClient } from '@azure/keyvault-keys';
import type { CertificateClient } from '@azure/keyvault-certificates';
import { certificateClient, keyClient, secretClient } from '../emulator';

/** The change a cell asked for, as found in the vault: how many times it is there, in words. */
export interface Effect {
  /** 0: not made; 1: made once; 2+: made more than once (a duplicate). */
  readonly count: number;
  readonly summary: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

async function orAbsent<T>(read: () => Promise<T>, absent: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return absent;
    throw error;
  }
}

async function count<T>(pages: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of pages) n++;
  return n;
}

export class VaultState {
  readonly secrets: SecretClient;
  readonly keys: KeyClient;
  readonly certificates: CertificateClient;

  constructor(url: string) {
    this.secrets = secretClient(url);
    this.keys = keyClient(url);
    this.certificates = certificateClient(url);
  }

  secretVersions(name: string): Promise<number> {
    return orAbsent(() => count(this.secrets.listPropertiesOfSecretVersions(name)), 0);
  }

  keyVersions(name: string): Promise<number> {
    return orAbsent(() => count(this.keys.listPropertiesOfKeyVersions(name)), 0);
  }

  certificateVersions(name: string): Promise<number> {
    return orAbsent(() => count(this.certificates.listPropertiesOfCertificateVersions(name)), 0);
  }

  /** New versions of a secret since `seeded`, the newest holding `value` (else the write is counted as not made). */
  async newSecretVersions(name: string, seeded: number, value: string): Promise<Effect> {
    const n = (await this.secretVersions(name)) - seeded;
    if (n <= 0) return { count: 0, summary: 'no new version' };
    const newest = (await this.secrets.getSecret(name)).value;
    if (newest !== value) return { count: 0, summary: `${plural(n, 'new version', 'new versions')}, the newest NOT holding the value sent` };
    return { count: n, summary: plural(n, 'new version', 'new versions') };
  }

  async newVersions(kind: 'key' | 'certificate', name: string, seeded: number): Promise<Effect> {
    const n = (kind === 'key' ? await this.keyVersions(name) : await this.certificateVersions(name)) - seeded;
    return n <= 0 ? { count: 0, summary: 'no new version' } : { count: n, summary: plural(n, 'new version', 'new versions') };
  }

  /** Whether the secret/key/certificate is active (readable) and whether it is listed as deleted. */
  async presence(kind: 'secret' | 'key' | 'certificate', name: string): Promise<{ active: boolean; deleted: boolean }> {
    const versions = kind === 'secret' ? this.secretVersions(name) : kind === 'key' ? this.keyVersions(name) : this.certificateVersions(name);
    const deleted =
      kind === 'secret'
        ? orAbsent(() => this.secrets.getDeletedSecret(name).then(() => true), false)
        : kind === 'key'
          ? orAbsent(() => this.keys.getDeletedKey(name).then(() => true), false)
          : orAbsent(() => this.certificates.getDeletedCertificate(name).then(() => true), false);
    return { active: (await versions) > 0, deleted: await deleted };
  }

  /** Delete: active → deleted. Recover: deleted → active. Purge: deleted → gone. */
  async lifecycle(kind: 'secret' | 'key' | 'certificate', name: string, wanted: 'deleted' | 'recovered' | 'purged'): Promise<Effect> {
    const { active, deleted } = await this.presence(kind, name);
    const now = active ? (deleted ? 'active AND deleted' : 'active') : deleted ? 'deleted' : 'gone';
    const done = wanted === 'deleted' ? !active && deleted : wanted === 'recovered' ? active && !deleted : !active && !deleted;
    return { count: done ? 1 : 0, summary: done ? wanted : `not ${wanted} (${now})` };
  }

  /** An attribute change (idempotent: made once or not): `state` is what the vault shows when it was made. */
  static attribute(made: boolean, state: string): Effect {
    return { count: made ? 1 : 0, summary: made ? state : `NOT ${state}` };
  }
}

/** Tags equal, whatever the order. */
export function sameTags(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>>): boolean {
  const x = Object.entries(a ?? {}).sort();
  const y = Object.entries(b).sort();
  return JSON.stringify(x) === JSON.stringify(y);
}
