// Which key types a key store takes, by what owns it (the service's rules):
// - a Managed HSM keeps every key in its HSMs: `RSA`/`RSA-HSM` → `RSA-HSM`, `EC`/`EC-HSM` → `EC-HSM`,
//   `oct`/`oct-HSM` → `oct-HSM` (the SDK recordings show a create of `RSA` answered with `kty: "RSA-HSM"`);
// - a premium vault takes RSA, RSA-HSM, EC and EC-HSM; a standard vault refuses the HSM types ("Hardware key
//   operation not allowed on standard vault"); no vault takes symmetric keys.
import { badParameter } from '../errors';
import type { VaultContext } from '../types';
import { isKeyType, isOct, isRsa, type KeyType } from './material';

export type KeyStoreFlavor = { readonly kind: 'vault'; readonly sku?: 'standard' | 'premium' } | { readonly kind: 'managedHsm' };

export function flavorOf(ctx: VaultContext): KeyStoreFlavor {
  return ctx.kind === 'managedHsm' ? { kind: 'managedHsm' } : { kind: 'vault', sku: ctx.sku };
}

function hsmTypeOf(kty: KeyType): KeyType {
  return isOct(kty) ? 'oct-HSM' : isRsa(kty) ? 'RSA-HSM' : 'EC-HSM';
}

/** The key type a request's `kty` (and an import's `Hsm` flag) becomes in this store, or the service's 400. */
export function storedKeyType(flavor: KeyStoreFlavor, kty: unknown, hsmFlag = false): KeyType {
  if (!isKeyType(kty)) {
    const allowed = flavor.kind === 'managedHsm' ? 'RSA-HSM, EC-HSM or oct-HSM' : 'RSA, RSA-HSM, EC or EC-HSM';
    throw badParameter(`Invalid key type '${String(kty)}': use ${allowed}.`);
  }
  if (flavor.kind === 'managedHsm') {
    return hsmTypeOf(kty);
  }
  if (isOct(kty)) {
    throw badParameter(`Key type ${kty} is only supported by Managed HSM.`);
  }
  const type = hsmFlag ? hsmTypeOf(kty) : kty;
  if (type.endsWith('-HSM') && flavor.sku === 'standard') {
    throw badParameter('Hardware key operation not allowed on standard vault');
  }
  return type;
}
