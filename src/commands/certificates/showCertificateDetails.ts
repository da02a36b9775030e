import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { detailsPath, showDocument } from '../items/documents';
import { certificateDocument } from './certificateDocument';

/**
 * Details of a certificate (or version) in a read-only `keyvault:` JSON document, parsed from its public `cer`
 * with node:crypto: subject, SANs, issuer, SHA-1/SHA-256 thumbprints, validity, key type, exportable, content
 * type and the policy. One GET for the current version (two for an older one: the policy is the certificate's).
 */
export async function showCertificateDetails(services: Services, target: ItemTarget): Promise<Record<string, unknown>> {
  const details = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.certificateOps.getCertificateDetails(vaults, url, target.name, target.version, options));
  return showDocument(services, detailsPath(target.vault, 'certificate', target.name, target.version), certificateDocument(details, target.vault.name));
}
