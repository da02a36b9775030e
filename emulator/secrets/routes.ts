// The secrets REST API (api-version 7.4 … 2025-07-01) bound to a SecretStore.
import { badParameter } from '../errors';
import { checkAttributes, checkName, checkTags } from '../objects';
import type { EmuRequest, EmuResponse, Route } from '../types';
import type { SecretStore, SetSecretInput, UpdateSecretInput } from './store';

/** 25 KB = 25 × 1024 bytes of UTF-8. */
export const MAX_SECRET_VALUE_BYTES = 25 * 1024;
export const MAX_CONTENT_TYPE = 255;

function ok(body: unknown): EmuResponse {
  return { status: 200, body };
}

function objectBody(req: EmuRequest): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw badParameter('The request body must be a JSON object.');
  }
  return req.body as Record<string, unknown>;
}

function contentType(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badParameter("Property 'contentType' must be a string.");
  if (v.length > MAX_CONTENT_TYPE) {
    throw badParameter(`Property 'contentType' exceeds the maximum length of ${MAX_CONTENT_TYPE} characters.`);
  }
  return v;
}

export function parseSetBody(req: EmuRequest): SetSecretInput {
  const b = objectBody(req);
  if (typeof b.value !== 'string') {
    throw badParameter("Property 'value' is required and must be a string.");
  }
  if (Buffer.byteLength(b.value, 'utf8') > MAX_SECRET_VALUE_BYTES) {
    throw badParameter(`The secret value exceeds the maximum size of ${MAX_SECRET_VALUE_BYTES} bytes.`);
  }
  return { value: b.value, contentType: contentType(b.contentType), tags: checkTags(b.tags), attributes: checkAttributes(b.attributes) };
}

export function parseUpdateBody(req: EmuRequest): UpdateSecretInput {
  const b = req.body === undefined ? {} : objectBody(req);
  return { contentType: contentType(b.contentType), tags: checkTags(b.tags), attributes: checkAttributes(b.attributes) };
}

function name(req: EmuRequest): string {
  return checkName(req.params.name ?? '');
}

export function secretRoutes(store: SecretStore): Route[] {
  return [
    { method: 'GET', pattern: /^\/secrets\/?$/, handler: (req) => ok(store.list(req)) },
    { method: 'POST', pattern: /^\/secrets\/restore\/?$/, handler: (req) => ok(store.restore(objectBody(req).value)) },
    { method: 'GET', pattern: /^\/secrets\/(?<name>[^/]+)\/versions\/?$/, handler: (req) => ok(store.listVersions(req, name(req))) },
    { method: 'POST', pattern: /^\/secrets\/(?<name>[^/]+)\/backup\/?$/, handler: (req) => ok({ value: store.backup(name(req)) }) },
    { method: 'PUT', pattern: /^\/secrets\/(?<name>[^/]+)\/?$/, handler: (req) => ok(store.set(name(req), parseSetBody(req))) },
    { method: 'DELETE', pattern: /^\/secrets\/(?<name>[^/]+)\/?$/, handler: (req) => ok(store.delete(name(req))) },
    {
      method: 'GET',
      pattern: /^\/secrets\/(?<name>[^/]+)(?:\/(?<version>[^/]*))?\/?$/,
      handler: (req) => ok(store.get(name(req), req.params.version || undefined)),
    },
    {
      method: 'PATCH',
      pattern: /^\/secrets\/(?<name>[^/]+)(?:\/(?<version>[^/]*))?\/?$/,
      handler: (req) => ok(store.update(name(req), req.params.version || undefined, parseUpdateBody(req))),
    },
    { method: 'GET', pattern: /^\/deletedsecrets\/?$/, handler: (req) => ok(store.listDeleted(req)) },
    { method: 'GET', pattern: /^\/deletedsecrets\/(?<name>[^/]+)\/?$/, handler: (req) => ok(store.getDeleted(name(req))) },
    {
      method: 'DELETE',
      pattern: /^\/deletedsecrets\/(?<name>[^/]+)\/?$/,
      handler: (req) => {
        store.purge(name(req));
        return { status: 204 };
      },
    },
    { method: 'POST', pattern: /^\/deletedsecrets\/(?<name>[^/]+)\/recover\/?$/, handler: (req) => ok(store.recover(name(req))) },
  ];
}
