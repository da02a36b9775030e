/** No usable session for the account/tenant: the user has to sign in (the tree shows a sign-in node). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';

  constructor(
    readonly tenantId: string | undefined,
    message = tenantId ? `Sign in to tenant ${tenantId} to continue.` : 'Sign in to Azure to continue.',
  ) {
    super(message);
  }
}
