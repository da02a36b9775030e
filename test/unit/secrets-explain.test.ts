// The sentences commands show for service failures (pure, src/commands/explain.ts), secrets first: which role or
// access-policy permission is missing, firewall, disabled, deleted name, not found, throttled after the backoff;
// then the role and permission tables of keys and certificates.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../src/azure/errors';
import { explainFailure, isDeletedConflict, type FailureContext } from '../../src/commands/explain';

const vault = { name: 'kv-prod', vaultUrl: 'https://kv-prod.vault.azure.net' };
const ctx = (operation: FailureContext['operation']): FailureContext => ({ kind: 'secret', operation, vault, name: 'db-password' });
const of = (kind: FailureContext['kind'], operation: FailureContext['operation']): FailureContext => ({ kind, operation, vault, name: 'signing' });

function restError(status: number, code: string, inner?: string): unknown {
  return { name: 'RestError', statusCode: status, details: { error: { code, message: 'service text', ...(inner ? { innererror: { code: inner } } : {}) } } };
}

describe('secret failures explained (pure)', () => {
  it('RBAC: names the role to ask for — Secrets User to read, Secrets Officer to change', () => {
    const failure = classifyError(restError(403, 'Forbidden', 'ForbiddenByRbac'));
    assert.match(explainFailure(failure, ctx('read')), /^Could not read the value of "db-password" in kv-prod: .*"Key Vault Secrets User" on kv-prod .*up to 10 minutes/);
    assert.match(explainFailure(failure, ctx('write')), /"Key Vault Secrets Officer"/);
    assert.match(explainFailure(failure, ctx('purge')), /"Key Vault Secrets Officer"/);
  });

  it('access policies: names the missing secret permission', () => {
    const failure = classifyError(restError(403, 'Forbidden', 'ForbiddenByPolicy'));
    assert.match(explainFailure(failure, ctx('read')), /secret permission "Get"/);
    assert.match(explainFailure(failure, ctx('write')), /secret permission "Set"/);
    assert.match(explainFailure(failure, ctx('delete')), /secret permission "Delete"/);
    assert.match(explainFailure(failure, ctx('recover')), /secret permission "Recover"/);
    assert.match(explainFailure(failure, ctx('purge')), /secret permission "Purge"/);
  });

  it('firewall, disabled, deleted name, not found', () => {
    assert.match(explainFailure(classifyError(restError(403, 'Forbidden', 'ForbiddenByFirewall')), ctx('read')), /firewall.*Networking/);
    assert.match(explainFailure(classifyError(restError(403, 'Forbidden', 'SecretDisabled')), ctx('read')), /is disabled.*Enable it/);
    const deleted = classifyError(restError(409, 'Conflict', 'ObjectIsDeletedButRecoverable'));
    assert.equal(isDeletedConflict(deleted), true);
    assert.match(explainFailure(deleted, ctx('write')), /deleted secret with this name is still recoverable\. Recover it, or purge it/);
    assert.match(explainFailure(classifyError(restError(404, 'SecretNotFound')), ctx('read')), /not found.*Refresh the view/);
  });

  it('throttling that outlasted the backoff says so, and never copies the service text', () => {
    const text = explainFailure(classifyError(restError(429, 'Throttled')), ctx('write'));
    assert.match(text, /kept throttling requests \(HTTP 429\) even after retrying with backoff \(1, 2, 4, 8, 16 s\)\. Wait a minute/);
    assert.ok(!text.includes('service text'));
  });

  it('network failures keep the classified message', () => {
    assert.match(explainFailure(classifyError({ code: 'ECONNRESET' }), ctx('write')), /Could not write a new version of "db-password" in kv-prod: Azure could not be reached/);
  });

  it('keys and certificates: RBAC names the role of the kind (crypto use, reading, writing)', () => {
    const failure = classifyError(restError(403, 'Forbidden', 'ForbiddenByRbac'));
    assert.match(explainFailure(failure, of('key', 'crypto')), /^Could not use key "signing" in kv-prod: .*Ask for "Key Vault Crypto User" on kv-prod/);
    assert.match(explainFailure(failure, of('key', 'create')), /"Key Vault Crypto Officer"/);
    assert.match(explainFailure(failure, of('certificate', 'write')), /^Could not write a new version of certificate "signing" in kv-prod: .*"Key Vault Certificates Officer"/);
    assert.match(explainFailure(failure, of('certificate', 'import')), /"Key Vault Certificates Officer"/);
    assert.match(explainFailure(failure, of('certificate', 'read')), /"Key Vault Certificate User"/);
  });

  it('keys and certificates: an access policy names the permission of the kind', () => {
    const failure = classifyError(restError(403, 'Forbidden', 'ForbiddenByPolicy'));
    assert.match(explainFailure(failure, of('key', 'delete')), /key permission "Delete".*assign you "Key Vault Crypto Officer"/);
    assert.match(explainFailure(failure, of('key', 'create')), /key permission "Create"/);
    assert.match(explainFailure(failure, of('certificate', 'import')), /certificate permission "Import".*assign you "Key Vault Certificates Officer"/);
    assert.match(explainFailure(failure, of('certificate', 'purge')), /certificate permission "Purge"/);
    assert.doesNotMatch(explainFailure(failure, of('key', 'delete')), /secret permission/);
  });
});
