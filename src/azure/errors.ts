// Turns anything an SDK call throws into an AzureFailure (pure: duck typing, no SDK at run time).
// Messages are written here, never copied from a response body, so they can't carry a value or a token;
// the only exception is a 400's service message, which names the bad parameter (see badRequestMessage).
import * as l10n from '@vscode/l10n';
import type { AzureFailure } from './model';
import { reliabilityFailure } from './reliabilityErrors';

const networkCodes = new Set([
  'ECONNRESET', 'ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'EPIPE',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'REQUEST_SEND_ERROR', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET',
]);

const certificateCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);

/** Error classes (by name) that mean "nobody is signed in, or the sign-in can't give a token". */
const signInErrorNames = new Set([
  'CredentialUnavailableError', 'AuthenticationRequiredError', 'AuthenticationError', 'SignInRequiredError',
]);

interface ServiceError {
  readonly code?: string;
  readonly innerCode?: string;
  readonly message?: string;
}

function stringField(o: unknown, key: string): string | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

function objectField(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

function numberField(o: unknown, key: string): number | undefined {
  const v = objectField(o, key);
  return typeof v === 'number' ? v : undefined;
}

/** `{"error": {code, message, innererror|innerError: {code}}}` from a parsed body. */
function fromBody(body: unknown): ServiceError | undefined {
  const error = objectField(body, 'error');
  if (typeof error !== 'object' || error === null) return undefined;
  const inner = objectField(error, 'innererror') ?? objectField(error, 'innerError');
  return { code: stringField(error, 'code'), innerCode: stringField(inner, 'code'), message: stringField(error, 'message') };
}

/**
 * The service error of a RestError-like object: `details` (TypeSpec clients put the parsed body there), then
 * the raw `response.bodyAsText` (RestError may not expose innererror), then the error's own `code`.
 */
export function serviceErrorOf(error: unknown): ServiceError {
  const fromDetails = fromBody(objectField(error, 'details'));
  let fromText: ServiceError | undefined;
  const text = stringField(objectField(error, 'response'), 'bodyAsText');
  if (text) {
    try {
      fromText = fromBody(JSON.parse(text) as unknown);
    } catch {
      fromText = undefined;
    }
  }
  return {
    code: fromDetails?.code ?? fromText?.code ?? stringField(error, 'code'),
    innerCode: fromDetails?.innerCode ?? fromText?.innerCode,
    message: fromDetails?.message ?? fromText?.message,
  };
}

/** The HTTP status of a RestError-like error; undefined when no response came (network errors, timeouts). */
export function statusOf(error: unknown): number | undefined {
  const status = numberField(error, 'statusCode') ?? numberField(objectField(error, 'response'), 'status');
  return status !== undefined && status > 0 ? status : undefined;
}

/** A connection-level failure with no response: reset, refused, DNS, socket timeout, a request that could not be sent. */
export function isNetworkError(error: unknown): boolean {
  if (statusOf(error) !== undefined || isAbort(error)) return false;
  const code = stringField(error, 'code') ?? stringField(objectField(error, 'cause'), 'code');
  return code !== undefined && networkCodes.has(code);
}

/** A cancellation: the caller's abort signal fired (never a timeout: that is a RequestTimeoutError). */
export function isAbort(error: unknown): boolean {
  const name = stringField(error, 'name');
  return name === 'AbortError' || stringField(error, 'code') === 'ABORT_ERR';
}

function withCodes(failure: AzureFailure, code: string | undefined, innerCode: string | undefined): AzureFailure {
  return { ...failure, ...(code ? { code } : {}), ...(innerCode ? { innerCode } : {}) };
}

function forbidden(code: string | undefined, innerCode: string | undefined): AzureFailure {
  const base = { kind: 'forbidden', status: 403 } as const;
  const inner = innerCode ?? '';
  if (inner === 'ForbiddenByRbac') {
    return withCodes({
      ...base,
      forbiddenReason: 'rbac',
      message: l10n.t('Your account has no data-plane role on this vault (for example Key Vault Secrets User). Role assignments can take up to 10 minutes to apply.'),
      action: l10n.t('Ask for a Key Vault data-plane role on this vault, then retry.'),
    }, code, innerCode);
  }
  if (inner === 'ForbiddenByPolicy') {
    return withCodes({
      ...base,
      forbiddenReason: 'policy',
      message: l10n.t("The vault's access policies don't give your account this permission."),
      action: l10n.t('Ask the vault owner to add the permission to your access policy, then retry.'),
    }, code, innerCode);
  }
  if (inner === 'ForbiddenByFirewall') {
    return withCodes({
      ...base,
      forbiddenReason: 'firewall',
      message: l10n.t("The vault's firewall does not allow requests from your network address."),
      action: l10n.t("Add your address to the vault's networking rules, or connect from an allowed network."),
    }, code, innerCode);
  }
  if (/Disabled$/.test(inner) || /Disabled$/.test(code ?? '')) {
    return withCodes({
      ...base,
      forbiddenReason: 'disabled',
      message: l10n.t('This object is disabled: its value cannot be read until it is enabled again.'),
      action: l10n.t('Enable the object (or one of its versions) to use it.'),
    }, code, innerCode);
  }
  if (code === 'AuthorizationFailed') {
    return withCodes({
      ...base,
      forbiddenReason: 'rbac',
      message: l10n.t('Your account has no read access to this Azure resource (ARM). Role assignments can take up to 10 minutes to apply.'),
      action: l10n.t('Ask for a Reader role on the subscription, or attach the vault by URL.'),
    }, code, innerCode);
  }
  return withCodes({ ...base, forbiddenReason: 'unknown', message: l10n.t('Azure refused access to this resource.'), action: l10n.t('Check your roles and the vault settings, then retry.') }, code, innerCode);
}

function conflict(code: string | undefined, innerCode: string | undefined): AzureFailure {
  const codes = [innerCode, code];
  if (codes.includes('ObjectIsDeletedButRecoverable')) {
    return withCodes({
      kind: 'conflict',
      status: 409,
      message: l10n.t('An object with this name is deleted but still recoverable.'),
      action: l10n.t('Recover or purge the deleted object, then retry.'),
    }, code, innerCode);
  }
  if (codes.includes('ObjectIsBeingDeleted')) {
    return withCodes({
      kind: 'conflict',
      status: 409,
      message: l10n.t('An object with this name is still being deleted.'),
      action: l10n.t('Wait a few seconds, then retry.'),
    }, code, innerCode);
  }
  return withCodes({ kind: 'conflict', status: 409, message: l10n.t('The request conflicts with the current state of the object.'), action: l10n.t('Refresh, then retry.') }, code, innerCode);
}

/** A 400's service message names the bad parameter; cut to one short line. */
function badRequestMessage(message: string | undefined): string {
  const line = (message ?? '').split(/\r?\n/)[0]?.trim() ?? '';
  if (!line) return l10n.t('Azure rejected the request as invalid.');
  return l10n.t('Azure rejected the request: {0}', line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

/** Retry-After (retry-after-ms, x-ms-retry-after-ms, retry-after in seconds or as a date) of an error's response, in ms. */
export function retryAfterOf(error: unknown): number | undefined {
  const headers = objectField(objectField(error, 'response'), 'headers') as { get?: unknown } | undefined;
  if (typeof headers?.get !== 'function') return undefined;
  const get = (name: string): string | undefined => {
    const v: unknown = (headers.get as (n: string) => unknown).call(headers, name);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const ms = Number(get('retry-after-ms') ?? get('x-ms-retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const after = get('retry-after');
  if (after === undefined) return undefined;
  const secs = Number(after);
  if (Number.isFinite(secs)) return secs > 0 ? secs * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isFinite(date) && date > Date.now() ? date - Date.now() : undefined;
}

function fromStatus(status: number, service: ServiceError, error: unknown): AzureFailure {
  const { code, innerCode } = service;
  if (status === 401) {
    const wrongTenant = code === 'InvalidAuthenticationTokenTenant';
    return withCodes({
      kind: 'signIn',
      status,
      message: wrongTenant ? l10n.t('The sign-in token was issued for a different tenant than this resource belongs to.') : l10n.t('Azure did not accept the sign-in for this request.'),
      action: l10n.t('Sign in again (and to the tenant of this resource), then retry.'),
    }, code, innerCode);
  }
  if (status === 403) return forbidden(code, innerCode);
  if (status === 404) {
    return withCodes({ kind: 'notFound', status, message: l10n.t('It was not found: it may have been deleted or renamed.'), action: l10n.t('Refresh the list.') }, code, innerCode);
  }
  if (status === 409) return conflict(code, innerCode);
  if (status === 429) {
    const retryAfterMs = retryAfterOf(error);
    return withCodes({
      kind: 'throttled',
      status,
      message: l10n.t('Key Vault is throttling requests; wait a few seconds and retry'),
      action: l10n.t('Wait a few seconds, then retry.'),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    }, code, innerCode);
  }
  if (status >= 500) {
    return withCodes({ kind: 'service', status, message: l10n.t('Azure had a problem handling the request (HTTP {0}).', status), action: l10n.t('Retry in a moment.') }, code, innerCode);
  }
  return withCodes({ kind: 'badRequest', status, message: badRequestMessage(service.message) }, code, innerCode);
}

/** What went wrong, in the user's terms. Safe to show and to log: no values, no tokens. */
export function classifyError(error: unknown): AzureFailure {
  if (isAbort(error)) return { kind: 'cancelled', message: l10n.t('The operation was cancelled.') };

  const name = stringField(error, 'name') ?? '';
  const reliability = reliabilityFailure(name, error);
  if (reliability) return reliability;
  if (name === 'TokenRefusedError') {
    return {
      kind: 'badRequest',
      code: 'TokenRefused',
      message: l10n.t('A request was stopped before it left: its host may not receive this token (it is not a vault or Resource Manager host of the signed-in cloud, or the listing pointed to another host).'),
      action: l10n.t('Check the vault URL and the cloud settings (azureKeyVault.cloud).'),
    };
  }
  if (signInErrorNames.has(name)) {
    return { kind: 'signIn', message: l10n.t('You are not signed in to Azure, or the sign-in could not give a token.'), action: l10n.t('Sign in to Azure, then retry.') };
  }

  const status = statusOf(error);
  const service = serviceErrorOf(error);
  if (status !== undefined && status > 0) return fromStatus(status, service, error);

  const code = stringField(error, 'code') ?? stringField(objectField(error, 'cause'), 'code');
  if (code && certificateCodes.has(code)) {
    return { kind: 'network', code, message: l10n.t('The server certificate is not trusted.'), action: l10n.t('Check the proxy or certificate settings, then retry.') };
  }
  if (code && networkCodes.has(code)) {
    return { kind: 'network', code, message: l10n.t('Azure could not be reached.'), action: l10n.t('Check the network connection, then retry.') };
  }
  return { kind: 'service', ...(code ? { code } : {}), message: l10n.t('The request to Azure failed unexpectedly.'), action: l10n.t('Retry; see the log for details.') };
}
