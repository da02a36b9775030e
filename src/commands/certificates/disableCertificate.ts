import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Disable the certificate (current version, or the chosen version); its key and secret follow. */
export function disableCertificate(services: Services, target: ItemTarget) {
  return setEnabled(services, target, false);
}
