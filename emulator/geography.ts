// Azure regions → Azure geographies, for the one rule that needs them: a backup blob restores only into a vault of the
// same subscription and geography (backup.ts). Data, not logic: the `metadata.geography` ARM gives each region in
// `GET /subscriptions/{id}/locations` (what `az account list-locations` prints), as listed on
// https://azure.microsoft.com/explore/global-infrastructure/geographies/ ("Europe" is West and North Europe only; the
// newer European, Asian and American regions are geographies of their own, e.g. Germany, France, Sweden, Japan,
// Korea, Canada). Public cloud only; a location not in the table (a typo, a sovereign cloud, a region newer than the
// table) is a geography of its own, so two vaults in it still share a geography and nothing else does.

const GEOGRAPHIES: Readonly<Record<string, readonly string[]>> = {
  'United States': [
    'eastus', 'eastus2', 'eastus3', 'westus', 'westus2', 'westus3', 'centralus', 'northcentralus', 'southcentralus',
    'westcentralus', 'eastus2euap', 'centraluseuap',
  ],
  Europe: ['westeurope', 'northeurope'],
  'Asia Pacific': ['eastasia', 'southeastasia'],
  'United Kingdom': ['uksouth', 'ukwest'],
  Australia: ['australiaeast', 'australiasoutheast', 'australiacentral', 'australiacentral2'],
  Austria: ['austriaeast'],
  Belgium: ['belgiumcentral'],
  Brazil: ['brazilsouth', 'brazilsoutheast'],
  Canada: ['canadacentral', 'canadaeast'],
  Chile: ['chilecentral'],
  Denmark: ['denmarkeast'],
  France: ['francecentral', 'francesouth'],
  Germany: ['germanywestcentral', 'germanynorth'],
  India: ['centralindia', 'southindia', 'westindia', 'jioindiawest', 'jioindiacentral', 'indiasouthcentral'],
  Indonesia: ['indonesiacentral'],
  Israel: ['israelcentral'],
  Italy: ['italynorth'],
  Japan: ['japaneast', 'japanwest'],
  Korea: ['koreacentral', 'koreasouth'],
  Malaysia: ['malaysiawest'],
  Mexico: ['mexicocentral'],
  'New Zealand': ['newzealandnorth'],
  Norway: ['norwayeast', 'norwaywest'],
  Poland: ['polandcentral'],
  Qatar: ['qatarcentral'],
  'South Africa': ['southafricanorth', 'southafricawest'],
  Spain: ['spaincentral'],
  Sweden: ['swedencentral', 'swedensouth'],
  Switzerland: ['switzerlandnorth', 'switzerlandwest'],
  UAE: ['uaenorth', 'uaecentral'],
};

/** ARM's canonical form of a location: `West Europe`, `westeurope` and `WestEurope` are one region. */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** The Azure geography of a region (`westeurope` → `Europe`); an unknown location is a geography of its own. */
export function geographyOf(location: string): string {
  const region = normalizeLocation(location);
  for (const [geography, regions] of Object.entries(GEOGRAPHIES)) {
    if (regions.includes(region)) return geography;
  }
  return `location:${region}`;
}
