// A restore's and a backup's failures in the user's terms (src/commands/explain.ts): another subscription or
// geography (the service's 400 "Cannot decrypt backup blob."), a damaged file, a name in use or soft-deleted (409),
// a missing role or access-policy permission (403), an answer lost after the restore committed.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../src/azure/errors';
import { WriteOutcomeUnknownError } from '../../src/azure/reliabilityErrors';
import { explainFailure, isBackupBlobRefusal, isWriteOperation, type FailureContext } from '../../src/commands/explain';
import type { VaultTarget } from '../../src/model/targets';

const vault: VaultTarget = {
  name: 'kv-prod',
  vaultUrl: 'https://kv-prod.vault.azure.net',
  info: {
    id: '/subscriptions/1111/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod', name: 'kv-prod', subscriptionId: '1111', resourceGroup: 'rg', location: 'westeurope',
    tenantId: 't', vaultUrl: 'https://kv-prod.vault.azure.net', softDeleteEnabled: true, purgeProtectionEnabled: false, rbacAuthorization: true,
  },
};
const attached: VaultTarget = { name: 'kv-att', vaultUrl: 'https://kv-att.vault.azure.net', attached: true };
const restore = (kind: FailureContext['kind'], name?: string, where: VaultTarget = vault): FailureContext => ({ kind, operation: 'restore', vault: where, ...(name ? { name } : {}) });

function restError(status: number, code: string, message: string, inner?: string): unknown {
  return { name: 'RestError', statusCode: status, details: { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } } };
}

describe('backup and restore failures explained (pure)', () => {
  it('"Cannot decrypt backup blob.": the subscription + geography rule, where this vault is, and what to do', () => {
    const failure = classifyError(restError(400, 'BadParameter', 'Cannot decrypt backup blob.'));
    assert.equal(isBackupBlobRefusal(failure), true);
    const text = explainFailure(failure, restore('key'));
    assert.match(text, /^Could not restore the key backup into kv-prod: Key Vault cannot decrypt this backup\./);
    assert.match(text, /same Azure subscription and the same Azure geography as the vault it was taken from \(kv-prod is in subscription 1111, westeurope\)/);
    assert.match(text, /Or the file is not a key backup, or it is damaged\. Restore it into a vault of the subscription and geography it came from/);
    assert.doesNotMatch(explainFailure(failure, restore('secret', undefined, attached)), /is in subscription/, 'an attached vault has no known place');
  });

  it('a damaged or foreign blob gets the same explanation; other 400s do not', () => {
    assert.equal(isBackupBlobRefusal(classifyError(restError(400, 'BadParameter', 'Backup blob contains invalid or corrupt version.'))), true);
    const hsm = classifyError(restError(400, 'BadParameter', 'Hardware key operation not allowed on standard vault'));
    assert.equal(isBackupBlobRefusal(hsm), false);
    assert.match(explainFailure(hsm, restore('key', 'k')), /^Could not restore the key "k" into kv-prod: Azure rejected the request: Hardware key operation/);
  });

  it('409 name in use: a restore never overwrites — delete and purge first, or another vault', () => {
    const text = explainFailure(classifyError(restError(409, 'Conflict', 'Secret db already exists.')), restore('secret', 'db'));
    assert.match(text, /^Could not restore the secret "db" into kv-prod: a secret with this name already exists in kv-prod, and a restore never overwrites\. Delete and purge the existing secret first, or restore into another vault of the same subscription and geography\.$/);
  });

  it('409 soft-deleted: recover it, or purge it and restore again', () => {
    const failure = classifyError(restError(409, 'Conflict', 'Certificate web is currently in a deleted but recoverable state…', 'ObjectIsDeletedButRecoverable'));
    assert.match(explainFailure(failure, restore('certificate', 'web')), /^Could not restore the certificate "web" into kv-prod: a deleted certificate with this name is still recoverable in kv-prod \(see its Deleted group\).*Recover it, or purge it and restore again\.$/);
    const being = classifyError(restError(409, 'Conflict', 'being deleted', 'ObjectIsBeingDeleted'));
    assert.match(explainFailure(being, restore('key', 'k')), /still being deleted\. Wait a few seconds/);
  });

  it('403: the writer role of the kind, or the access-policy permission Backup / Restore', () => {
    const rbac = classifyError(restError(403, 'Forbidden', 'denied', 'ForbiddenByRbac'));
    assert.match(explainFailure(rbac, restore('secret', 'db')), /"Key Vault Secrets Officer" on kv-prod/);
    assert.match(explainFailure(rbac, restore('key')), /"Key Vault Crypto Officer"/);
    assert.match(explainFailure(rbac, { kind: 'certificate', operation: 'backup', vault, name: 'web' }), /^Could not back up certificate "web" in kv-prod: .*"Key Vault Certificates Officer"/);
    const policy = classifyError(restError(403, 'Forbidden', 'denied', 'ForbiddenByPolicy'));
    assert.match(explainFailure(policy, { kind: 'secret', operation: 'backup', vault, name: 'db' }), /secret permission "Backup"/);
    assert.match(explainFailure(policy, restore('key')), /key permission "Restore"/);
  });

  it('a backup is a read (never locks the object); a restore is a write, whose lost answer says so', () => {
    assert.equal(isWriteOperation('backup'), false);
    assert.equal(isWriteOperation('restore'), true);
    const unknown = classifyError(new WriteOutcomeUnknownError({ kind: 'secret', name: 'db' }, new Error('reset')));
    assert.equal(unknown.kind, 'outcomeUnknown');
    assert.match(explainFailure(unknown, restore('secret', 'db')), /Could not confirm whether "db" in kv-prod was restored/);
  });
});
