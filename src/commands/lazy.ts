// Command handlers loaded on first run. A feature area's handlers (src/commands/<area>/handlers.ts) are built into a
// bundle of their own (dist/commands-<area>.js, scripts/build.mjs) and `require`d the first time one of its commands
// runs; what stays at activation is the registration: the id, what the command acts on (its TargetSpec, resolved by
// the wrapper) and whether it writes. The area's feature.ts declares `command(spec, run('handlerName'))` with
// `const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'))`.
//
// The bundle holds its own copies of the modules it shares with activation (no module-level state anywhere, so a
// copy is harmless), UserCancelled included: the one class checked with `instanceof` across that border (the
// wrapper's "ends quietly"), so the chunk's is turned into this one here.
import type { Services } from '../services';
import { UserCancelled } from './cancelled';

/** A module of handlers (each `(services, target, selection?)`), with the UserCancelled class its bundle throws. */
export interface HandlerModule {
  readonly UserCancelled: abstract new () => Error;
}

type TargetOf<F> = F extends (services: Services, target: infer T, selection: never) => unknown ? T : never;
type HandlerName<M> = { [K in keyof M]: K extends 'UserCancelled' ? never : M[K] extends (services: Services, ...rest: never[]) => unknown ? K : never }[keyof M];
type Run<T> = (services: Services, target: T, selection: readonly T[]) => Promise<unknown>;

/** `run(name)`: the handler `name` of the module `load` returns, loaded on its first call. */
export function lazyHandlers<M extends HandlerModule>(load: () => M): <K extends HandlerName<M>>(name: K) => Run<TargetOf<M[K]>> {
  return (name) => async (services, target, selection) => {
    const module = load();
    const handler = module[name] as (services: Services, target: unknown, selection: readonly unknown[]) => unknown;
    try {
      return await handler(services, target, selection);
    } catch (error) {
      throw error instanceof module.UserCancelled && !(error instanceof UserCancelled) ? new UserCancelled() : error;
    }
  };
}
