import type { CertificatePolicyInfo } from '../../azure/certificateModel';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';

/** The certificate's policy: one GET. */
export function readPolicy(services: Services, target: ItemTarget): Promise<CertificatePolicyInfo> {
  return request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.certificateOps.getCertificatePolicy(vaults, url, target.name, options));
}
