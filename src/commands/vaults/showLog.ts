import type { Services } from '../../services';

/** Shows the extension's log (names and operations, never values). */
export function showLog(services: Services): void {
  services.log.show(true);
}
