// Command handlers loaded on first run (src/commands/lazy.ts): the module is required on the first call only, the
// handler's result and errors pass through, and a UserCancelled of the handlers' own bundle (another copy of the
// class) becomes the activation bundle's, so the command wrapper still ends quietly.
import * as assert from 'node:assert/strict';
import { UserCancelled } from '../../src/commands/cancelled';
import { lazyHandlers } from '../../src/commands/lazy';
import type { Services } from '../../src/services';

/** Another copy of the class, as a separately built bundle has. */
class ChunkCancelled extends Error {
  constructor() {
    super('Cancelled by the user');
  }
}

const handlers = {
  UserCancelled: ChunkCancelled,
  echo: (_services: Services, target: string, selection: readonly string[]) => Promise.resolve(`${target}:${selection.join(',')}`),
  cancel: (_services: Services, _target: string): Promise<void> => Promise.reject(new ChunkCancelled()),
  fail: (_services: Services, _target: string): Promise<void> => Promise.reject(new Error('boom')),
};

describe('command handlers loaded on first run', () => {
  const services = {} as Services;

  it('loads the module on the first call only and passes target, selection and result through', async () => {
    let loads = 0;
    const run = lazyHandlers(() => (loads++, handlers));
    const echo = run('echo');
    assert.equal(loads, 0, 'nothing loaded at registration');
    assert.equal(await echo(services, 'a', ['a', 'b']), 'a:a,b');
    assert.equal(loads, 1);
  });

  it("turns the bundle's UserCancelled into this one; other errors pass unchanged", async () => {
    const run = lazyHandlers(() => handlers);
    await assert.rejects(run('cancel')(services, 'a', []), (error: unknown) => error instanceof UserCancelled);
    await assert.rejects(run('fail')(services, 'a', []), /boom/);
  });

  it('rejects (does not throw) when the bundle cannot be loaded', async () => {
    const run = lazyHandlers((): typeof handlers => {
      throw new Error('Cannot find module');
    });
    await assert.rejects(run('echo')(services, 'a', []), /Cannot find module/);
  });
});
