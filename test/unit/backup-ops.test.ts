// backupOps (src/azure/backupOps.ts) against a scripted vault: a backup is one call returning the blob's bytes; a
// restore is sent once, and after an ambiguous failure (reset, 503) it is neither lost nor doubled — the object found
// in the vault counts as restored, a resend's 409 for the name it restored counts as done, a first 409 is a refusal.
import * as assert from 'node:assert/strict';
import { backupItem, conflictName, isNameInUse, restoreItem } from '../../src/azure/backupOps';
import type { VaultClients } from '../../src/azure/vaultClients';

const URL = 'https://kv.vault.azure.net';

function restError(status: number, code: string, message: string, inner?: string): Error {
  return Object.assign(new Error(message), { name: 'RestError', statusCode: status, details: { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } } });
}
const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/**
 * A vault whose key restore answers from `answers` in order (an Error is thrown; `lost`: the vault restores, then the
 * connection drops), and whose keys are `present`.
 */
function vault(answers: (Error | 'ok' | 'lost')[], present: Set<string>) {
  const calls: string[] = [];
  const key = (name: string) => ({ key: { kid: `${URL}/keys/${name}/v1`, kty: 'EC' }, keyType: 'EC', properties: { name, id: `${URL}/keys/${name}/v1`, version: 'v1', vaultUrl: URL, enabled: true } });
  const clients = {
    keys: () => ({
      backupKey: (name: string) => {
        calls.push(`backup ${name}`);
        return Promise.resolve(new Uint8Array([1, 2, 3]));
      },
      restoreKeyBackup: () => {
        calls.push('restore');
        const answer = answers.shift();
        if (answer instanceof Error) return Promise.reject(answer);
        present.add('k');
        return answer === 'lost' ? Promise.reject(reset()) : Promise.resolve(key('k'));
      },
      getKey: (name: string) => {
        calls.push(`get ${name}`);
        return present.has(name) ? Promise.resolve(key(name)) : Promise.reject(restError(404, 'KeyNotFound', 'not found'));
      },
    }),
  } as unknown as VaultClients;
  return { clients, calls };
}

describe('backupOps: backup and restore (scripted vault)', () => {
  it('a backup is one call; its bytes are returned as they are', async () => {
    const { clients, calls } = vault([], new Set());
    assert.deepEqual([...(await backupItem(clients, URL, 'key', 'k'))], [1, 2, 3]);
    assert.deepEqual(calls, ['backup k']);
  });

  it('a restore is one call when it works', async () => {
    const { clients, calls } = vault(['ok'], new Set());
    const restored = await restoreItem(clients, URL, 'key', new Uint8Array([1]));
    assert.equal(restored.properties.name, 'k');
    assert.equal(restored.confirmedByCheck, undefined);
    assert.deepEqual(calls, ['restore']);
  });

  it('a first 409 is the refusal it is (never counted as done)', async () => {
    const { clients, calls } = vault([restError(409, 'Conflict', 'Key k already exists.')], new Set(['k']));
    await assert.rejects(restoreItem(clients, URL, 'key', new Uint8Array([1]), { nameHint: 'k' }), (e: { statusCode?: number }) => e.statusCode === 409);
    assert.deepEqual(calls, ['restore']);
  });

  it('the answer lost after the vault restored it, name known from the file: found by one read, not sent again', async () => {
    const { clients, calls } = vault(['lost'], new Set());
    const restored = await restoreItem(clients, URL, 'key', new Uint8Array([1]), { nameHint: 'k' });
    assert.equal(restored.properties.name, 'k');
    assert.equal(restored.confirmedByCheck, true);
    assert.deepEqual(calls, ['restore', 'get k']);
  });

  it('the answer lost, name not known: sent once more; its 409 for the name in the message counts as done', async () => {
    const { clients, calls } = vault(['lost', restError(409, 'Conflict', 'Key k already exists.')], new Set());
    const restored = await restoreItem(clients, URL, 'key', new Uint8Array([1]));
    assert.equal(restored.properties.name, 'k');
    assert.equal(restored.confirmedByCheck, true);
    assert.deepEqual(calls, ['restore', 'restore', 'get k']);
  });

  it('not restored after a 503 (the name is free): sent once more, and that send restores it', async () => {
    const { clients, calls } = vault([restError(503, 'ServiceUnavailable', 'busy'), 'ok'], new Set());
    const restored = await restoreItem(clients, URL, 'key', new Uint8Array([1]), { nameHint: 'k' });
    assert.equal(restored.properties.name, 'k');
    assert.deepEqual(calls, ['restore', 'get k', 'restore']);
  });

  it("reads the name of a restore's 409 and tells a name in use from a soft-deleted one", () => {
    assert.equal(conflictName(restError(409, 'Conflict', 'Secret db-password already exists. A backup can only be restored…')), 'db-password');
    assert.equal(conflictName(restError(409, 'Conflict', 'Key k1 is currently in a deleted but recoverable state, and its name cannot be reused', 'ObjectIsDeletedButRecoverable')), 'k1');
    assert.equal(conflictName(restError(409, 'Conflict', 'There is a conflict.')), undefined);
    assert.equal(conflictName(restError(400, 'BadParameter', 'Secret db bad')), undefined);
    assert.equal(isNameInUse(restError(409, 'Conflict', 'Secret db already exists.')), true);
    assert.equal(isNameInUse(restError(409, 'Conflict', 'x', 'ObjectIsDeletedButRecoverable')), false);
    assert.equal(isNameInUse(restError(409, 'Conflict', 'x', 'ObjectIsBeingDeleted')), false);
  });
});
