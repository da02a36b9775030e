// The emulator as a VS Code sees it: started with a seed, trusted through NODE_EXTRA_CA_CERTS, signed in to
// through the test-only companion extension (the `microsoft` auth provider), and described to the extension as a
// custom cloud in user settings. Shared by the e2e launcher and `npm start`.
import path from 'node:path';
import { startEmulatorProcess } from '../with-emulator.mjs';
import { installExtensionFolder } from './codeServer.mjs';
import { ROOT } from './paths.mjs';

export const COMPANION = path.join(ROOT, 'test', 'companion');

/**
 * @param {{ seed: string, signedIn?: boolean, log?: (line: string) => void, mfaTenants?: string[] }} options
 *   mfaTenants: display names of directories that need their own sign-in (MFA / guest) in the companion
 */
export async function startEmulatorForVsCode({ seed, signedIn = false, log, mfaTenants = [] }) {
  const emulator = await startEmulatorProcess({ seed, log });
  const { info, line } = emulator;
  mfaTenants = mfaTenants.map((name) => info.tenants.find((t) => t.displayName === name)?.id ?? name);
  const env = {
    NODE_EXTRA_CA_CERTS: info.ca,
    KV_EMULATOR: line,
    KV_EMULATOR_USER: info.user.username,
    KV_EMULATOR_PASSWORD: info.user.password,
    ...(signedIn ? { KV_EMULATOR_SIGNED_IN: '1' } : {}),
    ...(mfaTenants.length ? { KV_EMULATOR_MFA_TENANTS: mfaTenants.join(',') } : {}),
  };
  const settings = {
    // VS Code patches Node's https and fetch for proxies and OS certificates; the patched stack trusts the OS
    // store only, not NODE_EXTRA_CA_CERTS. The emulator's test CA must not go into the OS store, so this test
    // VS Code leaves Node's networking alone (nothing here needs a proxy).
    'http.proxySupport': 'off',
    'http.fetchAdditionalSupport': false,
    'azureKeyVault.cloud': 'custom',
    'azureKeyVault.customCloud': {
      name: 'Key Vault emulator',
      authProvider: 'microsoft',
      resourceManagerEndpoint: info.arm,
      resourceManagerScope: info.scopes.arm,
      keyVaultDnsSuffix: new URL(info.audiences.vault).host,
      // The emulator's Managed HSM audience, when it has one (older emulators: none).
      ...(info.audiences.managedHsm ? { managedHsmDnsSuffix: new URL(info.audiences.managedHsm).host } : {}),
      portalUrl: 'https://portal.azure.com',
    },
  };
  return { info, env, settings, stop: emulator.stop };
}

/** Installs the companion (the `microsoft` provider) into a throwaway code-server profile. */
export function installCompanion(tmp, dirs) {
  installExtensionFolder(COMPANION, tmp, dirs);
}
