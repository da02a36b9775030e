// Route table of the keys data plane (vault-relative paths, as the SDK sends them: an empty version segment means
// the current version, e.g. `/keys/k/` or `/keys/k//sign`).
import type { EmuRequest, EmuResponse, Handler, Route } from '../types';
import { EmuError } from '../errors';
import { OPERATION_SEGMENTS } from './operations';
import type { KeyStore } from './store';

const NAME = '(?<name>[^/]+)';
/** A version segment that is not one of the named sub-resources. */
const VERSION = '(?<version>(?!(?:versions|rotationpolicy)/?$)[^/]*)';

function p(source: string): RegExp {
  return new RegExp(`^${source}/?$`, 'i');
}

/** Turns Key Vault errors into their responses; anything else propagates to the core (500). */
function guard(fn: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>): Handler {
  return async (req) => {
    try {
      return await fn(req);
    } catch (err) {
      if (err instanceof EmuError) {
        return err.toResponse();
      }
      throw err;
    }
  };
}

const name = (req: EmuRequest): string => req.params.name ?? '';

export function keyRoutes(store: KeyStore): Route[] {
  // Every route first waits for seeded key pairs still being generated.
  const route = (method: Route['method'], source: string, fn: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>): Route => ({
    method,
    pattern: p(source),
    handler: guard(async (req) => {
      await store.settled();
      return fn(req);
    }),
  });
  return [
    route('GET', '/keys', (req) => store.list(req)),
    route('POST', '/keys/restore', (req) => store.restore(req.body)),
    route('PUT', `/keys/${NAME}`, (req) => store.import(name(req), req.body)),
    route('DELETE', `/keys/${NAME}`, (req) => store.delete(name(req))),
    route('POST', `/keys/${NAME}/create`, (req) => store.create(name(req), req.body)),
    route('POST', `/keys/${NAME}/rotate`, (req) => store.rotate(name(req))),
    route('POST', `/keys/${NAME}/backup`, (req) => store.backup(name(req))),
    route('GET', `/keys/${NAME}/versions`, (req) => store.listVersions(name(req), req)),
    route('GET', `/keys/${NAME}/rotationpolicy`, (req) => store.getRotationPolicy(name(req))),
    route('PUT', `/keys/${NAME}/rotationpolicy`, (req) => store.putRotationPolicy(name(req), req.body)),
    route('GET', `/keys/${NAME}(?:/${VERSION})?`, (req) => store.get(name(req), req.params.version)),
    route('PATCH', `/keys/${NAME}(?:/${VERSION})?`, (req) => store.update(name(req), req.params.version, req.body)),
    route('POST', `/keys/${NAME}/(?<version>[^/]*)/(?<op>encrypt|decrypt|wrapkey|unwrapkey|sign|verify)`, (req) =>
      store.operate(name(req), req.params.version, OPERATION_SEGMENTS[(req.params.op ?? '').toLowerCase()]!, req.body),
    ),
    route('GET', '/deletedkeys', (req) => store.listDeleted(req)),
    route('GET', `/deletedkeys/${NAME}`, (req) => store.getDeleted(name(req))),
    route('DELETE', `/deletedkeys/${NAME}`, (req) => store.purge(name(req))),
    route('POST', `/deletedkeys/${NAME}/recover`, (req) => store.recover(name(req))),
  ];
}
