// Certificate material: the secret value (PFX base64 or PEM), import parsing (PEM or PFX with optional password),
// thumbprints, key descriptions and the X.509 properties a certificate shows (for the policy of an import).
import 'reflect-metadata';
import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { badParameter } from '../errors';
import { buildPfx, parsePfx } from './pkcs12';
import { KEY_USAGES, PEM, PKCS12, type WireSans } from './policy';

/** SHA-1 thumbprint of a DER certificate, base64url (the `x5t` of a certificate). */
export function thumbprint(der: Buffer): string {
  return createHash('sha1').update(der).digest('base64url');
}

export function certificatePem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The value of the certificate's secret: PFX (base64, empty password) or PEM (private key, then the chain). */
export function secretValue(contentType: string, keyPkcs8: Buffer | undefined, chain: readonly Buffer[]): string {
  if (contentType === PEM) {
    const key = keyPkcs8
      ? (createPrivateKey({ key: keyPkcs8, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }) as string)
      : '';
    return key + chain.map(certificatePem).join('');
  }
  return buildPfx(keyPkcs8, chain).toString('base64');
}

export interface ImportedMaterial {
  readonly privateKey: KeyObject;
  /** DER certificates, the one matching the private key first. */
  readonly chain: Buffer[];
  readonly contentType: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

function parsePem(text: string, password: string | undefined): { key?: KeyObject; certs: Buffer[] } {
  const certs: Buffer[] = [];
  let key: KeyObject | undefined;
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1]!;
    if (label === 'CERTIFICATE') {
      certs.push(new X509Certificate(match[0]).raw);
    } else if (label.endsWith('PRIVATE KEY') && key === undefined) {
      key = createPrivateKey({ key: match[0], format: 'pem', passphrase: password });
    }
  }
  return { key, certs };
}

/** Reads what an import sends: PEM text, base64 of PEM text, or base64 PFX. */
export function parseImport(value: string, password: string | undefined): ImportedMaterial {
  let key: KeyObject | undefined;
  let certs: Buffer[];
  let contentType: string;
  try {
    const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('latin1');
    if (text.includes('-----BEGIN')) {
      ({ key, certs } = parsePem(text, password));
      contentType = PEM;
    } else {
      const pfx = parsePfx(Buffer.from(value, 'base64'), password);
      key = pfx.privateKey;
      certs = pfx.certs;
      contentType = PKCS12;
    }
  } catch {
    throw badParameter(
      'The specified certificate content is in an unexpected format, or the password is wrong. Please check that ' +
        'it is a PFX (base64) or PEM certificate with its private key.',
    );
  }
  if (certs.length === 0) {
    throw badParameter('The specified certificate content holds no X.509 certificate.');
  }
  if (!key) {
    throw badParameter('Private key is not specified in the specified X.509 PEM/PFX content.');
  }
  const privateKey = key;
  const leafIndex = certs.findIndex((der) => new X509Certificate(der).checkPrivateKey(privateKey));
  if (leafIndex < 0) {
    throw badParameter('The private key does not match the public key of any certificate in the content.');
  }
  const chain = [certs[leafIndex]!, ...certs.filter((_, i) => i !== leafIndex)];
  return { privateKey, chain, contentType };
}

const NODE_CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'P-256K',
};

/** The JWK key type and size/curve of a private key; only RSA and EC keys can back a certificate. */
export function describeKey(key: KeyObject): { kty: 'RSA' | 'EC'; key_size?: number; crv?: string } {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    return { kty: 'RSA', key_size: details.modulusLength };
  }
  if (key.asymmetricKeyType === 'ec') {
    const crv = NODE_CURVES[details.namedCurve ?? ''];
    if (crv) {
      return { kty: 'EC', crv };
    }
  }
  throw badParameter(`Unsupported key type ${key.asymmetricKeyType ?? 'unknown'}: certificates use RSA or EC keys.`);
}

/** The JSON Web Key operations of a certificate's key, from its key usage. */
export function keyOpsFor(kty: string, keyUsage: readonly string[] | undefined): string[] {
  const usages = keyUsage ?? [];
  const ops: string[] = [];
  if (usages.length === 0 || usages.includes('digitalSignature') || usages.includes('nonRepudiation')) {
    ops.push('sign', 'verify');
  }
  if (kty.startsWith('RSA') && (usages.length === 0 || usages.includes('keyEncipherment') || usages.includes('dataEncipherment'))) {
    ops.push('wrapKey', 'unwrapKey', 'encrypt', 'decrypt');
  }
  return ops.length > 0 ? ops : ['sign', 'verify'];
}

export interface CertificateFacts {
  readonly subject: string;
  readonly sans: WireSans;
  readonly ekus?: string[];
  readonly keyUsage?: string[];
  readonly validityMonths: number;
  readonly nbf: number;
  readonly exp: number;
}

const SAN_FIELD: Partial<Record<string, keyof WireSans>> = {
  dns: 'dns_names',
  email: 'emails',
  upn: 'upns',
  url: 'uris',
  ip: 'ipAddresses',
};

/** What a DER certificate says about itself, in policy terms. */
export function certificateFacts(der: Buffer): CertificateFacts {
  const cert = new x509.X509Certificate(der);
  const sans: WireSans = {};
  const sanExt = cert.getExtension(x509.SubjectAlternativeNameExtension);
  for (const name of sanExt?.names.toJSON() ?? []) {
    const field = SAN_FIELD[name.type];
    if (field) {
      (sans[field] ??= []).push(name.value);
    }
  }
  const kuExt = cert.getExtension(x509.KeyUsagesExtension);
  const keyUsage = kuExt ? KEY_USAGES.filter((u) => (kuExt.usages & x509.KeyUsageFlags[u]) !== 0) : undefined;
  const ekuExt = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const nbf = Math.floor(cert.notBefore.getTime() / 1000);
  const exp = Math.floor(cert.notAfter.getTime() / 1000);
  return {
    subject: cert.subject,
    sans,
    ekus: ekuExt ? Array.from(ekuExt.usages, String) : undefined,
    keyUsage,
    validityMonths: Math.max(1, Math.round((exp - nbf) / (30.436875 * 86400))),
    nbf,
    exp,
  };
}

/** Whether `der` certifies the public half of `privateKey`. */
export function matchesKey(der: Buffer, privateKey: KeyObject): boolean {
  const cert = new X509Certificate(der);
  return cert.publicKey.equals(createPublicKey(privateKey));
}
