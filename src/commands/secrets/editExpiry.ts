import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { editSecretAttribute } from './editAttributes';

/** Edit Secret Expiry: straight to the date of the latest (or the chosen) version — an expired reference's quick fix. */
export function editSecretExpiry(services: Services, target: ItemTarget): ReturnType<typeof editSecretAttribute> {
  return editSecretAttribute(services, target, 'expiry');
}
