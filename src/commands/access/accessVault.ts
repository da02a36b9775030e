import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { vaultOrigin } from '../../azure/vaultUrl';
import { vaultOfTarget, type VaultTarget } from '../../model/targets';
import type { TreeNode } from '../../tree/TreeNode';
import { pickVault, type TargetSpec } from '../targets';

/**
 * The vault an access command acts on: the row's (a vault or anything in one); a vault URL (the buttons of a
 * refusal pass it) matched against the vaults the user can see — a URL of no such vault is never trusted; or one
 * picked.
 */
export function accessVault(title: () => string): TargetSpec<VaultTarget> {
  return {
    async resolve(services, given) {
      const [first] = given;
      const fromRow = typeof first === 'object' && first !== null && 'getTreeItem' in first ? vaultOfTarget((first as TreeNode).target) : undefined;
      if (fromRow) return { target: fromRow, selection: [fromRow] };
      if (typeof first === 'string') {
        const origin = vaultOrigin(first);
        const known = (await listAllVaults(services)).find((v) => vaultOrigin(v.vaultUrl) === origin);
        if (known) return { target: known, selection: [known] };
      }
      const picked = await pickVault(services, title());
      return { target: picked, selection: [picked] };
    },
  };
}

/** A short "you (name)" for prompts. */
export function youAre(name: string | undefined): string {
  return name ? vscode.l10n.t('you ({0})', name) : vscode.l10n.t('you');
}
