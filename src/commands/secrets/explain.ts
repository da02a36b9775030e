// Service failures of secret commands in the user's terms (pure: no vscode, unit-tested): which permission is
// missing and how to get it, a deleted name, a disabled secret, throttling after the backoff. Never a value.
import * as l10n from '@vscode/l10n';
import type { AzureFailure } from '../../azure/model';
import type { VaultTarget } from '../../model/targets';

export type SecretOperation = 'read' | 'list' | 'write' | 'update' | 'delete' | 'recover' | 'purge';

/** "Could not read the value of {0}:", one whole clause per operation ({0}: the secret in its vault, or the vault). */
function headOf(operation: SecretOperation, what: string): string {
  switch (operation) {
    case 'read':
      return l10n.t('Could not read the value of {0}:', what);
    case 'list':
      return l10n.t('Could not list the secrets of {0}:', what);
    case 'write':
      return l10n.t('Could not write a new version of {0}:', what);
    case 'update':
      return l10n.t('Could not change {0}:', what);
    case 'delete':
      return l10n.t('Could not delete {0}:', what);
    case 'recover':
      return l10n.t('Could not recover {0}:', what);
    case 'purge':
      return l10n.t('Could not purge {0}:', what);
  }
}

/** The access-policy permission each operation needs. */
const policyPermission: Record<SecretOperation, string> = {
  read: 'Get', list: 'List', write: 'Set', update: 'Set', delete: 'Delete', recover: 'Recover', purge: 'Purge',
};

export interface FailureContext {
  readonly operation: SecretOperation;
  readonly vault: VaultTarget;
  /** The secret's name (never a value). */
  readonly name?: string;
}

/** The sentence shown for a failure: what happened and what to do. Never a value. */
export function explainFailure(failure: AzureFailure, ctx: FailureContext): string {
  const what = ctx.name ? l10n.t('"{0}" in {1}', ctx.name, ctx.vault.name) : ctx.vault.name;
  const head = headOf(ctx.operation, what);
  if (failure.kind === 'forbidden') {
    const readOnly = ctx.operation === 'read' || ctx.operation === 'list';
    switch (failure.forbiddenReason) {
      case 'rbac':
        return l10n.t(
          '{0} your account has no Azure RBAC role for this on the vault. Ask for "{1}" on {2} (Access control (IAM) → Add role assignment). Role assignments can take up to 10 minutes to apply.',
          head,
          readOnly ? 'Key Vault Secrets User' : 'Key Vault Secrets Officer',
          ctx.vault.name,
        );
      case 'policy':
        return l10n.t(
          '{0} the vault\'s access policy does not give your account the secret permission "{1}". Ask the vault owner to add it under Access policies (or, with Azure RBAC, to assign you "Key Vault Secrets Officer").',
          head,
          policyPermission[ctx.operation],
        );
      case 'firewall':
        return l10n.t("{0} the vault's firewall does not allow requests from your network address. Add your address under Networking, or connect from an allowed network.", head);
      case 'disabled':
        return l10n.t('{0} the secret is disabled, so its value cannot be read. Enable it (or the version) first.', head);
      default:
        return `${head} ${failure.message} ${failure.action ?? ''}`.trim();
    }
  }
  if (failure.kind === 'throttled') {
    return l10n.t('{0} Key Vault kept throttling requests (HTTP 429) even after retrying with backoff (1, 2, 4, 8, 16 s). Wait a minute, then retry.', head);
  }
  if (isDeletedConflict(failure)) {
    return l10n.t('{0} a deleted secret with this name is still recoverable. Recover it, or purge it before reusing the name.', head);
  }
  if (failure.kind === 'notFound') {
    return l10n.t('{0} it was not found (deleted, or still being deleted or recovered). Refresh the view.', head);
  }
  return `${head} ${failure.message} ${failure.action ?? ''}`.trim();
}

/** A conflict caused by a soft-deleted object of the same name. */
export function isDeletedConflict(failure: AzureFailure): boolean {
  return failure.kind === 'conflict' && (failure.innerCode === 'ObjectIsDeletedButRecoverable' || failure.code === 'ObjectIsDeletedButRecoverable');
}
