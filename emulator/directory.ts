// Who exists: tenants, users, apps and subscriptions (Entra + ARM's view). Vault records live in the Emulator.
import type { SeedApp, SeedResource, SeedSubscription, SeedTenant, SeedUser } from './seed';

export interface Tenant {
  readonly id: string;
  readonly displayName: string;
  readonly defaultDomain: string;
  readonly domains: string[];
  readonly countryCode: string;
  readonly tenantBrandingLogoUrl?: string;
}

export interface User {
  readonly username: string;
  readonly password: string;
  readonly objectId: string;
  readonly displayName: string;
  readonly homeTenant: string;
  readonly tenants: string[];
}

export interface App {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly objectId: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly tenants: string[];
}

export interface Subscription {
  readonly id: string;
  readonly displayName: string;
  readonly tenantId: string;
  readonly state: string;
  readonly tags?: Record<string, string>;
  readonly managedByTenants: string[];
  readonly readers?: string[];
  readonly resources: SeedResource[];
}

/** The caller as ARM and the data plane see it. */
export interface Principal {
  readonly tenantId: string;
  readonly objectId: string;
}

export class Directory {
  readonly tenants = new Map<string, Tenant>();
  readonly users = new Map<string, User>();
  readonly apps = new Map<string, App>();
  readonly subscriptions = new Map<string, Subscription>();

  addTenant(t: SeedTenant): void {
    const domain = t.defaultDomain ?? `${t.id.slice(0, 8)}.onmicrosoft.com`;
    this.tenants.set(t.id.toLowerCase(), {
      id: t.id,
      displayName: t.displayName ?? `Tenant ${t.id.slice(0, 8)}`,
      defaultDomain: domain,
      domains: t.domains ?? [domain],
      countryCode: t.countryCode ?? 'US',
      tenantBrandingLogoUrl: t.tenantBrandingLogoUrl,
    });
  }

  addUser(u: SeedUser): void {
    const tenants = [u.homeTenant, ...(u.tenants ?? [])].filter((x, i, all) => all.indexOf(x) === i);
    this.users.set(u.username.toLowerCase(), {
      username: u.username,
      password: u.password,
      objectId: u.objectId,
      displayName: u.displayName ?? u.username,
      homeTenant: u.homeTenant,
      tenants,
    });
  }

  addApp(a: SeedApp): void {
    const tenants = [a.tenantId, ...(a.tenants ?? [])].filter((x, i, all) => all.indexOf(x) === i);
    this.apps.set(a.clientId.toLowerCase(), {
      clientId: a.clientId,
      clientSecret: a.clientSecret,
      objectId: a.objectId,
      tenantId: a.tenantId,
      displayName: a.displayName ?? a.clientId,
      tenants,
    });
  }

  addSubscription(s: SeedSubscription): void {
    this.subscriptions.set(s.id.toLowerCase(), {
      id: s.id,
      displayName: s.displayName ?? `Subscription ${s.id.slice(0, 8)}`,
      tenantId: s.tenantId,
      state: s.state ?? 'Enabled',
      tags: s.tags,
      managedByTenants: s.managedByTenants ?? [],
      readers: s.readers,
      resources: s.resources ?? [],
    });
  }

  /** A tenant by id or by one of its domains; `undefined` when unknown. */
  findTenant(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase();
    const byId = this.tenants.get(key);
    if (byId) {
      return byId;
    }
    for (const t of this.tenants.values()) {
      if (t.domains.some((d) => d.toLowerCase() === key)) {
        return t;
      }
    }
    return undefined;
  }

  userByObjectId(objectId: string): User | undefined {
    for (const u of this.users.values()) {
      if (u.objectId === objectId) return u;
    }
    return undefined;
  }

  appByObjectId(objectId: string): App | undefined {
    for (const a of this.apps.values()) {
      if (a.objectId === objectId) return a;
    }
    return undefined;
  }

  /** Tenants the principal belongs to (for `GET /tenants`). Unknown principals see the token's tenant. */
  tenantsOf(p: Principal): string[] {
    const user = this.userByObjectId(p.objectId);
    if (user) return user.tenants;
    const app = this.appByObjectId(p.objectId);
    if (app) return app.tenants;
    return [p.tenantId];
  }

  canSeeSubscription(p: Principal, s: Subscription): boolean {
    return s.tenantId.toLowerCase() === p.tenantId.toLowerCase() && (s.readers === undefined || s.readers.includes(p.objectId));
  }

  visibleSubscriptions(p: Principal): Subscription[] {
    return [...this.subscriptions.values()].filter((s) => this.canSeeSubscription(p, s));
  }
}
