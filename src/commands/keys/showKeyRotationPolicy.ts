import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { detailsPath, request, showDocument } from './common';
import { rotationPolicyDocument } from './keyDocument';

/** The key's rotation policy in a read-only JSON document (one GET; the service's default when none is set). */
export async function showKeyRotationPolicy(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'key', node);
  const policy = await request(services, 'key', 'read', target, (sdk, vaults, url) => sdk.keyOps.getRotationPolicy(vaults, url, target.name));
  return showDocument(services, detailsPath(target.vault, 'key', target.name, 'policy', '-rotation-policy'), rotationPolicyDocument(target.name, target.vault.name, policy));
}
