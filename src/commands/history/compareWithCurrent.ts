import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { readSecretValue } from '../items/secretValue';
import { openComparison, type Opened } from './comparison';

/**
 * Compare with Current: a version's value and attributes beside the current version's, in the diff editor — two
 * GETs (the version, then the latest), nothing else. On the current version itself it says so (no diff).
 */
export async function compareWithCurrent(services: Services, target: ItemTarget): Promise<Opened | undefined> {
  const older = await readSecretValue(services, target);
  const current = await readSecretValue(services, { vault: target.vault, kind: 'secret', name: target.name });
  if (current.properties.version === older.properties.version) {
    services.ui.notify(vscode.l10n.t('This is the current version of {0}: there is nothing to compare it with.', target.name));
    return undefined;
  }
  services.log.info(`comparing secret ${target.name} of ${target.vault.name}: ${older.properties.version?.slice(0, 8)} with the current version (read-only, in memory)`);
  return openComparison(services, { target, secret: older }, { target, secret: current, current: true });
}
