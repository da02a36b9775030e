// The clouds the extension knows. Endpoints, scopes and DNS suffixes come from here, never from literals
// scattered through the code.

export interface CloudEnvironment {
  readonly name: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'custom';
  /** VS Code authentication provider that signs in to this cloud. */
  readonly authProviderId: 'microsoft' | 'microsoft-sovereign-cloud';
  readonly resourceManagerEndpoint: string;
  readonly resourceManagerScope: string;
  readonly keyVaultDnsSuffix: string;
  readonly keyVaultScope: string;
  readonly portalUrl: string;
}

export const azureCloud: CloudEnvironment = {
  name: 'AzureCloud',
  authProviderId: 'microsoft',
  resourceManagerEndpoint: 'https://management.azure.com',
  resourceManagerScope: 'https://management.azure.com/.default',
  keyVaultDnsSuffix: 'vault.azure.net',
  keyVaultScope: 'https://vault.azure.net/.default',
  portalUrl: 'https://portal.azure.com',
};

export const chinaCloud: CloudEnvironment = {
  name: 'AzureChinaCloud',
  authProviderId: 'microsoft-sovereign-cloud',
  resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
  resourceManagerScope: 'https://management.chinacloudapi.cn/.default',
  keyVaultDnsSuffix: 'vault.azure.cn',
  keyVaultScope: 'https://vault.azure.cn/.default',
  portalUrl: 'https://portal.azure.cn',
};

export const usGovernmentCloud: CloudEnvironment = {
  name: 'AzureUSGovernment',
  authProviderId: 'microsoft-sovereign-cloud',
  resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
  resourceManagerScope: 'https://management.usgovcloudapi.net/.default',
  keyVaultDnsSuffix: 'vault.usgovcloudapi.net',
  keyVaultScope: 'https://vault.usgovcloudapi.net/.default',
  portalUrl: 'https://portal.azure.us',
};

/** Maps VS Code's `microsoft-sovereign-cloud.environment` setting to a cloud (undefined: the public cloud). */
export function cloudForSovereignSetting(environment: string | undefined): CloudEnvironment {
  switch (environment) {
    case 'ChinaCloud':
      return chinaCloud;
    case 'USGovernment':
      return usGovernmentCloud;
    default:
      return azureCloud;
  }
}
