// The clouds the extension knows. Endpoints, scopes and DNS suffixes come from here, never from literals
// scattered through the code. Pure: no vscode import (azureSession.ts hands in VS Code's `inspect()`).
import * as l10n from '@vscode/l10n';
import type { CloudEndpoints } from '../azure/model';
import { armSecurityFor } from '../azure/tokenGuard';

export type AuthProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export interface CloudEnvironment extends CloudEndpoints {
  readonly name: string;
  /** VS Code authentication provider that signs in to this cloud. */
  readonly authProviderId: AuthProviderId;
  readonly portalUrl: string;
}

export const azureCloud: CloudEnvironment = {
  name: 'AzureCloud',
  authProviderId: 'microsoft',
  resourceManagerEndpoint: 'https://management.azure.com',
  resourceManagerScope: 'https://management.azure.com/.default',
  keyVaultDnsSuffix: 'vault.azure.net',
  managedHsmDnsSuffix: 'managedhsm.azure.net',
  portalUrl: 'https://portal.azure.com',
};

export const chinaCloud: CloudEnvironment = {
  name: 'AzureChinaCloud',
  authProviderId: 'microsoft-sovereign-cloud',
  resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
  resourceManagerScope: 'https://management.chinacloudapi.cn/.default',
  keyVaultDnsSuffix: 'vault.azure.cn',
  managedHsmDnsSuffix: 'managedhsm.azure.cn',
  portalUrl: 'https://portal.azure.cn',
};

export const usGovernmentCloud: CloudEnvironment = {
  name: 'AzureUSGovernment',
  authProviderId: 'microsoft-sovereign-cloud',
  resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
  resourceManagerScope: 'https://management.usgovcloudapi.net/.default',
  keyVaultDnsSuffix: 'vault.usgovcloudapi.net',
  managedHsmDnsSuffix: 'managedhsm.usgovcloudapi.net',
  portalUrl: 'https://portal.azure.us',
};

/** `microsoft-sovereign-cloud.customEnvironment` as VS Code documents it (the fields we use). */
export interface SovereignCustomEnvironment {
  name?: string;
  portalUrl?: string;
  resourceManagerEndpointUrl?: string;
  activeDirectoryResourceId?: string;
  keyVaultDnsSuffix?: string;
}

/** `azureKeyVault.customCloud`: our own description of a custom cloud or a local emulator. */
export interface CustomCloudSetting {
  name?: string;
  authProvider?: AuthProviderId;
  resourceManagerEndpoint?: string;
  resourceManagerScope?: string;
  keyVaultDnsSuffix?: string;
  /** Optional: the cloud's Managed HSM DNS suffix. */
  managedHsmDnsSuffix?: string;
  portalUrl?: string;
}

export interface CloudSettings {
  /** `azureKeyVault.cloud`: auto follows VS Code's `microsoft-sovereign-cloud.environment`. */
  readonly cloud: string | undefined;
  readonly customCloud: CustomCloudSetting | undefined;
  readonly sovereignEnvironment: string | undefined;
  readonly sovereignCustomEnvironment: SovereignCustomEnvironment | undefined;
}

export type CloudResult = { ok: true; cloud: CloudEnvironment } | { ok: false; reason: string };

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function httpsUrl(value: string | undefined, what: string): string | { reason: string } {
  if (!value) return { reason: l10n.t('{0} is not set', what) };
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') return { reason: l10n.t('{0} must be an https:// URL', what) };
    return trimSlash(url.toString());
  } catch {
    return { reason: l10n.t('{0} ("{1}") is not a URL', what, value) };
  }
}

function fromCustom(setting: CustomCloudSetting | undefined): CloudResult {
  const endpoint = httpsUrl(setting?.resourceManagerEndpoint, 'azureKeyVault.customCloud.resourceManagerEndpoint');
  if (typeof endpoint !== 'string') return { ok: false, reason: endpoint.reason };
  const scope = setting?.resourceManagerScope || `${endpoint}/.default`;
  const suffix = (setting?.keyVaultDnsSuffix ?? '').replace(/^\./, '');
  if (!suffix) return { ok: false, reason: l10n.t('{0} is not set', 'azureKeyVault.customCloud.keyVaultDnsSuffix') };
  const hsmSuffix = (setting?.managedHsmDnsSuffix ?? '').replace(/^\./, '');
  return checkedArm({
    ok: true,
    cloud: {
      name: setting?.name || 'custom',
      authProviderId: setting?.authProvider ?? 'microsoft-sovereign-cloud',
      resourceManagerEndpoint: endpoint,
      resourceManagerScope: scope,
      keyVaultDnsSuffix: suffix,
      ...(hsmSuffix ? { managedHsmDnsSuffix: hsmSuffix } : {}),
      portalUrl: setting?.portalUrl ? trimSlash(setting.portalUrl) : azureCloud.portalUrl,
    },
  });
}

function fromSovereign(environment: string | undefined, custom: SovereignCustomEnvironment | undefined): CloudResult {
  switch (environment) {
    case undefined:
    case '':
      return { ok: true, cloud: azureCloud };
    case 'ChinaCloud':
      return { ok: true, cloud: chinaCloud };
    case 'USGovernment':
      return { ok: true, cloud: usGovernmentCloud };
    case 'custom': {
      const resource = custom?.activeDirectoryResourceId ? trimSlash(custom.activeDirectoryResourceId) : undefined;
      const result = fromCustom({
        name: custom?.name,
        authProvider: 'microsoft-sovereign-cloud',
        resourceManagerEndpoint: custom?.resourceManagerEndpointUrl,
        resourceManagerScope: resource ? `${resource}/.default` : undefined,
        keyVaultDnsSuffix: custom?.keyVaultDnsSuffix,
        portalUrl: custom?.portalUrl,
      });
      return result.ok ? result : { ok: false, reason: `microsoft-sovereign-cloud.customEnvironment: ${result.reason.replace(/^azureKeyVault\.customCloud(?:\.|: )/, '')}` };
    }
    default:
      return { ok: false, reason: l10n.t('{0} "{1}" is not one of {2}', 'microsoft-sovereign-cloud.environment', environment, 'ChinaCloud, USGovernment, custom') };
  }
}

/** What VS Code's `WorkspaceConfiguration.inspect()` reports about one setting (the fields read here). */
export interface InspectedSetting {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The value of an endpoint-bearing setting: the user's (VS Code reports user and remote machine settings as
 * `globalValue`), else the default — never a workspace or folder value. Any repository can put those in its
 * `.vscode/settings.json`, trusted or not, and VS Code declares `microsoft-sovereign-cloud.*` without a scope.
 */
export function userValue(inspected: InspectedSetting | undefined): unknown {
  return inspected?.globalValue ?? inspected?.defaultValue;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const record = <T>(value: unknown): T | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined);

/** The cloud settings from user (or machine) scope only; `inspect(section, key)` is VS Code's. */
export function cloudSettingsFrom(inspect: (section: string, key: string) => InspectedSetting | undefined): CloudSettings {
  return {
    cloud: text(userValue(inspect('azureKeyVault', 'cloud'))),
    customCloud: record<CustomCloudSetting>(userValue(inspect('azureKeyVault', 'customCloud'))),
    sovereignEnvironment: text(userValue(inspect('microsoft-sovereign-cloud', 'environment'))),
    sovereignCustomEnvironment: record<SovereignCustomEnvironment>(userValue(inspect('microsoft-sovereign-cloud', 'customEnvironment'))),
  };
}

/** Refuses a custom cloud whose ARM audience must not go to its endpoint (the ARM token guard's rule, said early). */
function checkedArm(result: CloudResult): CloudResult {
  if (!result.ok) return result;
  try {
    armSecurityFor(result.cloud).guard(result.cloud.resourceManagerScope);
    return result;
  } catch {
    return { ok: false, reason: l10n.t('{0}: a token for {1} must not be sent to {2}', 'azureKeyVault.customCloud', result.cloud.resourceManagerScope, result.cloud.resourceManagerEndpoint) };
  }
}

/** Decides the cloud from the settings; a clear reason when they are inconsistent. */
export function resolveCloud(settings: CloudSettings): CloudResult {
  switch (settings.cloud ?? 'auto') {
    case 'auto':
      return fromSovereign(settings.sovereignEnvironment, settings.sovereignCustomEnvironment);
    case 'AzureCloud':
      return { ok: true, cloud: azureCloud };
    case 'AzureChinaCloud':
      return { ok: true, cloud: chinaCloud };
    case 'AzureUSGovernment':
      return { ok: true, cloud: usGovernmentCloud };
    case 'custom':
      return fromCustom(settings.customCloud);
    default:
      return { ok: false, reason: l10n.t('{0} "{1}" is not a known cloud', 'azureKeyVault.cloud', String(settings.cloud)) };
  }
}

/** Portal link for a resource id (vault) in the given cloud. */
export function portalResourceUrl(cloud: CloudEnvironment, resourceId: string): string {
  return `${cloud.portalUrl}/#@/resource${resourceId}`;
}
