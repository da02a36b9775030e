// Compare Vaults… (issue 21): two vaults side by side — from a vault row (compared with a picked vault), two selected
// vault rows, or the palette (two picks). The sort order of the report is asked first (by difference or by name: a
// quick pick, the simplest that works), then every kind both vaults hold is read (./compareRead.ts: listings, one GET
// per vault per name in both) and the report opens as a read-only Markdown document (no value in it). The
// notification gives the counts and, when secrets differ, "Sync…" (Sync Secrets to Another Vault…, with this
// comparison: nothing is read again).
import * as vscode from 'vscode';
import { compareStatuses, syncCandidates, type CompareOrder, type KindComparison } from '../../model/bulk/compare';
import { compareMarkdown, compareStatusWord } from '../../model/bulk/compareMarkdown';
import { BulkCommandIds } from '../../model/commandIds';
import { kindsOf, type VaultTarget } from '../../model/targets';
import type { NoticeAction } from '../../platform/ui';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { pickVault } from '../targets';
import { compareVaultKinds, kindsInBoth } from './compareRead';
import type { SyncTarget } from './syncTarget';

/** What Compare Vaults returns (the e2e suite reads it): the vaults, the order chosen, and per kind its rows and counts. Never a value. */
export interface CompareReport {
  readonly a: string;
  readonly b: string;
  readonly order: CompareOrder;
  readonly kinds: readonly KindComparison[];
}

async function pickOrder(services: Services, a: VaultTarget, b: VaultTarget): Promise<CompareOrder> {
  const items: (vscode.QuickPickItem & { order: CompareOrder })[] = [
    { label: vscode.l10n.t('By difference'), description: vscode.l10n.t('only in one vault, differs, not compared, same — then by name'), order: 'difference' },
    { label: vscode.l10n.t('By name'), description: vscode.l10n.t('every name in alphabetical order, whatever its status'), order: 'name' },
  ];
  const picked = await services.ui.showQuickPick(items, { title: vscode.l10n.t('Compare {0} with {1}: how should the report be sorted?', a.name, b.name), placeHolder: vscode.l10n.t('The report opens as a read-only document') });
  if (!picked) throw new UserCancelled();
  return picked.order;
}

function kindWord(kind: KindComparison['kind']): string {
  return kind === 'secret' ? vscode.l10n.t('Secrets') : kind === 'key' ? vscode.l10n.t('Keys') : vscode.l10n.t('Certificates');
}

/** "Secrets: only in kv-a 1, only in kv-b 1, differs 3, not compared 1, same 1." per kind. */
function summary(a: VaultTarget, b: VaultTarget, kinds: readonly KindComparison[]): string {
  const names = { a: a.name, b: b.name };
  const parts = kinds.map((k) => `${kindWord(k.kind)}: ${compareStatuses.map((s) => `${compareStatusWord(s, names)} ${k.counts[s]}`).join(', ')}.`);
  return `${vscode.l10n.t('Compared {0} with {1}.', a.name, b.name)} ${parts.join(' ')}`;
}

export async function compareVaults(services: Services, target: VaultTarget, selection: readonly VaultTarget[] = []): Promise<CompareReport> {
  const others = selection.filter((v) => v.vaultUrl !== target.vaultUrl);
  if (others.length > 1) throw new Error(vscode.l10n.t('Select two vaults to compare ({0} are selected).', others.length + 1));
  const a = target;
  const b = others[0] ?? (await pickVault(services, vscode.l10n.t('Compare {0} with which vault?', a.name)));
  if (b.vaultUrl === a.vaultUrl) throw new Error(vscode.l10n.t('Choose another vault than {0} to compare it with.', a.name));
  const order = await pickOrder(services, a, b);
  const kinds = await compareVaultKinds(services, a, b, kindsInBoth(a, b));
  await services.documents.showReadOnly(`/${a.name}/bulk/compare ${a.name} with ${b.name}.md`, compareMarkdown({ a: a.name, b: b.name, order }, kinds), 'markdown');
  const secrets = kinds.find((k) => k.kind === 'secret');
  const actions: NoticeAction[] = [];
  if (secrets && kindsOf(b).includes('secret') && syncCandidates(secrets.rows).length > 0) {
    const handOver: SyncTarget = { source: a, target: b, compared: secrets.rows };
    actions.push({ title: vscode.l10n.t('Sync…'), run: () => vscode.commands.executeCommand(BulkCommandIds.syncSecrets, handOver) });
  }
  services.ui.notify(summary(a, b, kinds), { actions });
  return { a: a.name, b: b.name, order, kinds };
}
