// Service failures of secret commands in the user's terms (pure: no vscode, unit-tested): which permission is
// missing and how to get it, a deleted name, a disabled secret, throttling after the backoff. Never a value.
import type { AzureFailure } from '../../azure/model';
import type { VaultTarget } from '../../tree/VaultNode';

export type SecretOperation = 'read' | 'list' | 'write' | 'update' | 'delete' | 'recover' | 'purge';

const verbs: Record<SecretOperation, string> = {
  read: 'read the value of',
  list: 'list the secrets of',
  write: 'write a new version of',
  update: 'change',
  delete: 'delete',
  recover: 'recover',
  purge: 'purge',
};

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
  const what = ctx.name ? `"${ctx.name}" in ${ctx.vault.name}` : ctx.vault.name;
  const head = `Could not ${verbs[ctx.operation]} ${what}:`;
  if (failure.kind === 'forbidden') {
    const readOnly = ctx.operation === 'read' || ctx.operation === 'list';
    switch (failure.forbiddenReason) {
      case 'rbac':
        return `${head} your account has no Azure RBAC role for this on the vault. Ask for "${readOnly ? 'Key Vault Secrets User' : 'Key Vault Secrets Officer'}" on ${ctx.vault.name} (Access control (IAM) → Add role assignment). Role assignments can take up to 10 minutes to apply.`;
      case 'policy':
        return `${head} the vault's access policy does not give your account the secret permission "${policyPermission[ctx.operation]}". Ask the vault owner to add it under Access policies (or, with Azure RBAC, to assign you "Key Vault Secrets Officer").`;
      case 'firewall':
        return `${head} the vault's firewall does not allow requests from your network address. Add your address under Networking, or connect from an allowed network.`;
      case 'disabled':
        return `${head} the secret is disabled, so its value cannot be read. Enable it (or the version) first.`;
      default:
        return `${head} ${failure.message} ${failure.action ?? ''}`.trim();
    }
  }
  if (failure.kind === 'throttled') {
    return `${head} Key Vault kept throttling requests (HTTP 429) even after retrying with backoff (1, 2, 4, 8, 16 s). Wait a minute, then retry.`;
  }
  if (isDeletedConflict(failure)) {
    return `${head} a deleted secret with this name is still recoverable. Recover it, or purge it before reusing the name.`;
  }
  if (failure.kind === 'notFound') {
    return `${head} it was not found (deleted, or still being deleted or recovered). Refresh the view.`;
  }
  return `${head} ${failure.message} ${failure.action ?? ''}`.trim();
}

/** A conflict caused by a soft-deleted object of the same name. */
export function isDeletedConflict(failure: AzureFailure): boolean {
  return failure.kind === 'conflict' && (failure.innerCode === 'ObjectIsDeletedButRecoverable' || failure.code === 'ObjectIsDeletedButRecoverable');
}
