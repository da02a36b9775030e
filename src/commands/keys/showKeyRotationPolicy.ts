import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { detailsPath, showDocument } from '../items/documents';
import { rotationPolicyDocument } from './keyDocument';

/** The key's rotation policy in a read-only JSON document (one GET; the service's default when none is set). */
export async function showKeyRotationPolicy(services: Services, target: ItemTarget): Promise<Record<string, unknown>> {
  const policy = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.keyOps.getRotationPolicy(vaults, url, target.name, options));
  return showDocument(services, detailsPath(target.vault, 'key', target.name, 'policy', '-rotation-policy'), rotationPolicyDocument(target.name, target.vault.name, policy));
}
