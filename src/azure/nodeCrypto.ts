// node:crypto, loaded on first use: requiring it costs about 4 ms in a fresh process, which activation need not pay
// (hashing, nonces and certificate parsing all happen after a user action).
import type * as NodeCrypto from 'node:crypto';

export function nodeCrypto(): typeof NodeCrypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use, not when the module loads
  return require('node:crypto') as typeof NodeCrypto;
}
