// JWTs that are public by design: a Supabase anon key (its payload says `"role": "anon"`; Supabase: "This key is
// safe to use in a browser if you have enabled Row Level Security", https://supabase.com/docs/guides/api/api-keys),
// the demo keys of a self-hosted Supabase (`"iss": "supabase-demo"`,
// https://supabase.com/docs/guides/self-hosting/docker#securing-your-services) and the jwt.io sample token
// (`"sub": "1234567890", "name": "John Doe", "iat": 1516239022`, https://jwt.io/introduction). Decoding never
// throws: anything that does not decode is treated as a real token.

export const jwtShape = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (or base64) → text; undefined when it is not base64. UTF-8 where valid, else byte by byte. */
export function decodeBase64Url(input: string): string | undefined {
  if (input.length > 16_384) return undefined;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of input.replace(/=+$/, '')) {
    const v = alphabet.indexOf(c === '+' ? '-' : c === '/' ? '_' : c);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return bytes.map((b) => String.fromCharCode(b)).join('');
  }
}

/** The payload of a JWT as an object, or undefined when it is not one. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  const json = part === undefined ? undefined : decodeBase64Url(part);
  if (json === undefined) return undefined;
  try {
    const payload: unknown = JSON.parse(json);
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT anyone may see: an anon key, a published demo key, the jwt.io sample. */
export function isPublicJwt(token: string): boolean {
  const payload = jwtPayload(token);
  if (!payload) return false;
  if (payload.role === 'anon') return true;
  if (payload.iss === 'supabase-demo') return true;
  if (payload.name === 'John Doe' || (payload.sub === '1234567890' && payload.iat === 1516239022)) return true;
  return false;
}
