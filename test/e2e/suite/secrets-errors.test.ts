// Issue 5 acceptance inside VS Code: service errors explained, not dumped — 403 names the role (RBAC: Secrets
// User to read, Secrets Officer to change) or the access-policy permission, 409 deleted-but-recoverable offers
// "Recover", and the tree's values never appear in the messages.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import { control } from './emulator';
import { secretsWorld, VAULTS, type SecretsWorld } from './secretsScript';

const USER = 'e2e0b000-0000-4000-8000-000000000001';
const forbidden = (inner: string) => ({ error: { code: 'Forbidden', message: 'Caller is not authorized to perform action on resource.', innererror: { code: inner } } });

describe('secrets: errors explained (emulator)', function () {
  this.timeout(60_000);
  let w: SecretsWorld;

  before(async () => {
    w = await secretsWorld();
  });
  after(async () => {
    if (w) w.api.ui.reset();
    await control('DELETE', '/faults');
    await control('DELETE', '/deny', { vault: VAULTS.target, objectId: USER });
  });
  afterEach(async () => {
    w.script.assertDone();
    await control('DELETE', '/faults');
  });

  it('403 RBAC on a read: names "Key Vault Secrets User" and the propagation delay', async () => {
    const node = await w.node(VAULTS.target, 'Secrets', 'existing-target');
    await control('PUT', '/deny', { vault: VAULTS.target, objectId: USER, reason: 'rbac' });
    try {
      await vscode.commands.executeCommand(Ids.copyValue, node);
      assert.match(w.script.errors.at(-1)!, /^Could not read the value of "existing-target" in kv-sec-target: .*Ask for "Key Vault Secrets User" on kv-sec-target .*up to 10 minutes/);
    } finally {
      await control('DELETE', '/deny', { vault: VAULTS.target, objectId: USER });
    }
  });

  it('403 RBAC on a write: names "Key Vault Secrets Officer"', async () => {
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULTS.target, method: 'PUT' }, action: 'status', status: 403, body: forbidden('ForbiddenByRbac') });
    w.script.script({ inputs: ['rbac-denied', 'value', '', '', ''], picks: ['Enter the value'] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.target, 'Secrets'));
    assert.match(w.script.errors.at(-1)!, /^Could not write a new version of "rbac-denied" in kv-sec-target: .*"Key Vault Secrets Officer"/);
  });

  it('403 access policy on a delete: names the missing "Delete" permission', async () => {
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULTS.target, method: 'DELETE' }, action: 'status', status: 403, body: forbidden('ForbiddenByPolicy') });
    w.script.script({ confirms: ['Delete'] });
    await vscode.commands.executeCommand(Ids.delete, await w.node(VAULTS.target, 'Secrets', 'existing-target'));
    assert.match(w.script.errors.at(-1)!, /^Could not delete "existing-target" in kv-sec-target: the vault's access policy does not give your account the secret permission "Delete"/);
  });

  it('409 deleted-but-recoverable from the service offers "Recover"', async () => {
    await control('POST', '/faults', {
      match: { plane: 'vault', vault: VAULTS.target, method: 'PUT' }, action: 'status', status: 409,
      body: { error: { code: 'Conflict', message: 'Secret raced is currently in a deleted but recoverable state.', innererror: { code: 'ObjectIsDeletedButRecoverable' } } },
    });
    w.script.script({ inputs: ['raced', 'value', '', '', ''], picks: ['Enter the value'], errorActions: [undefined] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.target, 'Secrets'));
    assert.match(w.script.errors.at(-1)!, /a deleted secret with this name is still recoverable\. Recover it, or purge it/);
    assert.deepEqual(w.script.errorButtons.at(-1), ['Recover']);
  });
});
