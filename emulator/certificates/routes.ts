// The certificates data plane's routes (paths relative to the vault, as certificates.json names them). Every handler
// first brings the store up to the clock, then answers with the service's shapes or throws an EmuError.
import { badParameter } from '../errors';
import { asObject, checkName, checkTags, latest } from '../objects';
import type { EmuRequest, EmuResponse, Handler, Route } from '../types';
import { backupBlob, restoreBlob } from './backup';
import {
  certificateUrl,
  renderBundle,
  renderDeletedBundle,
  renderDeletedItem,
  renderItem,
  renderOperation,
  renderVersionItem,
} from './bundle';
import { pendingNotFound } from './errors';
import { importCertificate, mergeCertificate, parseEnabled, startCreate } from './issue';
import { includePending, page } from './listing';
import type { CertEntry } from './model';
import { mergePolicy, parsePolicy, renderPolicy } from './policy';
import type { CertificateStore } from './store';

const NAME = '(?<name>(?!(?:contacts|issuers|restore)(?:/|$))[^/]+)';
const VERSION = '(?<version>(?!(?:versions|policy|pending|create|import|backup)$)[^/]*)';

function path(p: string): RegExp {
  return new RegExp(`^${p}/?$`);
}

function nameOf(req: EmuRequest): string {
  return req.params.name ?? '';
}

export function certificateRoutes(store: CertificateStore): Route[] {
  const vault = store.vault;
  const settled =
    (fn: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>): Handler =>
    async (req) => {
      await store.settle();
      return fn(req);
    };
  const ok = (body: unknown): EmuResponse => ({ status: 200, body });
  const withPolicy = (entry: CertEntry): unknown => renderBundle(vault, entry, latest(entry), true);

  const operationOf = (req: EmuRequest): { entry: CertEntry; op: NonNullable<CertEntry['operation']> } => {
    const name = nameOf(req);
    checkName(name);
    const entry = store.find(name);
    const op = entry?.operation;
    const requestId = req.query.get('request_id');
    if (!entry || !op || (requestId !== null && requestId !== op.requestId)) {
      throw pendingNotFound(name);
    }
    return { entry, op };
  };

  const routes: Array<[Route['method'], string, (req: EmuRequest) => EmuResponse | Promise<EmuResponse>]> = [
    ['POST', '/certificates/restore', async (req) => ok(withPolicy(await restoreBlob(store, req.body)))],
    [
      'GET',
      '/certificates',
      (req) => {
        const all = store.visible().filter((e) => includePending(req) || latest(e).chain);
        return page(vault, req, '/certificates', all, (e) => renderItem(vault, e));
      },
    ],
    [
      'GET',
      '/deletedcertificates',
      (req) => {
        const all = store.visibleDeleted().filter((d) => includePending(req) || latest(d.entry).chain);
        return page(vault, req, '/deletedcertificates', all, (d) => renderDeletedItem(vault, d));
      },
    ],
    ['GET', `/deletedcertificates/${NAME}`, (req) => ok(renderDeletedBundle(vault, store.requireDeleted(nameOf(req))))],
    [
      'DELETE',
      `/deletedcertificates/${NAME}`,
      async (req) => {
        await store.purge(nameOf(req));
        return { status: 204 };
      },
    ],
    ['POST', `/deletedcertificates/${NAME}/recover`, async (req) => ok(withPolicy(await store.recover(nameOf(req))))],
    [
      'POST',
      `/certificates/${NAME}/create`,
      async (req) => {
        const entry = await startCreate(store, nameOf(req), req.body);
        const op = entry.operation!;
        const apiVersion = encodeURIComponent(req.query.get('api-version') ?? '');
        const location = `${certificateUrl(vault, entry.name)}/pending?api-version=${apiVersion}&request_id=${op.requestId}`;
        return { status: 202, body: renderOperation(vault, entry, op), headers: { Location: location, 'Retry-After': '10' } };
      },
    ],
    ['POST', `/certificates/${NAME}/import`, async (req) => ok(withPolicy(await importCertificate(store, nameOf(req), req.body)))],
    ['POST', `/certificates/${NAME}/backup`, (req) => ok({ value: backupBlob(store, store.get(nameOf(req))) })],
    [
      'GET',
      `/certificates/${NAME}/pending`,
      (req) => {
        const { entry, op } = operationOf(req);
        return ok(renderOperation(vault, entry, op));
      },
    ],
    [
      'PATCH',
      `/certificates/${NAME}/pending`,
      (req) => {
        const { entry, op } = operationOf(req);
        const cancel = asObject(req.body).cancellation_requested;
        if (typeof cancel !== 'boolean') {
          throw badParameter('Property cancellation_requested (boolean) is required.');
        }
        if (op.status !== 'inProgress') {
          throw badParameter(`The certificate operation of ${entry.name} is not in progress (status ${op.status}).`);
        }
        op.cancellationRequested ||= cancel;
        return ok(renderOperation(vault, entry, op));
      },
    ],
    [
      'DELETE',
      `/certificates/${NAME}/pending`,
      (req) => {
        const { entry, op } = operationOf(req);
        delete entry.operation;
        return ok(renderOperation(vault, entry, op));
      },
    ],
    [
      'POST',
      `/certificates/${NAME}/pending/merge`,
      async (req) => {
        const { entry, version } = await mergeCertificate(store, nameOf(req), req.body);
        return { status: 201, body: renderBundle(vault, entry, version, true), headers: { Location: certificateUrl(vault, entry.name) } };
      },
    ],
    ['GET', `/certificates/${NAME}/policy`, (req) => ok(renderPolicy(store.get(nameOf(req)).policy, certificateUrl(vault, nameOf(req))))],
    [
      'PATCH',
      `/certificates/${NAME}/policy`,
      (req) => {
        const entry = store.get(nameOf(req));
        entry.policy = mergePolicy(entry.policy, parsePolicy(req.body) ?? {}, store.nowSeconds());
        return ok(renderPolicy(entry.policy, certificateUrl(vault, entry.name)));
      },
    ],
    [
      'GET',
      `/certificates/${NAME}/versions`,
      (req) => {
        const name = nameOf(req);
        checkName(name);
        const entry = store.find(name);
        const versions = entry ? [...entry.versions].reverse() : [];
        return page(vault, req, `/certificates/${name}/versions`, versions, (v) => renderVersionItem(vault, entry!, v, true));
      },
    ],
    [
      'DELETE',
      `/certificates/${NAME}`,
      async (req) => {
        const entry = store.get(nameOf(req));
        const deleted = await store.remove(entry);
        return ok(vault.softDeleteEnabled ? renderDeletedBundle(vault, deleted) : withPolicy(entry));
      },
    ],
    [
      'GET',
      `/certificates/${NAME}(?:/${VERSION})?`,
      (req) => {
        const entry = store.get(nameOf(req));
        const version = req.params.version ?? '';
        return ok(renderBundle(vault, entry, store.version(entry, version), version === ''));
      },
    ],
    [
      'PATCH',
      `/certificates/${NAME}(?:/${VERSION})?`,
      async (req) => {
        const entry = store.get(nameOf(req));
        const v = store.version(entry, req.params.version ?? '');
        const body = asObject(req.body);
        const enabled = parseEnabled(body.attributes);
        const tags = checkTags(body.tags);
        const patch = parsePolicy(body.policy);
        const now = store.nowSeconds();
        if (patch) {
          entry.policy = mergePolicy(entry.policy, patch, now);
        }
        if (tags !== undefined) v.tags = tags;
        v.updated = now;
        if (enabled !== undefined && enabled !== v.enabled) {
          v.enabled = enabled;
          await store.mirrorEnabled(entry, v);
        }
        return ok(renderBundle(vault, entry, v, true));
      },
    ],
  ];
  return routes.map(([method, p, fn]) => ({ method, pattern: path(p), handler: settled(fn) }));
}
