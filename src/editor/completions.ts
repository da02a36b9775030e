// Completions inside references: after `@Microsoft.KeyVault(` the user's vaults, then their secret names; after
// `az.getSecret(` the vaults (subscription, resource group and name at once), then secret names; after a Bicep
// vault symbol's `getSecret('` secret names. Names come from the cached listings (no value is ever listed).
import * as vscode from 'vscode';
import { loadReferences } from '../references/lazy';
import { itemState, stateText } from '../presentation/format';
import { kindName } from '../model/kindWords';
import type { VaultTarget } from '../model/targets';
import type { ReferenceLookups } from './lookups';

const retrigger = (): vscode.Command => ({ command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest') });

export class ReferenceCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['(', '=', ';', "'", '/', ','];

  constructor(private readonly lookups: ReferenceLookups) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.lookups.enabled) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const word = (partial: string) => new vscode.Range(position.translate(0, -partial.length), position);
    let m: RegExpExecArray | null;
    if ((m = /@Microsoft\.KeyVault\([^)]*VaultName=\s*([\w-]+)\s*;\s*SecretName=([\w-]*)$/i.exec(before))) {
      return this.secretNames(await this.lookups.resolveVault({ by: 'name', name: m[1]! }), word(m[2]!));
    }
    if ((m = /@Microsoft\.KeyVault\(\s*SecretUri=(https:\/\/[^/\s)]+)\/secrets\/([\w-]*)$/i.exec(before))) {
      return this.secretNames(await this.lookups.resolveVault({ by: 'url', url: m[1]! }), word(m[2]!), (n) => `${n}/`);
    }
    if ((m = /@Microsoft\.KeyVault\(\s*((?:VaultName|SecretUri)=[\w-]*)?$/i.exec(before))) {
      return this.appServiceVaults(word(m[1] ?? ''));
    }
    if ((m = /\baz\.getSecret\(\s*'([^']*)'\s*,\s*'([^']*)'\s*,\s*'([^']*)'\s*,\s*'([\w-]*)$/.exec(before))) {
      return this.secretNames(await this.lookups.resolveVault({ by: 'name', name: m[3]!, subscriptionId: m[1]!, resourceGroup: m[2]! }), word(m[4]!));
    }
    if ((m = /\baz\.getSecret\(\s*('?[\w-]*)$/.exec(before))) return this.getSecretVaults(word(m[1]!));
    if ((m = /\b([A-Za-z_]\w*)\.getSecret\(\s*'([\w-]*)$/.exec(before))) {
      const { bicepVaultSymbols } = await loadReferences();
      const vaultName = [...bicepVaultSymbols(document.getText()).entries()].find(([, symbol]) => symbol === m![1])?.[0];
      if (vaultName) return this.secretNames(await this.lookups.resolveVault({ by: 'name', name: vaultName }), word(m[2]!));
    }
    return undefined;
  }

  private async vaults(): Promise<VaultTarget[]> {
    return this.lookups.vaults().catch(() => []);
  }

  // Each label names the vault (VS Code cuts a long label's description first, and a vault's URI need not name it).
  private async appServiceVaults(range: vscode.Range): Promise<vscode.CompletionItem[]> {
    const items: vscode.CompletionItem[] = [];
    for (const vault of await this.vaults()) {
      const byName = new vscode.CompletionItem({ label: `VaultName=${vault.name};SecretName=`, description: vault.info?.resourceGroup ?? vault.vaultUrl }, vscode.CompletionItemKind.Module);
      byName.range = range;
      byName.command = retrigger();
      const uri = `SecretUri=${vault.vaultUrl}/secrets/`;
      const byUri = new vscode.CompletionItem({ label: `SecretUri=${vault.name}`, description: vault.vaultUrl }, vscode.CompletionItemKind.Module);
      byUri.insertText = uri;
      byUri.filterText = uri;
      byUri.detail = uri;
      byUri.range = range;
      byUri.command = retrigger();
      items.push(byName, byUri);
    }
    return items;
  }

  private async getSecretVaults(range: vscode.Range): Promise<vscode.CompletionItem[]> {
    return (await this.vaults()).map((vault) => {
      const item = new vscode.CompletionItem({ label: vault.name, description: vault.info ? `${vault.info.resourceGroup} · ${vault.info.subscriptionId}` : vault.vaultUrl }, vscode.CompletionItemKind.Module);
      const sub = vault.info?.subscriptionId ?? '${1:subscription-id}';
      const rg = vault.info?.resourceGroup ?? '${2:resource-group}';
      item.insertText = new vscode.SnippetString(`'${sub}', '${rg}', '${vault.name}', '$0`);
      item.filterText = `'${vault.name}`;
      item.range = range;
      item.command = retrigger();
      return item;
    });
  }

  private async secretNames(vault: VaultTarget | undefined, range: vscode.Range, insert: (name: string) => string = (n) => n): Promise<vscode.CompletionItem[] | undefined> {
    if (!vault) return undefined;
    const items = await this.lookups.index.list(vault.vaultUrl, 'secret').catch(() => []);
    const now = Date.now();
    return items.map((i) => {
      // The vault shows in the description; the state (disabled, expired…) and content type before it.
      const state = stateText(itemState(i, now, 0), i, now);
      const description = [state, i.managed ? kindName('certificate') : i.contentType, vault.name].filter(Boolean).join(' · ');
      const item = new vscode.CompletionItem({ label: i.name, description }, vscode.CompletionItemKind.Value);
      item.insertText = insert(i.name);
      item.range = range;
      item.detail = vscode.l10n.t('secret in {0}', vault.name);
      return item;
    });
  }
}
