// Test support for the certificate store without the HTTP layer: a settable clock, a vault context, recording fakes
// of the managed key/secret sinks, and `invoke` to run a request through the store's routes.
import type { KeyObject } from 'node:crypto';
import { errorToResponse } from '../errors';
import type { Clock, EmuResponse, VaultContext } from '../types';
import type { ManagedAttributes, ManagedKeyOptions, ManagedKeySink, ManagedSecretInput, ManagedSecretSink } from './sinks';
import type { CertificateStore } from './store';

export class SettableClock implements Clock {
  constructor(public ms = Date.now()) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

export type TestVault = VaultContext & { readonly clock: SettableClock };

export function testVault(overrides: Partial<Omit<VaultContext, 'clock'>> = {}): TestVault {
  return {
    name: 'testvault',
    url: 'https://testvault.vault.example',
    tenantId: '00000000-0000-0000-0000-000000000001',
    softDeleteEnabled: true,
    softDeleteRetentionInDays: 7,
    purgeProtectionEnabled: false,
    timings: { deleteDelayMs: 2000, certificateDelayMs: 1000 },
    ...overrides,
    clock: new SettableClock(),
  };
}

interface Managed<T> {
  state: 'active' | 'deleted';
  versions: Map<string, T & { attributes: ManagedAttributes }>;
}

class RecordingSink<T extends { attributes: ManagedAttributes }> {
  readonly objects = new Map<string, Managed<T>>();
  readonly calls: string[] = [];

  protected put(name: string, version: string, item: T): void {
    this.calls.push(`put ${name}/${version}`);
    const o = this.objects.get(name.toLowerCase()) ?? { state: 'active' as const, versions: new Map() };
    o.versions.set(version, item);
    this.objects.set(name.toLowerCase(), o);
  }

  protected update(name: string, version: string | undefined, enabled: boolean | undefined): void {
    this.calls.push(`update ${name}/${version ?? ''}`);
    const v = this.objects.get(name.toLowerCase())?.versions.get(version ?? '');
    if (v && enabled !== undefined) {
      v.attributes = { ...v.attributes, enabled };
    }
  }

  private move(verb: string, name: string, from: Managed<T>['state'] | undefined, to: Managed<T>['state'] | 'gone'): void {
    this.calls.push(`${verb} ${name}`);
    const o = this.objects.get(name.toLowerCase());
    if (!o || (from !== undefined && o.state !== from)) {
      throw new Error(`${verb} ${name}: not in state ${String(from)}`);
    }
    if (to === 'gone') {
      this.objects.delete(name.toLowerCase());
    } else {
      o.state = to;
    }
  }

  deleteManaged(name: string): void {
    this.move('delete', name, 'active', 'deleted');
  }

  recoverManaged(name: string): void {
    this.move('recover', name, 'deleted', 'active');
  }

  purgeManaged(name: string): void {
    this.move('purge', name, undefined, 'gone');
  }

  get(name: string, version: string): (T & { attributes: ManagedAttributes }) | undefined {
    return this.objects.get(name.toLowerCase())?.versions.get(version);
  }
}

export class FakeSecrets extends RecordingSink<ManagedSecretInput> implements ManagedSecretSink {
  putManaged(name: string, input: ManagedSecretInput): void {
    this.put(name, input.version, input);
  }

  updateManaged(name: string, version: string | undefined, patch: { attributes?: { enabled?: boolean } }): void {
    this.update(name, version, patch.attributes?.enabled);
  }
}

export class FakeKeys extends RecordingSink<ManagedKeyOptions & { key: KeyObject }> implements ManagedKeySink {
  putManaged(name: string, privateKey: KeyObject, opts: ManagedKeyOptions): void {
    this.put(name, opts.version, { ...opts, key: privateKey });
  }

  updateManaged(name: string, version: string | undefined, change: { enabled?: boolean }): void {
    this.update(name, version, change.enabled);
  }
}

/** Runs `method path?query` (vault-relative) through the store's routes like the HTTP layer would. */
export async function invoke(store: CertificateStore, method: string, pathAndQuery: string, body?: unknown): Promise<EmuResponse> {
  const url = new URL(pathAndQuery, 'https://vault.invalid');
  if (!url.searchParams.has('api-version')) {
    url.searchParams.set('api-version', '2025-07-01');
  }
  for (const route of store.routes()) {
    const match = route.method === method ? route.pattern.exec(url.pathname) : null;
    if (!match) {
      continue;
    }
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>;
    try {
      return await route.handler({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: {},
        body,
        params,
        principal: { tenantId: 'tenant', objectId: 'caller' },
      });
    } catch (err) {
      return errorToResponse(err);
    }
  }
  return { status: 404, body: { error: { code: 'NoRoute', message: `${method} ${url.pathname}` } } };
}
