// Certificate issuers (`/certificates/issuers`) and the vault's certificate contacts (`/certificates/contacts`):
// plain records; the emulator never contacts a certificate authority.
import type { EmuRequest, EmuResponse, Route, VaultContext } from '../types';
import { badParameter } from '../errors';
import { asObject, OBJECT_NAME } from '../objects';
import { contactsNotFound, issuerNotFound } from './errors';
import { page } from './listing';

interface IssuerRecord {
  readonly name: string;
  provider: string;
  accountId?: string;
  org?: { id?: string; admin_details?: unknown[] };
  enabled: boolean;
  readonly created: number;
  updated: number;
}

export class IssuerStore {
  private readonly issuers = new Map<string, IssuerRecord>();
  private contacts: Record<string, unknown>[] | undefined;

  constructor(readonly vault: VaultContext) {}

  has(name: string): boolean {
    return this.issuers.has(name.toLowerCase());
  }

  private now(): number {
    return Math.floor(this.vault.clock.now() / 1000);
  }

  private get(name: string): IssuerRecord {
    const rec = this.issuers.get(name.toLowerCase());
    if (!rec) {
      throw issuerNotFound(name);
    }
    return rec;
  }

  private render(rec: IssuerRecord): Record<string, unknown> {
    const body: Record<string, unknown> = { id: `${this.vault.url}/certificates/issuers/${rec.name}`, provider: rec.provider };
    if (rec.accountId !== undefined) body.credentials = { account_id: rec.accountId };
    if (rec.org) body.org_details = { ...rec.org };
    body.attributes = { enabled: rec.enabled, created: rec.created, updated: rec.updated };
    return body;
  }

  private apply(rec: IssuerRecord, b: Record<string, unknown>): void {
    if (b.provider !== undefined) {
      if (typeof b.provider !== 'string' || b.provider === '') throw badParameter('provider must be a non-empty string.');
      rec.provider = b.provider;
    }
    const creds = asObject(b.credentials, 'credentials');
    if (typeof creds.account_id === 'string') rec.accountId = creds.account_id;
    if (b.org_details !== undefined) {
      const org = asObject(b.org_details, 'org_details');
      rec.org = {
        id: typeof org.id === 'string' ? org.id : undefined,
        admin_details: Array.isArray(org.admin_details) ? org.admin_details : undefined,
      };
    }
    const attrs = asObject(b.attributes, 'attributes');
    if (typeof attrs.enabled === 'boolean') rec.enabled = attrs.enabled;
    rec.updated = this.now();
  }

  set(name: string, body: unknown): EmuResponse {
    checkIssuerName(name);
    const b = asObject(body, 'body');
    if (typeof b.provider !== 'string' || b.provider === '') {
      throw badParameter('Property provider is required.');
    }
    const now = this.now();
    const previous = this.issuers.get(name.toLowerCase());
    const rec: IssuerRecord = { name: previous?.name ?? name, provider: b.provider, enabled: true, created: previous?.created ?? now, updated: now };
    this.apply(rec, b);
    this.issuers.set(name.toLowerCase(), rec);
    return { status: 200, body: this.render(rec) };
  }

  update(name: string, body: unknown): EmuResponse {
    const rec = this.get(name);
    this.apply(rec, asObject(body, 'body'));
    return { status: 200, body: this.render(rec) };
  }

  read(name: string): EmuResponse {
    return { status: 200, body: this.render(this.get(name)) };
  }

  remove(name: string): EmuResponse {
    const rec = this.get(name);
    this.issuers.delete(name.toLowerCase());
    return { status: 200, body: this.render(rec) };
  }

  list(req: EmuRequest): EmuResponse {
    const all = [...this.issuers.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    return page(this.vault, req, '/certificates/issuers', all, (rec) => ({
      id: `${this.vault.url}/certificates/issuers/${rec.name}`,
      provider: rec.provider,
    }));
  }

  private renderContacts(list: Record<string, unknown>[]): Record<string, unknown> {
    return { id: `${this.vault.url}/certificates/contacts`, contacts: list.map((c) => ({ ...c })) };
  }

  getContacts(): EmuResponse {
    if (!this.contacts) throw contactsNotFound();
    return { status: 200, body: this.renderContacts(this.contacts) };
  }

  setContacts(body: unknown): EmuResponse {
    const list = asObject(body, 'body').contacts;
    if (!Array.isArray(list)) {
      throw badParameter('Property contacts (an array) is required.');
    }
    this.contacts = list.map((c, i) => {
      const o = asObject(c, `contacts[${i}]`);
      const out: Record<string, unknown> = {};
      for (const k of ['email', 'name', 'phone']) {
        if (typeof o[k] === 'string') out[k] = o[k];
      }
      return out;
    });
    return { status: 200, body: this.renderContacts(this.contacts) };
  }

  deleteContacts(): EmuResponse {
    const response = this.getContacts();
    this.contacts = undefined;
    return response;
  }
}

function checkIssuerName(name: string): void {
  if (!OBJECT_NAME.test(name)) {
    throw badParameter(`The request URI contains an invalid issuer name: ${name}.`);
  }
}

const ISSUER = '^/certificates/issuers/(?<issuer>[^/]+)/?$';

export function issuerRoutes(store: IssuerStore): Route[] {
  const name = (req: EmuRequest): string => req.params.issuer ?? '';
  return [
    { method: 'GET', pattern: /^\/certificates\/contacts\/?$/, handler: () => store.getContacts() },
    { method: 'PUT', pattern: /^\/certificates\/contacts\/?$/, handler: (req) => store.setContacts(req.body) },
    { method: 'DELETE', pattern: /^\/certificates\/contacts\/?$/, handler: () => store.deleteContacts() },
    { method: 'GET', pattern: /^\/certificates\/issuers\/?$/, handler: (req) => store.list(req) },
    { method: 'GET', pattern: new RegExp(ISSUER), handler: (req) => store.read(name(req)) },
    { method: 'PUT', pattern: new RegExp(ISSUER), handler: (req) => store.set(name(req), req.body) },
    { method: 'PATCH', pattern: new RegExp(ISSUER), handler: (req) => store.update(name(req), req.body) },
    { method: 'DELETE', pattern: new RegExp(ISSUER), handler: (req) => store.remove(name(req)) },
  ];
}
