import type * as vscode from 'vscode';
import { parseVaultUrl, type VaultAddress } from '../azure/vaultUrl';

const storageKey = 'azureKeyVault.attachedVaults';

/** Vaults the user attached by URL (kept in global state: URLs only, never anything secret). */
export class AttachedVaults {
  constructor(private readonly memento: vscode.Memento) {}

  list(): VaultAddress[] {
    const urls = this.memento.get<string[]>(storageKey, []);
    const vaults: VaultAddress[] = [];
    for (const url of urls) {
      const parsed = parseVaultUrl(url);
      if (parsed.ok) vaults.push(parsed.vault);
    }
    return vaults;
  }

  has(url: string): boolean {
    return this.list().some((v) => v.url === url);
  }

  async add(vault: VaultAddress): Promise<void> {
    if (this.has(vault.url)) return;
    await this.memento.update(storageKey, [...this.list().map((v) => v.url), vault.url]);
  }

  async remove(url: string): Promise<void> {
    await this.memento.update(
      storageKey,
      this.list().map((v) => v.url).filter((u) => u !== url),
    );
  }
}
