// One auth challenge per vault, not per object kind (pure: type-only SDK imports).
//
// The SDK's keyVaultAuthenticationPolicy (@azure/keyvault-common) keeps its challenge state per client: a
// fresh KeyClient sends its first request without a token (and without its body), gets a 401, asks the
// credential for the challenge's scope and tenant, and sends again — even when the SecretClient of the same
// vault learned that scope and tenant a moment ago. This module shares what was learned, through public
// pipeline options only:
//
// - Each client gets its own credential wrapper. The auth policy only calls it once it holds a challenge (after
//   verifying the challenge resource, and after the token guard approved the scope), so a successful call tells
//   us the vault's scope and tenant. We record them on the vault, and mark that client as "the SDK has a token".
// - Each client gets a perCall policy, which the pipeline runs right before the auth policy (only the synchronous
//   ClientApiVersionPolicy sits between them). While the vault's scope is known and this client's auth policy
//   has no token of its own, it attaches a bearer token for that scope and tenant. The auth policy then sends
//   the request as is; no 401 round trip.
// - Writes stay intact: the auth policy withholds the body only from the FIRST request of a client (its "none"
//   state). We never pre-authorise a client's first request if it carries a body — that one takes the SDK's
//   normal challenge path, which restores the body. `started` is set synchronously right before `next()`, and
//   the auth policy leaves its "none" state synchronously inside that call, so the check can't race.
// - Refresh: a token is reused while it has more than 5 minutes left (and its refreshAfter has not passed),
//   else the credential is asked again (it refreshes); a 401 on a pre-authorised request drops the cached token
//   and the auth policy handles that 401 with its own challenge logic, after which the client manages its own
//   tokens (token cycler, CAE claims) and this policy stands aside.
// - Presumed before any challenge (issue 16: a list's first page in one round trip): when the vault was listed by
//   ARM, its tenant is known, and the scope its challenge would name is known too (its cloud's Key Vault DNS suffix;
//   for a local emulator, what another local vault's challenge named). Its first body-less request then goes out
//   authorised like a second client's, with the same token guard in front of the credential. If the vault refuses
//   that token (401), the SDK's own challenge takes over and the presumption is never used again for that vault.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';

export const sharedChallengePolicyName = 'keyVaultSharedChallengePolicy';

const REFRESH_MARGIN_MS = 5 * 60_000;

/** The scopes and tenant of a vault's auth challenge: learned from one, or presumed (see above). */
export interface Learned {
  readonly scopes: readonly string[];
  readonly tenantId?: string;
}

/** What the clients of one vault learned from its auth challenge. One per vault, shared by its three clients. */
export class VaultChallenge {
  private learned: Learned | undefined;
  private cached: AccessToken | undefined;

  /** Set once the vault refused a token sent on a presumption: from then on only its challenge counts. */
  private presumptionRefused = false;
  /** What `presume` answered, once it answered something (asked again while it has nothing to say). */
  private presumption: Learned | undefined;

  /**
   * @param credential the vault's (guarded) credential.
   * @param presume what its challenge would name, when that is known before any challenge (asked until it answers
   *   something, which is kept; undefined: nothing presumed yet).
   */
  constructor(
    private readonly credential: TokenCredential,
    private readonly presume: () => Learned | undefined = () => undefined,
  ) {}

  /** True once a client of this vault completed an auth challenge. */
  get known(): boolean {
    return this.learned !== undefined;
  }

  /** The scopes the vault's own challenge named, once one was completed. */
  get learnedScopes(): readonly string[] | undefined {
    return this.learned?.scopes;
  }

  /** The credential and the perCall policy for one new client of this vault. */
  forClient(): { credential: TokenCredential; policy: PipelinePolicy } {
    const client = { started: false, sdkHasToken: false };
    const credential: TokenCredential = {
      getToken: async (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
        const token = await this.credential.getToken(scopes, options);
        if (token) {
          client.sdkHasToken = true;
          this.learn(Array.isArray(scopes) ? scopes : [scopes], options, token);
        }
        return token;
      },
    };
    const policy: PipelinePolicy = {
      name: sharedChallengePolicyName,
      sendRequest: async (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
        const presumed = this.learned === undefined && !this.presumptionRefused;
        const learned = this.learned ?? (presumed ? (this.presumption ??= this.presume()) : undefined);
        const hasBody = request.body !== undefined && request.body !== null;
        let used: AccessToken | undefined;
        if (learned && !client.sdkHasToken && (client.started || !hasBody)) {
          // A presumption the credential (or the token guard in front of it) refuses is dropped: the SDK's own
          // challenge then decides, as if nothing had been presumed.
          used = presumed ? await this.tokenFor(learned, request.abortSignal).catch(() => void (this.presumptionRefused = true)) : await this.tokenFor(learned, request.abortSignal);
          if (used) request.headers.set('authorization', `Bearer ${used.token}`);
        }
        client.started = true;
        const response = await next(request);
        if (used && response.status === 401) {
          this.forget(used);
          if (presumed) this.presumptionRefused = true;
        }
        return response;
      },
    };
    return { credential, policy };
  }

  private learn(scopes: string[], options: GetTokenOptions | undefined, token: AccessToken): void {
    this.learned = { scopes: [...scopes], ...(options?.tenantId ? { tenantId: options.tenantId } : {}) };
    if (!options?.claims) this.cached = token;
  }

  private forget(token: AccessToken): void {
    if (this.cached === token) this.cached = undefined;
  }

  private async tokenFor(learned: Learned, abortSignal: PipelineRequest['abortSignal']): Promise<AccessToken | undefined> {
    const now = Date.now();
    const cached = this.cached;
    if (cached && cached.expiresOnTimestamp - now > REFRESH_MARGIN_MS && (cached.refreshAfterTimestamp === undefined || cached.refreshAfterTimestamp > now)) {
      return cached;
    }
    const fresh = await this.credential.getToken([...learned.scopes], {
      enableCae: true,
      ...(abortSignal ? { abortSignal } : {}),
      ...(learned.tenantId ? { tenantId: learned.tenantId } : {}),
    });
    if (fresh) this.cached = fresh;
    return fresh ?? undefined;
  }
}
