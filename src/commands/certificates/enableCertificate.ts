import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Enable the certificate (current version, or the chosen version); its key and secret follow. */
export function enableCertificate(services: Services, target: ItemTarget) {
  return setEnabled(services, target, true);
}
