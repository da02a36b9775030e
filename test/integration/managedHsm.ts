// What the Managed HSM tests need of the emulator: the ready line's HSM fields (`managedHsms`, `audiences.managedHsm`)
// and SDK clients pointed at an HSM's own endpoint (the emulator's 127.0.0.1 hosts need
// disableChallengeResourceVerification, as vaults do).
import type { TokenCredential } from '@azure/core-auth';
import { CryptographyClient, KeyClient, type KeyClientOptions } from '@azure/keyvault-keys';
import { appCredential, emulatorInfo, type EmulatorInfo } from './emulator';

export interface ManagedHsmInfo extends EmulatorInfo {
  audiences: EmulatorInfo['audiences'] & { managedHsm: string };
  scopes: EmulatorInfo['scopes'] & { managedHsm: string };
  /** name → data-plane URL */
  managedHsms: Record<string, string>;
  managedHsmDetails: { name: string; url: string; tenantId: string; subscriptionId: string; resourceGroup: string; location: string }[];
}

export function hsmInfo(): ManagedHsmInfo {
  return emulatorInfo() as ManagedHsmInfo;
}

export function hsmUrl(name: string): string {
  const url = hsmInfo().managedHsms[name];
  if (!url) throw new Error(`no managed HSM ${name} in the emulator`);
  return url;
}

const fastRetries = { retryOptions: { retryDelayInMs: 20, maxRetryDelayInMs: 200 } };

export function hsmKeyClient(name: string, credential: TokenCredential = appCredential(), options: KeyClientOptions = {}): KeyClient {
  return new KeyClient(hsmUrl(name), credential, { disableChallengeResourceVerification: true, ...fastRetries, ...options });
}

export function hsmCryptoClient(keyId: string, credential: TokenCredential = appCredential()): CryptographyClient {
  return new CryptographyClient(keyId, credential, { disableChallengeResourceVerification: true, ...fastRetries });
}
