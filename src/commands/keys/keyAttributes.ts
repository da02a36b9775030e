// Read and update one key version's attributes (shared by Edit Expiry… and Edit Tags…).
import type { KeyDetails } from '../../azure/keyModel';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';

export function currentKey(services: Services, target: ItemTarget): Promise<KeyDetails> {
  return request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.keyOps.getKeyDetails(vaults, url, target.name, target.version, options));
}

export function updateKeyAttributes(services: Services, target: ItemTarget, change: { expiresOn?: Date; tags?: Record<string, string> }): Promise<KeyDetails> {
  return request(services, contextOf(target, 'update'), (sdk, vaults, url, options) => sdk.keyOps.updateKey(vaults, url, target.name, target.version, change, options));
}
