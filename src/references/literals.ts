// Secret-looking literals in text, for "Move to Key Vault": connection strings with a key or password, SAS URLs and
// tokens, URIs with a password, JWTs, PEM / OpenSSH / PGP private keys, prefixed API keys, and values of
// password/secret/token/key settings. Returns where the literal is (the string's content, without its quotes) and a
// secret name suggested from the surrounding key. Pure; the literal itself is only returned as offsets, never copied
// into anything else. What counts as a secret lives in ./literals/ (classify, placeholders, jwt); this file finds
// the literals in a document (JSON, .env, YAML, properties, code).
import { jsonKeyPathAt } from './jsonPath';
import { classifyLiteral, type LiteralKind } from './literals/classify';
import { secretNameFrom } from './secretNames';

export { classifyLiteral, type LiteralKind } from './literals/classify';
export { isPlaceholder, isReference } from './literals/placeholders';
export { isPublicJwt, jwtPayload } from './literals/jwt';
export { secretNameFrom } from './secretNames';

export interface SecretLiteral {
  readonly start: number;
  readonly end: number;
  readonly kind: LiteralKind;
  /** A valid secret name derived from the key the literal belongs to. */
  readonly suggestedName: string;
}

/** The name when the literal has no key. */
const fallbackNames: Record<LiteralKind, string> = {
  connectionString: 'moved-secret',
  password: 'moved-secret',
  jwt: 'token',
  pem: 'private-key',
  sas: 'sas-token',
  uri: 'connection-uri',
  apiKey: 'api-key',
};

/** The key a value at `offset` belongs to on its line (`key = value`, `key: value`, `"key": "value"`). */
function lineKey(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /(?:^|[\s,{;])["']?([A-Za-z_][\w.:-]*)["']?\s*[:=]\s*["']?$/.exec(before);
  return m?.[1];
}

/** The key path of a JSON value, or the key on its line. */
function keyOf(text: string, offset: number, json: boolean): string | undefined {
  if (json) {
    const path = jsonKeyPathAt(text, offset);
    if (path.length > 0) return path.join(':');
  }
  return lineKey(text, offset);
}

/** Every secret-looking literal: quoted strings, then unquoted `key = value` / `key: value` settings. */
export function findSecretLiterals(text: string, options: { json?: boolean } = {}): SecretLiteral[] {
  const found: SecretLiteral[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, kind: LiteralKind, key: string | undefined) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    found.push({ start, end, kind, suggestedName: secretNameFrom(key, fallbackNames[kind]) });
  };
  for (const m of text.matchAll(/"((?:[^"\\\r\n]|\\.)*)"|'([^'\\\r\n]*)'/g)) {
    const content = m[1] ?? m[2] ?? '';
    const start = m.index + 1;
    const after = text.slice(m.index + m[0].length).match(/^\s*:/);
    if (after) continue; // a JSON key, not a value
    const key = keyOf(text, m.index, options.json === true);
    const kind = classifyLiteral(content.replace(/\\n/g, '\n'), key);
    if (kind) add(start, start + content.length, kind, key);
  }
  // PEM, OpenSSH and PGP private key blocks, wherever they stand (a YAML block scalar, a bare file).
  for (const m of text.matchAll(/-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----[\s\S]+?-----END \1-----/g)) {
    if (classifyLiteral(m[0]) === 'pem') add(m.index, m.index + m[0].length, 'pem', lineKey(text, m.index));
  }
  // Unquoted values (.env, docker-compose `- KEY=value` lists, YAML, properties). A `#` starts a comment only after
  // whitespace, as in Docker Compose ("Inline comments for unquoted values must be preceded with a space",
  // https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax), YAML
  // (https://yaml.org/spec/1.2.2/#comments) and POSIX shells: `DB_PASSWORD=Tr0ub#4dor` keeps its `#`.
  for (const m of text.matchAll(/^([ \t]*(?:-[ \t]+)?(?:export\s+)?["']?([A-Za-z_][\w.:-]*)["']?[ \t]*[:=][ \t]*)([^\s"'#][^\r\n]*?)(?:[ \t]+#[^\r\n]*)?[ \t]*$/gm)) {
    const value = m[3] ?? '';
    const start = m.index + (m[1]?.length ?? 0);
    const kind = classifyLiteral(value, m[2]);
    if (kind) add(start, start + value.length, kind, m[2]);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The literal under the offset (or touching the selection), if any. */
export function secretLiteralAt(text: string, start: number, end = start, options: { json?: boolean } = {}): SecretLiteral | undefined {
  return findSecretLiterals(text, options).find((l) => start >= l.start && end <= l.end);
}

/** A name for a selected string: from its key. */
export function suggestNameAt(text: string, offset: number, options: { json?: boolean } = {}): string {
  return secretNameFrom(keyOf(text, offset, options.json === true));
}
