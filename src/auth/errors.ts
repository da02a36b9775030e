import * as vscode from 'vscode';

/** No usable session for the account/tenant: the user has to sign in (the tree shows a sign-in node). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';

  constructor(
    readonly tenantId: string | undefined,
    message = tenantId ? vscode.l10n.t('Sign in to tenant {0} to continue.', tenantId) : vscode.l10n.t('Sign in to Azure to continue.'),
  ) {
    super(message);
  }
}
