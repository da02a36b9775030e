import * as vscode from 'vscode';
import type { AzureFailure } from '../azure/model';
import { CommandIds } from '../model/commandIds';
import type { TreeNode } from './TreeNode';

/** Where the "Learn more" of a 403 leads. */
const learnMore: Record<string, string> = {
  rbac: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide',
  policy: 'https://learn.microsoft.com/azure/key-vault/general/assign-access-policy',
  firewall: 'https://learn.microsoft.com/azure/key-vault/general/network-security',
  disabled: 'https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates',
  unknown: 'https://learn.microsoft.com/azure/key-vault/general/troubleshooting-access-issues',
};

/** A leaf that says something instead of showing children: an error with its action, or a hint. */
export class MessageNode implements TreeNode {
  private treeItem: vscode.TreeItem | undefined;

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    private readonly label: string,
    private readonly options: { tooltip?: string; icon?: vscode.ThemeIcon; command?: vscode.Command; contextValue?: string } = {},
  ) {}

  /** Turns a failure into a node whose click does the one useful thing: sign in, learn more, or retry. */
  static forFailure(parent: TreeNode, failure: AzureFailure): MessageNode {
    const id = `${parent.id}/error`;
    const tooltip = [failure.message, failure.action].filter(Boolean).join('\n\n');
    switch (failure.kind) {
      case 'signIn':
        return new MessageNode(id, parent, vscode.l10n.t('Sign in to Azure…'), {
          tooltip,
          icon: new vscode.ThemeIcon('sign-in'),
          command: { command: CommandIds.signIn, title: vscode.l10n.t('Sign in') },
          contextValue: 'message;signIn',
        });
      case 'forbidden': {
        const reason = failure.forbiddenReason ?? 'unknown';
        const what = { rbac: vscode.l10n.t('RBAC role missing'), policy: vscode.l10n.t('access policy'), firewall: vscode.l10n.t('firewall'), disabled: vscode.l10n.t('disabled'), unknown: vscode.l10n.t('access denied') }[reason];
        return new MessageNode(id, parent, vscode.l10n.t('No access: {0} — Learn more', what), {
          tooltip,
          icon: new vscode.ThemeIcon('lock', new vscode.ThemeColor('problemsWarningIcon.foreground')),
          command: { command: 'vscode.open', title: vscode.l10n.t('Learn more'), arguments: [vscode.Uri.parse(learnMore[reason] ?? learnMore.unknown!)] },
          contextValue: 'message;forbidden',
        });
      }
      default:
        return new MessageNode(id, parent, vscode.l10n.t('{0} — Retry', failure.message), {
          tooltip,
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
          command: { command: CommandIds.refresh, title: vscode.l10n.t('Retry'), arguments: [parent] },
          contextValue: 'message;retry',
        });
    }
  }

  getTreeItem(): vscode.TreeItem {
    if (this.treeItem) return this.treeItem;
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if (this.options.tooltip) item.tooltip = this.options.tooltip;
    if (this.options.icon) item.iconPath = this.options.icon;
    if (this.options.command) item.command = this.options.command;
    item.contextValue = this.options.contextValue ?? 'message';
    return (this.treeItem = item);
  }
}
