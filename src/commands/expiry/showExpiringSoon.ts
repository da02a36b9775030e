import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { classifyError } from '../../azure/errors';
import type { ObjectKind } from '../../azure/model';
import { kindsOf, type VaultTarget } from '../../model/targets';
import { relativeDays } from '../../presentation/format';
import { kindName, kindNames } from '../../model/kindWords';
import type { Services } from '../../services';
import { explainFailure, roleFor } from '../explain';
import { noteListing } from '../targets';
import { scanExpiring, type ExpiringEntry } from './expiringScan';

const icons: Record<ObjectKind, string> = { secret: 'lock', key: 'key', certificate: 'verified' };

export interface ExpiringSoonResult {
  readonly vaults: number;
  readonly requests: number;
  readonly entries: { vault: string; kind: ObjectKind; name: string; expiresOn: string; state: 'expired' | 'expiring' }[];
  readonly failures: { vault: string; kind: ObjectKind; message: string; role?: string }[];
  readonly truncated: string[];
}

/**
 * Expiring Soon…: every secret, key and certificate of every listed vault (attached and ARM, the selected
 * subscriptions) that is expired or expires within azureKeyVault.expiryWarningDays, soonest first, in a quick
 * pick; choosing one reveals it in the tree. The scan also badges vaults the tree has not loaded. Bounded:
 * see expiringScan.ts for the request count (reported in the log and returned).
 */
export async function showExpiringSoon(services: Services): Promise<ExpiringSoonResult> {
  const warningDays = services.settings.expiryWarningDays();
  const now = Date.now();
  const { vaults: clients } = await services.clients.get();
  const scan = await Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for expiring objects'), cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        progress.report({ message: vscode.l10n.t('listing vaults…') });
        const vaults = await listAllVaults(services);
        progress.report({ message: vscode.l10n.t('{0} of {1} vaults', 0, vaults.length) });
        const result = await scanExpiring<VaultTarget>(vaults, (url, kind, req) => clients.listItems(url, kind, req), {
          now, warningDays, signal: controller.signal, kinds: kindsOf, onVaultDone: (done, total) => progress.report({ message: vscode.l10n.t('{0} of {1} vaults', done, total), increment: 100 / Math.max(1, total) }),
        });
        return { vaults, result };
      } finally {
        listener.dispose();
      }
    }),
  );
  const { vaults, result } = scan;
  services.decorations.setScan(result.rollups);
  for (const vault of vaults) {
    const failed = result.failures.filter((f) => f.vault === vault);
    if (result.rollups.has(vault.vaultUrl)) await noteListing(services, vault, failed.length === 3 ? failed[0]!.error : undefined);
  }
  services.log.info(`expiring soon: ${result.entries.length} object(s) in ${vaults.length} vault(s), ${result.requests} list request(s), ${result.failures.length} failure(s)`);
  const summary: ExpiringSoonResult = {
    vaults: vaults.length,
    requests: result.requests,
    entries: result.entries.map((e) => ({ vault: e.vault.name, kind: e.kind, name: e.name, expiresOn: e.expiresOn.toISOString(), state: e.state })),
    // The role (or permission) of the kind that failed: keys and certificates have their own (explain.ts's table).
    failures: result.failures.map((f) => {
      const failure = classifyError(f.error);
      // Missing role: named up front (the explanation is long; a quick pick cuts its detail line).
      const role = failure.kind === 'forbidden' && failure.forbiddenReason === 'rbac' ? roleFor(f.kind, 'list') : undefined;
      return { vault: f.vault.name, kind: f.kind, message: explainFailure(failure, { kind: f.kind, operation: 'list', vault: f.vault }), ...(role ? { role } : {}) };
    }),
    truncated: result.truncated.map((v) => v.name),
  };
  type Item = vscode.QuickPickItem & { entry?: ExpiringEntry<VaultTarget> };
  const items: Item[] = result.entries.map((entry) => ({
    label: `$(${icons[entry.kind]}) ${entry.name}`,
    description: `${kindName(entry.kind)} · ${entry.vault.name}`,
    detail:
      entry.state === 'expired'
        ? vscode.l10n.t('$(error) expired {0} ({1})', relativeDays(entry.expiresOn, now), entry.expiresOn.toISOString().slice(0, 10))
        : vscode.l10n.t('$(warning) expires {0} ({1})', relativeDays(entry.expiresOn, now), entry.expiresOn.toISOString().slice(0, 10)),
    entry,
  }));
  if (summary.failures.length || summary.truncated.length) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  for (const f of summary.failures) {
    items.push({ label: vscode.l10n.t('$(circle-slash) {0}: could not list {1}', f.vault, kindNames(f.kind)), ...(f.role ? { description: vscode.l10n.t('needs "{0}"', f.role) } : {}), detail: f.message });
  }
  for (const t of summary.truncated) items.push({ label: vscode.l10n.t('$(info) {0}: more than 1,000 objects of a kind — only the first 1,000 were checked', t) });
  if (!result.entries.length) items.unshift({ label: vscode.l10n.t('$(pass) Nothing expires within {0} days in {1} vault(s)', warningDays, vaults.length) });
  const picked = await services.ui.showQuickPick(items, {
    title: vscode.l10n.t('Expired or expiring within {0} days — {1} in {2} vault(s)', warningDays, result.entries.length, vaults.length),
    placeHolder: vscode.l10n.t('Choose one to reveal it in the Vaults view'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.entry) {
    const id = await services.view.reveal(picked.entry, { focus: true }).catch(() => undefined);
    if (!id) throw new Error(vscode.l10n.t('{0} is not in the Vaults view (its subscription may be filtered out).', picked.entry.name));
  }
  return summary;
}
