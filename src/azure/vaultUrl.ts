// Pure parsing of Key Vault URLs (no SDK, no vscode): safe to import at activation.
import * as l10n from '@vscode/l10n';

export interface VaultAddress {
  /** Normalised base URL without trailing slash, e.g. `https://contoso.vault.azure.net`. */
  readonly url: string;
  /** Vault name as far as the host tells it (first DNS label), or the host itself for an IP address. */
  readonly name: string;
  readonly host: string;
}

/** Key Vault DNS suffixes of the built-in clouds. Custom clouds add theirs through configuration. */
export const knownVaultDnsSuffixes: readonly string[] = [
  'vault.azure.net',
  'vault.azure.cn',
  'vault.usgovcloudapi.net',
  'vault.microsoftazure.de',
  'managedhsm.azure.net',
  'managedhsm.azure.cn',
  'managedhsm.usgovcloudapi.net',
];

/** Whether a vault URL's host is a Managed HSM's of a built-in cloud (`{name}.managedhsm.azure.net`…). */
export function isManagedHsmUrl(url: string): boolean {
  try {
    return /^[^.]+\.managedhsm\./.test(new URL(url).hostname.toLowerCase());
  } catch {
    return false;
  }
}

const vaultNamePattern = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){1,22}[a-zA-Z0-9]$/;

export type ParseResult = { ok: true; vault: VaultAddress } | { ok: false; reason: string };

/**
 * Parses what a user typed as a vault URL. Accepts `https://name.vault.azure.net[/...]`, a bare
 * `name.vault.azure.net`, or any other https host (an emulator or a custom cloud) with an optional port.
 */
export function parseVaultUrl(input: string): ParseResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: l10n.t('Enter the vault URL, for example {0}', 'https://contoso.vault.azure.net') };
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: l10n.t('"{0}" is not a URL. Use the form {1}', text, 'https://<vault-name>.vault.azure.net') };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: l10n.t('Key Vault is only reachable over https://') };
  if (parsed.username || parsed.password) return { ok: false, reason: l10n.t('A vault URL must not contain credentials') };
  const host = parsed.hostname.toLowerCase();
  const suffix = knownVaultDnsSuffixes.find((s) => host.endsWith(`.${s}`));
  const firstLabel = host.split('.')[0] ?? host;
  if (suffix) {
    if (host.split('.').length !== suffix.split('.').length + 1 || !vaultNamePattern.test(firstLabel)) {
      return { ok: false, reason: l10n.t('"{0}" is not a valid vault name: 3–24 letters, digits and hyphens, starting with a letter, no "--"', firstLabel) };
    }
  }
  const port = parsed.port ? `:${parsed.port}` : '';
  return { ok: true, vault: { url: `https://${host}${port}`, name: isIpAddress(host) ? `${host}${port}` : firstLabel, host } };
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * `https://host[:port]` in lower case: a vault's key (the same as VaultClients' vaultKey, which also insists on
 * https), or the input in lower case when it is not a URL. Loads no SDK.
 */
export function vaultOrigin(vaultUrl: string): string {
  try {
    return new URL(vaultUrl).origin.toLowerCase();
  } catch {
    return vaultUrl.toLowerCase();
  }
}
