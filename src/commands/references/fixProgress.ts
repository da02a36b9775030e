// The quick fixes and Move to Key Vault call the data layer under a progress notification: the call goes through
// `request` (the SDK loaded lazily, a failure explained by the one failures module, the item locked for a write),
// the progress shows while the service works — cancellable: `call` gets the operation's abort signal in `options`
// (pass it on), and the data layer's waits count down in it — and is gone before a failure's message (and its
// buttons) appear.
import type { AzureSdk } from '../../azure/lazy';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { request, type CallOptions, type FailureContext } from '../failures';
import { withProgress } from '../progress';

/** One data-layer call of a fix, titled `title` in the progress notification. */
export function runFix<T>(
  services: Services,
  title: string,
  ctx: FailureContext,
  call: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, options: CallOptions) => Promise<T>,
): Promise<T> {
  return request(services, ctx, (sdk, vaults, vaultUrl) => withProgress(services, title, (abortSignal) => call(sdk, vaults, vaultUrl, { abortSignal }), ctx.vault));
}
