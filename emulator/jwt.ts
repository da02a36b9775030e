// Access tokens: JWTs signed RS256 with a key generated at start and published at the login server's jwks_uri.
import * as crypto from 'node:crypto';

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  sub: string;
  ver: string;
  appid?: string;
  azp?: string;
  scp?: string;
  roles?: string[];
  upn?: string;
  preferred_username?: string;
  name?: string;
  idtyp?: string;
  typ?: string;
  [extra: string]: unknown;
}

export type VerifyResult =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'notYetValid'; readonly claims?: TokenClaims };

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class TokenSigner {
  private constructor(
    private readonly privateKey: crypto.KeyObject,
    private readonly publicKey: crypto.KeyObject,
    readonly kid: string,
  ) {}

  static async create(): Promise<TokenSigner> {
    const { privateKey, publicKey } = await new Promise<{ privateKey: crypto.KeyObject; publicKey: crypto.KeyObject }>(
      (resolve, reject) => {
        crypto.generateKeyPair('rsa', { modulusLength: 2048 }, (err, pub, priv) => (err ? reject(err) : resolve({ privateKey: priv, publicKey: pub })));
      },
    );
    const jwk = publicKey.export({ format: 'jwk' });
    const kid = crypto.createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 27);
    return new TokenSigner(privateKey, publicKey, kid);
  }

  sign(claims: TokenClaims | Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), this.privateKey);
    return `${header}.${payload}.${signature.toString('base64url')}`;
  }

  /** Checks shape, signature and time window (`nowSec` is real time). Audience and tenant are the caller's job. */
  verify(token: string, nowSec: number): VerifyResult {
    const parts = token.split('.');
    if (parts.length !== 3) {
      return { ok: false, reason: 'malformed' };
    }
    const [h, p, s] = parts as [string, string, string];
    let claims: TokenClaims;
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as TokenClaims;
      if (header.alg !== 'RS256' || typeof claims !== 'object' || claims === null) {
        return { ok: false, reason: 'malformed' };
      }
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const good = crypto.verify('sha256', Buffer.from(`${h}.${p}`), this.publicKey, Buffer.from(s, 'base64url'));
    if (!good) {
      return { ok: false, reason: 'signature', claims };
    }
    if (typeof claims.exp !== 'number' || claims.exp <= nowSec) {
      return { ok: false, reason: 'expired', claims };
    }
    if (typeof claims.nbf === 'number' && claims.nbf > nowSec + 300) {
      return { ok: false, reason: 'notYetValid', claims };
    }
    return { ok: true, claims };
  }

  jwks(): { keys: Record<string, unknown>[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: this.kid, x5t: this.kid, n: jwk.n, e: jwk.e }] };
  }
}

/** Decodes a JWT payload without checking it (for messages only). */
export function peekClaims(token: string): Partial<TokenClaims> | undefined {
  const p = token.split('.')[1];
  if (p === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return undefined;
  }
}
