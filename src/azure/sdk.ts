// Everything that needs an Azure SDK at run time is reached through this module (see lazy.ts).
import type { TokenCredential } from '@azure/core-auth';
import { SecretClient } from '@azure/keyvault-secrets';

export interface ClientOptions {
  /** Only for hosts that can never receive a real Entra token (a local emulator): see docs/ARCHITECTURE.md. */
  readonly disableChallengeResourceVerification?: boolean;
}

/** One data-plane client per vault and object kind, reused: the auth challenge happens once per vault. */
export class VaultClients {
  private readonly secretClients = new Map<string, SecretClient>();

  constructor(
    private readonly credential: TokenCredential,
    private readonly options: ClientOptions = {},
  ) {}

  secrets(vaultUrl: string): SecretClient {
    let client = this.secretClients.get(vaultUrl);
    if (!client) {
      client = new SecretClient(vaultUrl, this.credential, {
        disableChallengeResourceVerification: this.options.disableChallengeResourceVerification ?? false,
      });
      this.secretClients.set(vaultUrl, client);
    }
    return client;
  }
}
