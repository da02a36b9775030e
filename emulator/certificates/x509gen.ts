// Real X.509 material for the policies: key pairs (node webcrypto), the CSR an operation shows, and the self-signed
// certificate it finally issues (subject, SANs, validity, key usage, EKUs, random serial, SHA-2 signature).
import 'reflect-metadata';
import { createPublicKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { badParameter, EmuError } from '../errors';
import type { StoredPolicy, WireSans } from './policy';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

export interface GeneratedKey {
  readonly keys: CryptoKeyPair;
  readonly privateKey: KeyObject;
  readonly algorithm: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams;
  readonly signing: webcrypto.Algorithm | webcrypto.EcdsaParams;
}

const EC_HASH: Record<string, string> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' };

/** Common short names a subject may use, upper-cased, to what @peculiar/x509 understands (names or OIDs). */
const DN_KEYS: Record<string, string> = {
  CN: 'CN',
  L: 'L',
  ST: 'ST',
  S: 'ST',
  O: 'O',
  OU: 'OU',
  C: 'C',
  DC: 'DC',
  E: 'E',
  EMAIL: 'E',
  EMAILADDRESS: 'E',
  G: 'G',
  GIVENNAME: 'G',
  SN: '2.5.4.4',
  SURNAME: '2.5.4.4',
  SERIALNUMBER: '2.5.4.5',
  STREET: '2.5.4.9',
  T: '2.5.4.12',
  TITLE: '2.5.4.12',
  POSTALCODE: '2.5.4.17',
  UID: '0.9.2342.19200300.100.1.1',
};

/** Normalizes attribute names of a distinguished name (`cn=MyCert, o=Contoso` → `CN=MyCert, O=Contoso`). */
export function normalizeSubject(subject: string): string {
  return subject.replace(/(^|[,;+])(\s*)([A-Za-z][A-Za-z0-9]*)(\s*)=/g, (_m, sep: string, sp: string, key: string) => {
    const mapped = DN_KEYS[key.toUpperCase()];
    if (!mapped) {
      throw badParameter(`The subject name contains an unknown attribute ${key}.`);
    }
    return `${sep === ';' ? ',' : sep}${sp}${mapped}=`;
  });
}

export function parseSubject(subject: string): x509.Name {
  const trimmed = subject.trim();
  if (trimmed === '') {
    return new x509.Name([]);
  }
  try {
    return new x509.Name(normalizeSubject(trimmed));
  } catch (err) {
    if (err instanceof EmuError) {
      throw err;
    }
    throw badParameter(`The subject name ${subject} is not a valid X.500 distinguished name.`);
  }
}

export function sanEntries(sans: WireSans): x509.JsonGeneralName[] {
  const out: x509.JsonGeneralName[] = [];
  for (const v of sans.dns_names ?? []) out.push({ type: 'dns', value: v });
  for (const v of sans.emails ?? []) out.push({ type: 'email', value: v });
  for (const v of sans.upns ?? []) out.push({ type: 'upn', value: v });
  for (const v of sans.uris ?? []) out.push({ type: 'url', value: v });
  for (const v of sans.ipAddresses ?? []) out.push({ type: 'ip', value: v });
  return out;
}

function algorithms(policy: StoredPolicy): Pick<GeneratedKey, 'algorithm' | 'signing'> {
  const kty = policy.key_props.kty;
  if (kty === 'EC' || kty === 'EC-HSM') {
    const curve = policy.key_props.crv ?? 'P-256';
    const hash = EC_HASH[curve] ?? 'SHA-256';
    return { algorithm: { name: 'ECDSA', namedCurve: curve }, signing: { name: 'ECDSA', hash } };
  }
  return {
    algorithm: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: policy.key_props.key_size ?? 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    signing: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  };
}

/** Generates the key pair a policy asks for (RSA 2048/3072/4096 or EC P-256/384/521). */
export async function generateKey(policy: StoredPolicy): Promise<GeneratedKey> {
  const { algorithm, signing } = algorithms(policy);
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  return { keys, privateKey: KeyObject.from(keys.privateKey), algorithm, signing };
}

/** Reuses an existing private key (policy `reuse_key`) as a webcrypto pair. */
export async function reuseKey(policy: StoredPolicy, privateKey: KeyObject): Promise<GeneratedKey> {
  const { algorithm, signing } = algorithms(policy);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const keys: CryptoKeyPair = {
    privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']),
    publicKey: await webcrypto.subtle.importKey('spki', spki, algorithm, true, ['verify']),
  };
  return { keys, privateKey, algorithm, signing };
}

function keyUsageFlags(usages: readonly string[]): number {
  let flags = 0;
  for (const u of usages) {
    flags |= x509.KeyUsageFlags[u as keyof typeof x509.KeyUsageFlags] ?? 0;
  }
  return flags;
}

async function extensions(policy: StoredPolicy, key: GeneratedKey, withAuthorityKeyId: boolean): Promise<x509.Extension[]> {
  const props = policy.x509_props;
  const exts: x509.Extension[] = [];
  const usages = props.key_usage ?? [];
  if (usages.length > 0) {
    exts.push(new x509.KeyUsagesExtension(keyUsageFlags(usages), true));
  }
  exts.push(new x509.BasicConstraintsExtension(usages.includes('keyCertSign'), undefined, false));
  if (props.ekus && props.ekus.length > 0) {
    exts.push(new x509.ExtendedKeyUsageExtension(props.ekus, false));
  }
  const names = sanEntries(props.sans);
  if (names.length > 0) {
    exts.push(new x509.SubjectAlternativeNameExtension(names, false));
  }
  if (withAuthorityKeyId) {
    exts.push(await x509.SubjectKeyIdentifierExtension.create(key.keys.publicKey, false, webcrypto));
    exts.push(await x509.AuthorityKeyIdentifierExtension.create(key.keys.publicKey, false, webcrypto));
  }
  return exts;
}

/** The PKCS#10 request the pending operation shows (DER). */
export async function createCsr(policy: StoredPolicy, key: GeneratedKey): Promise<Buffer> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    {
      name: parseSubject(policy.x509_props.subject),
      keys: key.keys,
      signingAlgorithm: key.signing,
      extensions: await extensions(policy, key, false),
    },
    webcrypto,
  );
  return Buffer.from(csr.rawData);
}

/** A random positive 16-byte serial number in hex. */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Issues the self-signed certificate (DER) for `policy`, valid from `notBefore` to `notAfter` (Unix seconds). */
export async function createSelfSigned(
  policy: StoredPolicy,
  key: GeneratedKey,
  notBefore: number,
  notAfter: number,
): Promise<Buffer> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: parseSubject(policy.x509_props.subject),
      notBefore: new Date(notBefore * 1000),
      notAfter: new Date(notAfter * 1000),
      keys: key.keys,
      signingAlgorithm: key.signing,
      extensions: await extensions(policy, key, true),
    },
    webcrypto,
  );
  return Buffer.from(cert.rawData);
}

/** `date` plus `months` calendar months (as the service computes a validity end), in Unix seconds. */
export function addMonths(unixSeconds: number, months: number): number {
  const d = new Date(unixSeconds * 1000);
  d.setUTCMonth(d.getUTCMonth() + months);
  return Math.floor(d.getTime() / 1000);
}
