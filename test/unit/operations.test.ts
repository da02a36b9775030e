// The running operations (src/platform/operations.ts, pure) and the framework's reliability sentences
// (src/commands/explain.ts): the per-item lock (a second write refused, re-entrant inside one operation, released
// when it ends), a sign-out stopping every running operation, the data layer's waits routed to the operation they
// belong to (by signal, else by host), and the messages for a busy item, a stop, a countdown, a timeout, an
// unknown outcome, an operation still running and a throttle with Retry-After.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../src/azure/errors';
import { OperationStillRunningError, RequestTimeoutError, WriteOutcomeUnknownError } from '../../src/azure/reliabilityErrors';
import { busyMessage, explainFailure, formatWait, stoppedMessage, waitingMessage, type FailureContext } from '../../src/commands/explain';
import { ItemBusyError, itemKey, Operations, type Operation, type WaitNotice } from '../../src/platform/operations';

const vault = { name: 'kv-prod', vaultUrl: 'https://kv-prod.vault.azure.net' };
const key = itemKey(vault.vaultUrl, 'secret', 'db-password');
const item = { key, name: 'db-password' };

/** Resolves when `release` is called: an operation that stays running until the test lets it end. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}

describe('running operations (pure)', () => {
  it('a second write on a busy item is refused with the holder named; free again once the first has ended', async () => {
    const ops = new Operations(busyMessage);
    const first = gate();
    const running = ops.run({ title: 'Rotate Key Now', items: [item] }, () => first.wait);
    await assert.rejects(
      ops.run({ title: 'Delete Secret', items: [item] }, () => Promise.resolve()),
      (error: unknown) => error instanceof ItemBusyError && error.message === 'db-password is busy: "Rotate Key Now" is still running. Try again when it has finished.',
    );
    // Keys are case-insensitive, like the service's names; another object is not blocked.
    await assert.rejects(ops.run({ title: 'x', items: [{ key: itemKey('https://KV-PROD.vault.azure.net/', 'secret', 'DB-PASSWORD'), name: 'DB-PASSWORD' }] }, () => Promise.resolve()), ItemBusyError);
    await ops.run({ title: 'Other', items: [{ key: itemKey(vault.vaultUrl, 'secret', 'other'), name: 'other' }] }, () => Promise.resolve());
    first.release();
    await running;
    assert.equal(ops.holder(key), undefined);
    await ops.run({ title: 'Delete Secret', items: [item] }, () => Promise.resolve());
  });

  it('the lock is re-entrant inside one operation (and operations it starts), and held even once aborted', async () => {
    const ops = new Operations(busyMessage);
    const first = gate();
    let holder: Operation | undefined;
    const running = ops.run({ title: 'Save', items: [item] }, async (op) => {
      holder = op;
      ops.claim(op, key, 'db-password');
      await ops.run({ title: 'inner', items: [item] }, () => Promise.resolve());
      assert.equal(ops.current(), op, 'the operation is current for what it awaits');
      await first.wait;
    });
    holder!.cancel();
    await assert.rejects(ops.run({ title: 'Delete Secret', items: [item] }, () => Promise.resolve()), ItemBusyError);
    first.release();
    await running;
    assert.equal(ops.current(), undefined);
  });

  it('stopAll aborts every running operation with its reason (inner ones too) and returns them', async () => {
    const ops = new Operations(busyMessage);
    const first = gate();
    let outer: Operation | undefined;
    let inner: Operation | undefined;
    const running = ops.run({ title: 'Create Key' }, (op) => {
      outer = op;
      return ops.run({ title: 'Saving x' }, (nested) => {
        inner = nested;
        return first.wait;
      });
    });
    const stopped = ops.stopAll('signedOut');
    assert.deepEqual(stopped.map((o) => o.title).sort(), ['Create Key', 'Saving x']);
    assert.equal(outer!.signal.aborted, true);
    assert.equal(inner!.signal.aborted, true);
    assert.equal(inner!.stopReason, 'signedOut');
    first.release();
    await running;
    assert.deepEqual(ops.stopAll('signedOut'), [], 'nothing left to stop');
  });

  it('a user Cancel aborts without a stop reason (it ends quietly)', async () => {
    const ops = new Operations(busyMessage);
    await ops.run({ title: 'Delete Key' }, (op) => {
      op.cancel();
      assert.equal(op.signal.aborted, true);
      assert.equal(op.stopReason, undefined);
      return Promise.resolve();
    });
  });

  it('waits go to the operation whose signal they carry, else to the innermost ones talking to that host', async () => {
    const ops = new Operations(busyMessage);
    const seen: string[] = [];
    const first = gate();
    const second = gate();
    let a: Operation | undefined;
    const runA = ops.run({ title: 'A' }, (op) => {
      a = op;
      op.addVault('https://kv-a.vault.azure.net');
      op.onDidWait((n) => seen.push(`A ${n.reason} ${n.delayMs}`));
      return first.wait;
    });
    const runB = ops.run({ title: 'B' }, (op) => {
      op.addVault('https://kv-b.vault.azure.net:8443/');
      op.onDidWait((n) => seen.push(`B ${n.reason} ${n.delayMs}`));
      return second.wait;
    });
    const notice = (extra: Partial<WaitNotice>): WaitNotice => ({ host: 'kv-z.vault.azure.net', reason: 'throttled', delayMs: 1000, ...extra });
    ops.waited(notice({ abortSignal: a!.signal, host: 'kv-b.vault.azure.net:8443' }));
    ops.waited(notice({ host: 'kv-b.vault.azure.net:8443', reason: 'retry', delayMs: 2000 }));
    ops.waited(notice({ host: 'KV-A.vault.azure.net', delayMs: 3000 }));
    ops.waited(notice({ host: 'kv-none.vault.azure.net' }));
    ops.waited(notice({ host: 'kv-b.vault.azure.net' }));
    assert.deepEqual(seen, ['A throttled 1000', 'B retry 2000', 'A throttled 3000']);
    first.release();
    second.release();
    await Promise.all([runA, runB]);
  });

  it('names the vaults it talks to by host (the countdown says the vault name)', async () => {
    const ops = new Operations(busyMessage);
    await ops.run({ title: 'x' }, (op) => {
      op.addVault('https://127.0.0.1:8443/', 'kv-emulated');
      op.addVault('https://kv-prod.vault.azure.net');
      assert.equal(op.vaultName('127.0.0.1:8443'), 'kv-emulated');
      assert.equal(op.vaultName('kv-prod.vault.azure.net'), 'kv-prod');
      assert.equal(op.vaultName('127.0.0.1:9443'), undefined);
      return Promise.resolve();
    });
  });

  it('reports what progress said, with the operation', async () => {
    const ops = new Operations(busyMessage);
    const reports: string[] = [];
    const listener = ops.onDidReport((e) => reports.push(`${e.operation.title}: ${e.message}`));
    await ops.run({ title: 'Saving x' }, (op) => Promise.resolve(op.report('Throttled by kv: retrying in 3 s')));
    listener.dispose();
    await ops.run({ title: 'Saving y' }, (op) => Promise.resolve(op.report('ignored')));
    assert.deepEqual(reports, ['Saving x: Throttled by kv: retrying in 3 s']);
  });
});

describe('reliability sentences (pure)', () => {
  const ctx = (operation: FailureContext['operation'], kind: FailureContext['kind'] = 'secret'): FailureContext => ({ kind, operation, vault, name: 'db-password' });

  it('waits in the user\'s units; the countdown of a throttle names the vault, a retry does not', () => {
    assert.equal(formatWait(400), '1 s');
    assert.equal(formatWait(37_000), '37 s');
    assert.equal(formatWait(300_000), '5 min');
    assert.equal(formatWait(86_400_000), '24 h');
    assert.equal(waitingMessage('throttled', 'kv-prod', 37), 'Throttled by kv-prod: retrying in 37 s');
    assert.equal(waitingMessage('retry', 'kv-prod', 4), 'Retrying in 4 s');
  });

  it('busy and stopped', () => {
    assert.equal(busyMessage('signing', 'Rotate Key Now'), 'signing is busy: "Rotate Key Now" is still running. Try again when it has finished.');
    assert.equal(stoppedMessage('Create Key', 'signedOut'), '"Create Key" was stopped because you signed out: nothing more was sent to Azure. Sign in again and refresh to see the current state.');
    assert.match(stoppedMessage('Create Key', 'settingsChanged'), /^"Create Key" was stopped because the cloud or credential settings changed: nothing more was sent to Azure\./);
  });

  it('a timeout names the vault, how long it waited and the setting', () => {
    const text = explainFailure(classifyError(new RequestTimeoutError(30_000, 'kv-prod.vault.azure.net')), ctx('read'));
    assert.match(text, /^Could not read the value of "db-password" in kv-prod: kv-prod did not answer within 30 s\. Check the network connection .*azureKeyVault\.requestTimeoutSeconds\.$/);
  });

  it('an unknown outcome says to refresh and look before trying again (per operation)', () => {
    const unknown = classifyError(new WriteOutcomeUnknownError({ kind: 'secret', name: 'db-password' }, new Error('reset')));
    assert.equal(unknown.kind, 'outcomeUnknown');
    assert.match(explainFailure(unknown, ctx('write')), /^Could not confirm whether "db-password" in kv-prod was saved: .*Refresh and look at its versions before trying again\.$/);
    assert.match(explainFailure(unknown, ctx('delete', 'key')), /^Could not confirm whether key "db-password" in kv-prod was deleted: .*Deleted group/);
  });

  it('an operation still running in the vault: refresh later', () => {
    const still = classifyError(new OperationStillRunningError({ kind: 'key', name: 'db-password' }, 'delete', 120_000));
    assert.equal(still.kind, 'stillRunning');
    assert.equal(explainFailure(still, ctx('delete', 'key')), 'Stopped waiting for key "db-password" in kv-prod: the operation is still running in the vault. Refresh later to see the result.');
  });

  it('a throttle whose Retry-After outlasted the retries says how long the service asked to wait', () => {
    const failure = { ...classifyError({ name: 'RestError', statusCode: 429, details: { error: { code: 'Throttled' } } }), retryAfterMs: 86_400_000 };
    assert.match(explainFailure(failure, ctx('write')), /kept throttling requests \(HTTP 429\) and asked to wait 24 h before the next one \(retries here wait at most azureKeyVault\.maxRetryWaitSeconds\)/);
  });
});
