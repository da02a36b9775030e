import * as vscode from 'vscode';
import type { SubscriptionInfo } from '../../azure/model';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/** Multi-select of the subscriptions to show; persisted in the `azureKeyVault.subscriptions` setting. */
export async function selectSubscriptions(services: Services): Promise<void> {
  const { arm } = await services.clients.get();
  const tenants = await arm.listTenants();
  const all: SubscriptionInfo[] = [];
  const skipped: string[] = [];
  for (const tenant of tenants) {
    try {
      all.push(...(await arm.listSubscriptions(tenant.tenantId)));
    } catch {
      skipped.push(tenant.displayName ?? tenant.tenantId);
    }
  }
  const config = vscode.workspace.getConfiguration('azureKeyVault');
  const selected = config.get<string[]>('subscriptions', []);
  const tenantName = new Map(tenants.map((t) => [t.tenantId, t.displayName ?? t.tenantId]));
  const items = all
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((s) => ({ label: s.displayName, description: `${s.subscriptionId} · ${tenantName.get(s.tenantId) ?? s.tenantId}`, picked: selected.length === 0 || selected.includes(s.subscriptionId), subscription: s }));
  const picked = await services.ui.showQuickPick(items, {
    title: vscode.l10n.t('Subscriptions to show in Azure Key Vault'),
    canPickMany: true,
    placeHolder: skipped.length ? vscode.l10n.t('Not listed (sign in to them first): {0}', skipped.join(', ')) : vscode.l10n.t('Pick the subscriptions to show'),
  });
  if (!picked) throw new UserCancelled();
  const chosen = (Array.isArray(picked) ? picked : [picked]) as typeof items;
  const value = chosen.length === all.length ? [] : chosen.map((p) => p.subscription.subscriptionId);
  await config.update('subscriptions', value, vscode.ConfigurationTarget.Global);
  services.view.refreshAll();
}
