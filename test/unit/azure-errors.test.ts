import * as assert from 'node:assert/strict';
import { classifyError, serviceErrorOf } from '../../src/azure/errors';

/** A RestError-like object as the SDKs throw it; `inner` only in the raw body unless `details` is asked for. */
function restError(status: number, code: string, inner?: string, opts: { details?: boolean; message?: string } = {}): Error {
  const body = { error: { code, message: opts.message ?? `service says ${code}`, ...(inner ? { innererror: { code: inner } } : {}) } };
  const e = new Error(`service says ${code}`) as Error & Record<string, unknown>;
  e.name = 'RestError';
  e.statusCode = status;
  e.code = code;
  e.response = { status, bodyAsText: JSON.stringify(body) };
  if (opts.details) e.details = { error: { code, message: body.error.message, ...(inner ? { innerError: { code: inner } } : {}) } };
  return e;
}

function named(name: string, extra: Record<string, unknown> = {}): Error {
  const e = new Error(`${name} happened`) as Error & Record<string, unknown>;
  e.name = name;
  Object.assign(e, extra);
  return e;
}

describe('classifyError', () => {
  it('reads the inner code from the raw body when RestError does not expose it', () => {
    assert.deepEqual(serviceErrorOf(restError(403, 'Forbidden', 'ForbiddenByRbac')), { code: 'Forbidden', innerCode: 'ForbiddenByRbac', message: 'service says Forbidden' });
    assert.equal(serviceErrorOf(restError(403, 'Forbidden', 'ForbiddenByPolicy', { details: true })).innerCode, 'ForbiddenByPolicy');
    const broken = Object.assign(new Error('x'), { statusCode: 500, response: { bodyAsText: '<html>' } });
    assert.deepEqual(serviceErrorOf(broken), { code: undefined, innerCode: undefined, message: undefined });
  });

  it('403 ForbiddenByRbac → forbidden/rbac, naming a role and the propagation delay', () => {
    const f = classifyError(restError(403, 'Forbidden', 'ForbiddenByRbac'));
    assert.equal(f.kind, 'forbidden');
    assert.equal(f.forbiddenReason, 'rbac');
    assert.equal(f.status, 403);
    assert.equal(f.code, 'Forbidden');
    assert.equal(f.innerCode, 'ForbiddenByRbac');
    assert.equal(f.message, 'Your account has no data-plane role on this vault (for example Key Vault Secrets User). Role assignments can take up to 10 minutes to apply.');
  });

  it('403 ForbiddenByPolicy → forbidden/policy', () => {
    const f = classifyError(restError(403, 'Forbidden', 'ForbiddenByPolicy', { details: true }));
    assert.equal(f.forbiddenReason, 'policy');
    assert.match(f.message, /access polic/);
  });

  it('403 ForbiddenByFirewall → forbidden/firewall', () => {
    const f = classifyError(restError(403, 'Forbidden', 'ForbiddenByFirewall'));
    assert.equal(f.forbiddenReason, 'firewall');
    assert.match(f.message, /firewall/);
  });

  for (const inner of ['SecretDisabled', 'KeyDisabled', 'CertificateDisabled']) {
    it(`403 ${inner} → forbidden/disabled`, () => {
      const f = classifyError(restError(403, 'Forbidden', inner));
      assert.equal(f.kind, 'forbidden');
      assert.equal(f.forbiddenReason, 'disabled');
      assert.equal(f.innerCode, inner);
    });
  }

  it('403 ARM AuthorizationFailed → forbidden/rbac about the subscription', () => {
    const f = classifyError(restError(403, 'AuthorizationFailed'));
    assert.equal(f.forbiddenReason, 'rbac');
    assert.match(f.message, /ARM/);
  });

  it('403 without a known inner code → forbidden/unknown', () => {
    assert.equal(classifyError(restError(403, 'Forbidden')).forbiddenReason, 'unknown');
  });

  it('401 → signIn; a wrong-tenant token says so', () => {
    const f = classifyError(restError(401, 'Unauthorized'));
    assert.equal(f.kind, 'signIn');
    assert.match(f.action ?? '', /Sign in/);
    assert.match(classifyError(restError(401, 'InvalidAuthenticationTokenTenant')).message, /different tenant/);
  });

  for (const name of ['CredentialUnavailableError', 'AuthenticationRequiredError', 'AuthenticationError', 'SignInRequiredError']) {
    it(`${name} → signIn`, () => {
      const f = classifyError(named(name, name === 'AuthenticationError' ? { statusCode: 400 } : {}));
      assert.equal(f.kind, 'signIn');
    });
  }

  it('404 → notFound', () => {
    for (const code of ['SecretNotFound', 'KeyNotFound', 'CertificateNotFound', 'ResourceNotFound']) {
      const f = classifyError(restError(404, code));
      assert.equal(f.kind, 'notFound');
      assert.equal(f.code, code);
    }
  });

  it('409 ObjectIsDeletedButRecoverable → conflict: recover or purge', () => {
    const f = classifyError(restError(409, 'Conflict', 'ObjectIsDeletedButRecoverable'));
    assert.equal(f.kind, 'conflict');
    assert.match(f.action ?? '', /Recover or purge/);
    assert.match(classifyError(restError(409, 'ObjectIsDeletedButRecoverable')).action ?? '', /Recover or purge/);
  });

  it('409 ObjectIsBeingDeleted → conflict: wait', () => {
    const f = classifyError(restError(409, 'Conflict', 'ObjectIsBeingDeleted'));
    assert.equal(f.kind, 'conflict');
    assert.match(f.action ?? '', /Wait/);
    assert.match(classifyError(restError(409, 'Conflict')).action ?? '', /Refresh/);
  });

  it('429 → throttled', () => {
    const f = classifyError(restError(429, 'Throttled'));
    assert.equal(f.kind, 'throttled');
    assert.equal(f.message, 'Key Vault is throttling requests; wait a few seconds and retry');
  });

  it('5xx → service; other 4xx → badRequest with the first line of the service message', () => {
    assert.equal(classifyError(restError(503, 'ServiceUnavailable')).kind, 'service');
    const bad = classifyError(restError(400, 'BadParameter', undefined, { message: 'The name is invalid.\r\nmore detail' }));
    assert.equal(bad.kind, 'badRequest');
    assert.equal(bad.message, 'Azure rejected the request: The name is invalid.');
    assert.equal(classifyError(restError(405, 'BadParameter', undefined, { message: '' })).message, 'Azure rejected the request as invalid.');
  });

  it('AbortError → cancelled', () => {
    assert.equal(classifyError(named('AbortError')).kind, 'cancelled');
    assert.equal(classifyError(Object.assign(new Error('x'), { code: 'ABORT_ERR' })).kind, 'cancelled');
  });

  for (const code of ['ECONNRESET', 'ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'REQUEST_SEND_ERROR']) {
    it(`${code} → network`, () => {
      const f = classifyError(Object.assign(named('RestError'), { code }));
      assert.equal(f.kind, 'network');
      assert.equal(f.code, code);
    });
  }

  it('a network code on the cause → network; certificate errors say so', () => {
    assert.equal(classifyError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).kind, 'network');
    assert.match(classifyError(Object.assign(new Error('x'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' })).message, /certificate/);
  });

  it('a refused token → badRequest TokenRefused', () => {
    const f = classifyError(named('TokenRefusedError'));
    assert.equal(f.kind, 'badRequest');
    assert.equal(f.code, 'TokenRefused');
  });

  it('anything else → service, and never throws on odd input', () => {
    for (const odd of [undefined, null, 42, 'text', {}, [], new Error('boom')]) {
      assert.equal(classifyError(odd).kind, 'service');
    }
  });

  it('never copies a value or token from the error into the message', () => {
    const secret = 'p@ssw0rd-VALUE-eyJhbGciOi';
    for (const status of [401, 403, 404, 409, 429, 500]) {
      const f = classifyError(restError(status, 'X', 'Y', { message: `has ${secret}` }));
      assert.ok(!JSON.stringify(f).includes(secret), String(status));
    }
    assert.ok(!JSON.stringify(classifyError(Object.assign(new Error(secret), { code: 'ECONNRESET' }))).includes(secret));
  });
});
