// A throw-away test CA and a server certificate for 127.0.0.1 / localhost / ::1, written into the state directory.
// Clients trust the CA with NODE_EXTRA_CA_CERTS. An existing CA in the state directory is reused, so clients that
// already trust it keep working across restarts.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export interface TlsMaterial {
  readonly caPath: string;
  readonly certPem: string;
  readonly keyPem: string;
}

const EC: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 86_400_000;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function loadCa(dir: string): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair } | undefined> {
  const certFile = path.join(dir, 'ca.pem');
  const keyFile = path.join(dir, 'ca-key.pem');
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    return undefined;
  }
  const cert = new x509.X509Certificate(fs.readFileSync(certFile, 'utf8'));
  if (cert.notAfter.getTime() < Date.now() + DAY_MS) {
    return undefined;
  }
  const keyDer = Buffer.from(fs.readFileSync(keyFile, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const privateKey = await webcrypto.subtle.importKey('pkcs8', keyDer, EC, true, ['sign']);
  const publicKey = await cert.publicKey.export(EC, ['verify'], webcrypto);
  return { cert, keys: { privateKey, publicKey } };
}

async function createCa(dir: string): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial(),
      name: 'CN=Key Vault Emulator Test CA, O=kv-emulator',
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 3650 * DAY_MS),
      signingAlgorithm: EC,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  );
  const keyDer = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  fs.writeFileSync(path.join(dir, 'ca-key.pem'), pem('PRIVATE KEY', keyDer), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'ca.pem'), cert.toString('pem') + '\n');
  return { cert, keys };
}

/** Creates (or reuses) the CA in `stateDir` and issues a fresh server certificate. */
export async function prepareTls(stateDir: string): Promise<TlsMaterial> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  fs.mkdirSync(stateDir, { recursive: true });
  const ca = (await loadCa(stateDir)) ?? (await createCa(stateDir));
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial(),
      subject: 'CN=127.0.0.1, O=kv-emulator',
      issuer: ca.cert.subject,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 365 * DAY_MS),
      signingAlgorithm: EC,
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension(
          [
            { type: 'ip', value: '127.0.0.1' },
            { type: 'dns', value: 'localhost' },
            { type: 'ip', value: '::1' },
          ],
          false,
        ),
        await x509.AuthorityKeyIdentifierExtension.create(ca.cert, false, webcrypto),
      ],
    },
    webcrypto,
  );
  const keyPem = pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const certPem = cert.toString('pem') + '\n' + ca.cert.toString('pem') + '\n';
  fs.writeFileSync(path.join(stateDir, 'server.pem'), certPem);
  fs.writeFileSync(path.join(stateDir, 'server-key.pem'), keyPem, { mode: 0o600 });
  return { caPath: path.join(stateDir, 'ca.pem'), certPem, keyPem };
}
