// The api-versions the emulated services accept, vendored with their sources, and what differs between them.
//
// Data plane (Key Vault): every version folder of the REST specs, Azure/azure-rest-api-specs
// `specification/keyvault/data-plane/Microsoft.KeyVault/{stable,preview}/<version>/` (2015-06-01 … 2025-07-01, the
// 7.x previews, 2025-06-01-preview, 2025-07-01-preview (keys.json only), 2026-01-01-preview) and the TypeSpec
// `specification/keyvault/Security.KeyVault.*/main.tsp` `Versions` enums; `2026-04-01` is the `KnownVersions` /
// `LATEST_API_VERSION` of @azure/keyvault-secrets 4.12.0 (npm), generated from those specs. The service refuses any
// other with 400 `BadParameter` "The specified version (x) is not recognized. Consider using the latest supported
// version (y)." (wording of real answers quoted in Azure/azure-sdk-for-python#28595 and Azure/azure-sdk-for-net#14789;
// the service names its newest stable version and does not list the others).
//
// ARM: Microsoft.KeyVault vaults from `specification/keyvault/resource-manager/Microsoft.KeyVault/KeyVault/readme.md`
// (2015-06-01 … 2025-05-01) plus the TypeSpec versions 2026-02-01 (the default of @azure/arm-keyvault 5) and
// 2026-04-01 (examples in the specs) and 2014-12-19-preview (listed by the resource provider in real
// `NoRegisteredProviderFound` answers, Azure/azure-rest-api-specs#11929); Microsoft.Resources (tenants,
// subscriptions, resources) as ARM listed them in a 2025 `InvalidApiVersionParameter` answer quoted in
// Azure/azure-cli#31964; Microsoft.ResourceGraph `resources` from
// `specification/resourcegraph/resource-manager/Microsoft.ResourceGraph/ResourceGraph/readme.md`.

import { EmuError } from './errors';

/** A data-plane version and the release line whose response shapes it has (a preview has its stable's shapes). */
interface DataPlaneVersion {
  readonly version: string;
  readonly line: number;
}

const DATA_PLANE: readonly DataPlaneVersion[] = [
  { version: '2015-06-01', line: 0 },
  { version: '2016-10-01', line: 1 },
  { version: '7.0-preview', line: 2 },
  { version: '7.0', line: 2 },
  { version: '7.1-preview', line: 3 },
  { version: '7.1', line: 3 },
  { version: '7.2-preview', line: 4 },
  { version: '7.2', line: 4 },
  { version: '7.3-preview', line: 5 },
  { version: '7.3', line: 5 },
  { version: '7.4-preview.1', line: 6 },
  { version: '7.4', line: 6 },
  { version: '7.5-preview.1', line: 7 },
  { version: '7.5', line: 7 },
  { version: '7.6-preview.1', line: 8 },
  { version: '7.6-preview.2', line: 8 },
  { version: '7.6', line: 8 },
  { version: '2025-06-01-preview', line: 9 },
  { version: '2025-06-01', line: 9 },
  { version: '2025-07-01-preview', line: 10 },
  { version: '2025-07-01', line: 10 },
  { version: '2026-01-01-preview', line: 11 },
  { version: '2026-04-01', line: 12 },
];

/** Every data-plane api-version the service accepts, oldest first. */
export const SUPPORTED_API_VERSIONS: readonly string[] = DATA_PLANE.map((v) => v.version);

/** The newest stable version: the one the service names when it refuses a version. */
export const LATEST_API_VERSION = '2026-04-01';

function lineOf(version: string): number | undefined {
  return DATA_PLANE.find((v) => v.version === version)?.line;
}

export function isSupportedApiVersion(version: string): boolean {
  return lineOf(version) !== undefined;
}

export function unsupportedApiVersionMessage(version: string): string {
  return `The specified version (${version}) is not recognized. Consider using the latest supported version (${LATEST_API_VERSION}).`;
}

/**
 * Response properties that exist only from a version on (the specs' bundle and attribute definitions): older
 * versions do not return them. `parent` limits a rule to properties of an object held under that key.
 */
const INTRODUCED: readonly { readonly name: string; readonly parent?: string; readonly since: string }[] = [
  { name: 'recoveryLevel', parent: 'attributes', since: '2016-10-01' },
  { name: 'recoverableDays', parent: 'attributes', since: '7.1' },
  { name: 'exportable', parent: 'attributes', since: '7.3' },
  { name: 'release_policy', since: '7.3' },
  { name: 'hsmPlatform', parent: 'attributes', since: '7.5' },
  { name: 'preserveCertOrder', since: '7.6' },
];

type Json = unknown;

function strip(node: Json, parent: string | undefined, hidden: readonly { name: string; parent?: string }[]): Json {
  if (Array.isArray(node)) {
    return node.map((item: Json) => strip(item, parent, hidden));
  }
  if (typeof node !== 'object' || node === null || Object.getPrototypeOf(node) !== Object.prototype) {
    return node;
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node as Record<string, Json>)) {
    if (hidden.some((h) => h.name === key && (h.parent === undefined || h.parent === parent))) continue;
    out[key] = strip(value, key, hidden);
  }
  return out;
}

/** A response body in the shape of `version`: properties the version does not define are left out. */
export function shapeForVersion(body: Json, version: string): Json {
  const line = lineOf(version);
  if (line === undefined) return body;
  const hidden = INTRODUCED.filter((r) => line < (lineOf(r.since) ?? 0));
  return hidden.length === 0 ? body : strip(body, undefined, hidden);
}

/** Microsoft.KeyVault `vaults`, `deletedVaults` (and `locations/deletedVaults`): the resource provider's list. */
export const KEYVAULT_ARM_API_VERSIONS: readonly string[] = [
  '2014-12-19-preview', '2015-06-01', '2016-10-01', '2018-02-14-preview', '2018-02-14', '2019-09-01',
  '2020-04-01-preview', '2021-04-01-preview', '2021-06-01-preview', '2021-10-01', '2021-11-01-preview',
  '2022-02-01-preview', '2022-07-01', '2022-11-01', '2023-02-01', '2023-07-01', '2024-04-01-preview', '2024-11-01',
  '2024-12-01-preview', '2025-05-01', '2026-02-01', '2026-04-01',
];

/** Microsoft.Resources (`/tenants`, `/subscriptions`, `/subscriptions/{id}/resources`), in ARM's order. */
export const RESOURCES_ARM_API_VERSIONS: readonly string[] = [
  '2025-04-01', '2025-03-01', '2024-10-01-preview', '2024-11-01', '2024-08-01', '2024-07-01', '2024-06-01-preview',
  '2024-03-01', '2023-07-01', '2023-07-01-preview', '2023-03-01-preview', '2022-12-01', '2022-11-01-preview',
  '2022-09-01', '2022-06-01', '2022-05-01', '2022-03-01-preview', '2022-01-01', '2021-04-01', '2021-01-01',
  '2020-10-01', '2020-09-01', '2020-08-01', '2020-07-01', '2020-06-01', '2020-05-01', '2020-01-01', '2019-11-01',
  '2019-10-01', '2019-09-01', '2019-08-01', '2019-07-01', '2019-06-01', '2019-05-10', '2019-05-01', '2019-03-01',
  '2018-11-01', '2018-09-01', '2018-08-01', '2018-07-01', '2018-06-01', '2018-05-01', '2018-02-01', '2018-01-01',
  '2017-12-01', '2017-08-01', '2017-06-01', '2017-05-10', '2017-05-01', '2017-03-01', '2016-09-01', '2016-07-01',
  '2016-06-01', '2016-02-01', '2015-11-01', '2015-01-01', '2014-04-01-preview', '2014-04-01', '2014-01-01',
  '2013-03-01', '2014-02-26', '2014-04',
];

/** Microsoft.ResourceGraph `resources`. */
export const RESOURCE_GRAPH_API_VERSIONS: readonly string[] = [
  '2018-09-01-preview', '2019-04-01', '2020-04-01-preview', '2021-03-01', '2021-06-01-preview', '2022-10-01',
  '2023-09-01-preview', '2024-04-01',
];

/**
 * Microsoft.Authorization `permissions`, `roleAssignments`, `roleDefinitions`: the version folders of
 * `specification/authorization/resource-manager/Microsoft.Authorization` in Azure/azure-rest-api-specs that define
 * them (stable 2015-07-01 and 2022-04-01 — the one @azure/arm-authorization 9.0.0 sends — and the previews
 * 2018-01-01-preview, 2020-10-01-preview and 2022-05-01-preview whose examples the SDK samples cite).
 */
export const AUTHORIZATION_ARM_API_VERSIONS: readonly string[] = [
  '2015-07-01', '2018-01-01-preview', '2020-10-01-preview', '2022-04-01', '2022-05-01-preview',
];

/**
 * ARM's 400 for an api-version the addressed provider does not list: Microsoft.Resources answers
 * `InvalidApiVersionParameter` ("The api-version 'x' is invalid. The supported versions are '…'."), a resource
 * provider's type `InvalidResourceType` ("The resource type 'vaults' could not be found in the namespace
 * 'Microsoft.KeyVault' for api version 'x'. The supported api-versions are '…'.", as quoted for deletedVaults in
 * Azure/azure-sdk-tools eng/common/scripts/Helpers/Resource-Helpers.ps1). Undefined when the version is accepted;
 * `filter` is the request's `$filter`.
 */
export function armApiVersionError(path: string, version: string, filter?: string | null): EmuError | undefined {
  // `…/providers/Microsoft.Authorization/{type}` (also below a vault: the last provider segment addresses the call).
  const auth = /\/providers\/Microsoft\.Authorization\/([^/]+)/i.exec(path);
  if (auth) {
    if (AUTHORIZATION_ARM_API_VERSIONS.includes(version)) return undefined;
    return new EmuError(
      400,
      'InvalidResourceType',
      `The resource type '${auth[1]}' could not be found in the namespace 'Microsoft.Authorization' for api version '${version}'. ` +
        `The supported api-versions are '${AUTHORIZATION_ARM_API_VERSIONS.join(',')}'.`,
    );
  }
  const m = /\/providers\/(Microsoft\.[A-Za-z]+)\/([^/]+)(?:\/[^/]+\/([^/]+))?/i.exec(path);
  const namespace = m?.[1]?.toLowerCase();
  if (namespace === 'microsoft.keyvault' || namespace === 'microsoft.resourcegraph') {
    const keyVault = namespace === 'microsoft.keyvault';
    const supported = keyVault ? KEYVAULT_ARM_API_VERSIONS : RESOURCE_GRAPH_API_VERSIONS;
    if (supported.includes(version)) return undefined;
    const first = m?.[2] ?? '';
    const type = first.toLowerCase() === 'locations' && m?.[3] ? `locations/${m[3]}` : first;
    return new EmuError(
      400,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${keyVault ? 'Microsoft.KeyVault' : 'Microsoft.ResourceGraph'}' ` +
        `for api version '${version}'. The supported api-versions are '${supported.join(',')}'.`,
    );
  }
  if (RESOURCES_ARM_API_VERSIONS.includes(version)) return undefined;
  // `/resources?$filter=resourceType eq 'Microsoft.KeyVault/vaults'` is also Key Vault's own Vaults_List: the
  // official example (listVault.json) and @azure/arm-keyvault 5 send it with the provider's version.
  if (/\/resources\/?$/i.test(path) && /resourceType\s+eq\s+'Microsoft\.KeyVault\//i.test(filter ?? '') && KEYVAULT_ARM_API_VERSIONS.includes(version)) {
    return undefined;
  }
  return new EmuError(
    400,
    'InvalidApiVersionParameter',
    `The api-version '${version}' is invalid. The supported versions are '${RESOURCES_ARM_API_VERSIONS.join(',')}'.`,
  );
}
