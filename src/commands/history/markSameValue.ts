import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import { nodeCrypto } from '../../azure/nodeCrypto';
import { shortId } from '../../presentation/format';
import type { Services } from '../../services';
import type { ValueMark } from '../../tree/VaultView';
import { readSecretValue } from '../items/secretValue';
import { listVersions } from '../versionTargets';

export interface MarkResult {
  /** Version id → mark, for every version but the current one. */
  readonly marks: Record<string, ValueMark>;
  readonly current: string;
}

/**
 * Find Versions with the Current Value: reads each enabled version once (N GETs for N versions — the current one
 * included; no listing when the tree has every version loaded), keeps only a SHA-256 of the current value in memory
 * while it runs — never stored — and marks each version row "same value as current" or "different value" (disabled
 * versions cannot be read: "not compared"). Nothing is read until the user asks.
 */
export async function markSameValue(services: Services, target: ItemTarget): Promise<MarkResult> {
  const item: ItemTarget = { vault: target.vault, kind: 'secret', name: target.name };
  const versions = services.view.listedVersions(item) ?? (await listVersions(services, item));
  const [current, ...older] = versions;
  if (!current?.version) throw new Error(vscode.l10n.t('{0} has no version to compare.', target.name));
  if (older.length === 0) throw new Error(vscode.l10n.t('{0} has only one version: there is no older one.', target.name));
  const digest = (value: string): string => nodeCrypto().createHash('sha256').update(value, 'utf8').digest('base64');
  const currentDigest = digest((await readSecretValue(services, { ...item, version: current.version })).value);
  const marks = new Map<string, ValueMark>();
  for (const v of older) {
    if (!v.version) continue;
    if (v.enabled === false) {
      marks.set(v.version, 'unreadable');
      continue;
    }
    const { value } = await readSecretValue(services, { ...item, version: v.version });
    marks.set(v.version, digest(value) === currentDigest ? 'same' : 'different');
  }
  await services.view.markVersions(item, marks);
  const same = [...marks].filter(([, m]) => m === 'same').map(([v]) => shortId(v));
  const unreadable = [...marks.values()].filter((m) => m === 'unreadable').length;
  const summary =
    same.length === 0
      ? vscode.l10n.t('No older version of {0} holds the current value.', target.name)
      : vscode.l10n.t('{0} of {1} older versions of {2} hold the current value: {3}.', same.length, older.length, target.name, same.join(', '));
  services.ui.notify(unreadable > 0 ? `${summary} ${vscode.l10n.t('{0} disabled versions could not be read.', unreadable)}` : summary);
  services.log.info(`compared ${older.length} versions of secret ${target.name} of ${target.vault.name} with the current one: ${same.length} the same`);
  return { marks: Object.fromEntries(marks), current: current.version };
}
