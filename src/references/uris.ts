// Key Vault object URIs in text: `https://{vault host}[:port]/{secrets|keys|certificates}/{name}[/{version}]`.
// Only vault hosts count: a known Key Vault DNS suffix (public and sovereign clouds), a custom cloud's suffix
// passed in, or a loopback address (a local emulator).
import { knownVaultDnsSuffixes } from '../azure/vaultUrl';
import type { ObjectKind } from './types';

export interface ParsedObjectUri {
  readonly vaultUrl: string;
  readonly kind: ObjectKind;
  readonly name: string;
  readonly version?: string;
  /** Offsets of the name within the matched text. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface ParseOptions {
  /** Extra Key Vault DNS suffixes (a custom cloud's). */
  readonly vaultDnsSuffixes?: readonly string[];
}

const kinds: Record<string, ObjectKind> = { secrets: 'secret', keys: 'key', certificates: 'certificate' };

/** Matches an object URI; groups: host, port, collection, name, version. */
export function objectUriPattern(flags = 'gid'): RegExp {
  return new RegExp(
    String.raw`https://((?:[a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?/(secrets|keys|certificates)/([0-9a-zA-Z-]{1,127})(?:/([0-9a-fA-F]{32}))?(?![0-9a-zA-Z-])`,
    flags,
  );
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isVaultHost(host: string, options: ParseOptions = {}): boolean {
  const h = host.toLowerCase();
  if (loopbackHosts.has(h)) return true;
  return [...knownVaultDnsSuffixes, ...(options.vaultDnsSuffixes ?? [])].some((s) => s && h.endsWith(`.${s.replace(/^\./, '').toLowerCase()}`));
}

/** The parts of one match of `objectUriPattern` (with the `d` flag), or undefined when the host is no vault's. */
export function objectUriOf(match: RegExpExecArray, options: ParseOptions = {}): ParsedObjectUri | undefined {
  const [, host, port, collection, name, version] = match;
  if (!host || !collection || !name || !isVaultHost(host, options)) return undefined;
  const indices = match.indices?.[4];
  const nameStart = indices ? indices[0] - match.index : match[0].indexOf(`/${collection}/`) + collection.length + 2;
  return {
    vaultUrl: `https://${host.toLowerCase()}${port ? `:${port}` : ''}`,
    kind: kinds[collection.toLowerCase()]!,
    name,
    ...(version ? { version: version.toLowerCase() } : {}),
    nameStart,
    nameEnd: nameStart + name.length,
  };
}

/** Parses a whole string as an object URI (a trailing slash is allowed); offsets are relative to `text`. */
export function parseObjectUri(text: string, options: ParseOptions = {}): ParsedObjectUri | undefined {
  const body = text.endsWith('/') ? text.slice(0, -1) : text;
  const match = objectUriPattern('id').exec(body);
  return match && match.index === 0 && match[0].length === body.length ? objectUriOf(match, options) : undefined;
}
