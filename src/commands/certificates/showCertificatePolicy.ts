import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { detailsPath, showDocument } from '../items/documents';
import { policyDocument } from './certificateDocument';
import { readPolicy } from './readPolicy';

/** The certificate's policy in a read-only JSON document (one GET). */
export async function showCertificatePolicy(services: Services, target: ItemTarget): Promise<Record<string, unknown>> {
  const policy = await readPolicy(services, target);
  return showDocument(services, detailsPath(target.vault, 'certificate', target.name, 'policy', '-policy'), policyDocument(policy) ?? {});
}
