// The composition root: builds the services, the view and the features, and wires them. Nothing else.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AzureClients } from './auth/azureClients';
import { AzureSession } from './auth/azureSession';
import { accessFeature } from './commands/access/feature';
import { agentFeature } from './commands/agent/feature';
import { backupsFeature } from './commands/backups/feature';
import { bulkFeature } from './commands/bulk/feature';
import { certificatesFeature } from './commands/certificates/feature';
import { busyMessage } from './commands/explain';
import { vaultsFeature } from './commands/vaults/feature';
import { expiryFeature } from './commands/expiry/feature';
import type { Feature } from './commands/feature';
import { keysFeature } from './commands/keys/feature';
import { registerFeatures } from './commands/registry';
import { secretsFeature } from './commands/secrets/feature';
import { referencesFeature } from './commands/references/feature';
import { historyFeature } from './commands/history/feature';
import { runFeature } from './commands/run/feature';
import { ReferenceDragController } from './editor/dragAndDrop';
import { VaultAccessChecks } from './platform/vaultAccess';
import { AttachedVaults } from './platform/attachedVaults';
import { KeyVaultDocuments } from './platform/documents/documents';
import { Operations } from './platform/operations';
import { LazyWorkspaceReferences } from './platform/referenceIndex/lazy';
import { startWhenShown } from './platform/referenceIndex/start';
import { SecretClipboard } from './platform/secretClipboard';
import { clientSettings, Settings } from './platform/settings';
import { ScriptableUi, vscodeUi } from './platform/ui';
import { ExpiryDecorations } from './presentation/expiryDecorations';
import type { Services } from './services';
import type { TestApi } from './testApi';
import { VaultTreeDataProvider } from './tree/VaultTreeDataProvider';
import { VaultView } from './tree/VaultView';

/** Every feature area, in the order their commands register. */
export const features: readonly Feature[] = [vaultsFeature, secretsFeature, keysFeature, certificatesFeature, accessFeature, referencesFeature, expiryFeature, historyFeature, backupsFeature, runFeature, bulkFeature, agentFeature];

/** Returns nothing to other extensions; in test mode (the e2e suite) the test-only entry of src/testApi.ts. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const log = vscode.window.createOutputChannel('Azure Key Vault', { log: true });
  const session = new AzureSession(log);
  const settings = new Settings();
  const clients = new AzureClients(session, () => ({ timeoutMs: settings.requestTimeoutSeconds() * 1000, retryAfterCapMs: settings.maxRetryWaitSeconds() * 1000 }));
  const operations = new Operations(busyMessage);
  const attachedVaults = new AttachedVaults(context.globalState);
  const decorations = new ExpiryDecorations(() => settings.expiryWarningDays());
  const access = new VaultAccessChecks(clients, log);
  // The workspace index of references: loaded and built in the background once the view is shown (or Find References asks).
  const workspaceReferences = new LazyWorkspaceReferences({
    log,
    parseOptions: () => session.referenceParseOptions(),
  });
  const tree = new VaultTreeDataProvider(
    {
      session,
      clients,
      log,
      now: () => Date.now(),
      pageSize: () => settings.pageSize(),
      expiryWarningDays: () => settings.expiryWarningDays(),
      expiryLoaded: (vaultUrl, kind, rollup, complete) => decorations.setLoaded(vaultUrl, kind, rollup, complete),
      usage: (query) => workspaceReferences.filesUsing(query),
      access,
    },
    attachedVaults,
    settings,
  );
  const treeView = vscode.window.createTreeView('azureKeyVault.vaults', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true, dragAndDropController: new ReferenceDragController() });
  const ui = testMode ? new ScriptableUi(vscodeUi) : vscodeUi;
  const services: Services = {
    context,
    log,
    ui,
    settings,
    session,
    clients,
    attachedVaults,
    view: new VaultView(tree, treeView),
    documents: new KeyVaultDocuments(log),
    clipboard: new SecretClipboard(vscode.env.clipboard, () => settings.clipboardClearSeconds(), log),
    decorations,
    operations,
    workspaceReferences,
    access,
  };
  // Which cloud and credential the running operations were started with: a change stops them.
  const cloudOf = (): string => JSON.stringify([session.cloud(), session.credentialKind()]);
  let cloud = cloudOf();
  /** After a change of the session: signed out → every running operation stops (and says so, once). */
  const stopIfSignedOut = async (): Promise<void> => {
    const now = cloudOf();
    if (now !== cloud) {
      cloud = now;
      for (const op of operations.stopAll('settingsChanged')) log.warn(`stopped "${op.title}": the cloud or credential settings changed`);
      return;
    }
    const account = await session.account().catch(() => undefined);
    if (!account) for (const op of operations.stopAll('signedOut')) log.warn(`stopped "${op.title}": signed out`);
  };
  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    services.view,
    services.documents,
    services.decorations,
    access,
    access.onDidChange((vaultUrl) => tree.accessChanged(vaultUrl)),
    access.onDidChangeNetwork((vaultUrl) => tree.networkChanged(vaultUrl)),
    workspaceReferences,
    workspaceReferences.onDidChange(() => tree.usageChanged()),
    startWhenShown(treeView, () => workspaceReferences.start()),
    clearOnExit(() => services.clipboard.dispose()),
    tree.onDidChangeAccount((label) => {
      treeView.description = label;
      void vscode.commands.executeCommand('setContext', 'azureKeyVault.signedIn', label !== undefined);
    }),
    clients.onWait((notice) => operations.waited(notice)),
    clients.onClientAddress(({ vaultUrl, address }) => access.clientAddressSeen(vaultUrl, address)),
    session.onDidChange(() => {
      clients.reset();
      access.forgetAll();
      tree.refresh();
      workspaceReferences.optionsChanged();
      void stopIfSignedOut();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['azureKeyVault.subscriptions', 'azureKeyVault.pageSize', 'azureKeyVault.expiryWarningDays'].some((s) => e.affectsConfiguration(s))) tree.refresh();
      // New limits apply to the next request of every vault; running operations keep theirs.
      if (clientSettings.some((s) => e.affectsConfiguration(s))) clients.reset();
    }),
    ...registerFeatures(services, features),
  );
  log.info('activated');
  return testMode && ui instanceof ScriptableUi ? { services, ui, tree, treeView } : undefined;
}

/**
 * What `deactivate` waits for. VS Code calls it without arguments and waits (up to 5 s) for the promise it
 * returns, then disposes context.subscriptions without waiting for anything — so a copied secret's clearing, the
 * one asynchronous cleanup that matters, is handed over here by activate. The only module-level state, by
 * necessity: nothing else can reach `deactivate`.
 */
const atExit = new Set<() => Promise<void>>();

/** Registers `task` for deactivate; the returned disposable runs it too (tasks return the same promise again). */
function clearOnExit(task: () => Promise<void>): vscode.Disposable {
  atExit.add(task);
  return { dispose: () => void task() };
}

/** Everything else is disposed through context.subscriptions; this returns the clipboard's clearing. */
export async function deactivate(): Promise<void> {
  const tasks = [...atExit];
  atExit.clear();
  await Promise.all(tasks.map((task) => task()));
}
