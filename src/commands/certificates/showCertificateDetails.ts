import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { detailsPath, fail, vaultClients } from '../keys/common';
import { toJson } from '../keys/keyDocument';
import { resolveItem } from '../targets';
import { certificateDocument } from './certificateDocument';

/**
 * Details of a certificate (or version) in a read-only `keyvault:` JSON document, parsed from its public `cer`
 * with node:crypto: subject, SANs, issuer, SHA-1/SHA-256 thumbprints, validity, key type, exportable, content
 * type and the policy. One GET for the current version (two for an older one: the policy is the certificate's).
 */
export async function showCertificateDetails(services: Services, node?: TreeNode): Promise<Record<string, unknown>> {
  const target = await resolveItem(services, 'certificate', node);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let details;
  try {
    details = await sdk.certificateOps.getCertificateDetails(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    fail(error, 'certificate', 'read', target.vault, target.name);
  }
  const doc = certificateDocument(details, target.vault.name);
  await services.documents.showReadOnly(detailsPath(target.vault, 'certificate', target.name, target.version), toJson(doc), 'json');
  return doc;
}
