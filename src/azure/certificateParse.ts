// Reads a public certificate (DER or PEM) with node:crypto's X509Certificate (pure: no SDK, no vscode).
import { nodeCrypto } from './nodeCrypto';
import type { ParsedCertificate } from './certificateModel';

const curveNames: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521', secp256k1: 'P-256K' };

/** "C=US\nO=Contoso\nCN=x" (node's form) → "C=US, O=Contoso, CN=x". */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** Splits node's subjectAltName ("DNS:a, IP Address:1.2.3.4, email:x@y") into kinds; quoted values keep commas. */
export function parseSubjectAltName(text: string | undefined): ParsedCertificate['subjectAlternativeNames'] {
  const result = { dnsNames: [] as string[], ipAddresses: [] as string[], emails: [] as string[], uris: [] as string[], other: [] as string[] };
  if (!text) return result;
  for (const m of text.matchAll(/([^:,]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:,\s*|$)/g)) {
    const kind = m[1]!.trim();
    let value = m[2]!.trim();
    if (value.startsWith('"')) value = JSON.parse(value) as string;
    if (kind === 'DNS') result.dnsNames.push(value);
    else if (kind === 'IP Address') result.ipAddresses.push(value);
    else if (kind === 'email') result.emails.push(value);
    else if (kind === 'URI') result.uris.push(value);
    else result.other.push(`${kind}:${value}`);
  }
  return result;
}

/** SHA-1 / SHA-256 of the DER bytes as upper-case hex without separators. */
export function thumbprint(der: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  return nodeCrypto().createHash(algorithm).update(der).digest('hex').toUpperCase();
}

export function parseCertificate(input: Uint8Array | string): ParsedCertificate {
  const x509 = new (nodeCrypto().X509Certificate)(typeof input === 'string' ? input : Buffer.from(input));
  const der = x509.raw;
  const key = x509.publicKey;
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  const keyAlgorithm = type === 'rsa' || type === 'rsa-pss' ? 'RSA' : type === 'ec' ? 'EC' : (type ?? 'unknown');
  const curve = details.namedCurve ? (curveNames[details.namedCurve] ?? details.namedCurve) : undefined;
  const keySize = details.modulusLength;
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    selfSigned: x509.subject === x509.issuer && x509.verify(key),
    serialNumber: x509.serialNumber.toUpperCase(),
    subjectAlternativeNames: parseSubjectAltName(x509.subjectAltName),
    thumbprintSha1: thumbprint(der, 'sha1'),
    thumbprintSha256: thumbprint(der, 'sha256'),
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    keyType: keyAlgorithm === 'RSA' ? `RSA ${keySize ?? ''}`.trim() : keyAlgorithm === 'EC' ? `EC ${curve ?? ''}`.trim() : keyAlgorithm,
    keyAlgorithm,
    ...(keySize ? { keySize } : {}),
    ...(curve ? { curve } : {}),
    ca: x509.ca,
    extendedKeyUsages: x509.keyUsage ?? [],
  };
}

/** DER → PEM ("-----BEGIN CERTIFICATE-----", 64-character lines). */
export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** True when PEM text holds a private key block (encrypted or not). */
export function pemHasPrivateKey(pem: string): boolean {
  return /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem);
}
