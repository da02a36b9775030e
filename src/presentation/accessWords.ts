// A vault's access verdict (src/model/access) in a vault row's tooltip: a few lines of markdown, every name from
// Azure as text (mdText). Pure: @vscode/l10n only.
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../azure/model';
import { kindAccessSummary, roleName, type VaultAccess } from '../model/access';
import { groupLabel } from '../model/kindWords';
import { mdText } from './markdown';

const KINDS: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

/** "Your access (Azure RBAC)" and what it allows per kind, the roles or policy, the network, what is unknown. */
export function accessTooltipLines(access: VaultAccess): string[] {
  const lines: string[] = [];
  if (access.model === 'unknown') {
    lines.push(l10n.t('**Your access**: unknown'));
  } else {
    lines.push(access.model === 'rbac' ? l10n.t('**Your access** (Azure RBAC)') : l10n.t('**Your access** (access policy)'));
    lines.push(KINDS.map((kind) => `${groupLabel(kind)}: ${mdText(kindAccessSummary(access.capabilities[kind]))}`).join(' · '));
  }
  if (access.roles.length > 0) {
    lines.push(l10n.t('Roles: {0}', access.roles.map((r) => mdText(roleName(r))).join(', ')));
  } else if (access.model === 'rbac' && !access.problem) {
    lines.push(l10n.t('Roles: none that reach this vault'));
  }
  if (access.model === 'accessPolicy' && access.policies.length === 0) lines.push(l10n.t('No access policy names you'));
  const network = networkLine(access);
  if (network) lines.push(network);
  if (access.problem) lines.push(mdText(access.problem));
  lines.push(l10n.t('Details: Show My Access'));
  return lines;
}

function networkLine(access: VaultAccess): string | undefined {
  const n = access.network;
  switch (n.state) {
    case 'closed':
      return l10n.t('Network: public access disabled (private endpoints only)');
    case 'firewall':
      if (n.allowed === true) return l10n.t('Network: firewall on, your address {0} is allowed', mdText(n.clientIp ?? ''));
      if (n.allowed === false) {
        return n.clientIp
          ? l10n.t('Network: firewall on, your address {0} is not in its rules', mdText(n.clientIp))
          : l10n.t('Network: firewall on, no rule lets a public address in');
      }
      return l10n.t('Network: firewall on ({0} address rules): whether it lets you in is unknown', n.ipRuleCount);
    case 'open':
    case 'unknown':
      return undefined;
  }
}
