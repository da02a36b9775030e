// PKCS#12 (PFX) files for any key type: built from PKCS#8 + DER certificates with node-forge's ASN.1 and PBE helpers
// (forge's own builder only knows RSA), parsed with forge (unknown key types come back as raw ASN.1).
import { createHmac, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import * as forge from 'node-forge';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  sha1: '1.3.14.3.2.26',
};
const MAC_ITERATIONS = 2048;

function bin(buf: Buffer): string {
  return buf.toString('binary');
}

function seq(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

function set(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
}

function oid(value: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
}

function octets(bytes: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
}

function explicit0(inner: forge.asn1.Asn1): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [inner]);
}

function integer(n: number): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
}

function der(node: forge.asn1.Asn1): string {
  return asn1.toDer(node).getBytes();
}

function safeBag(bagId: string, value: forge.asn1.Asn1, localKeyId: string | undefined): forge.asn1.Asn1 {
  const items = [oid(bagId), explicit0(value)];
  if (localKeyId !== undefined) {
    items.push(set([seq([oid(OID.localKeyId), set([octets(localKeyId)])])]));
  }
  return seq(items);
}

/** A ContentInfo of type data around DER `content`. */
function dataContentInfo(content: string): forge.asn1.Asn1 {
  return seq([oid(OID.data), explicit0(octets(content))]);
}

/**
 * A PFX holding `certs` (leaf first) and, when given, the private key (PKCS#8 DER) shrouded with 3DES under
 * `password` (the service's secrets use an empty password). MAC: HMAC-SHA1 as RFC 7292 describes.
 */
export function buildPfx(keyPkcs8: Buffer | undefined, certs: readonly Buffer[], password = ''): Buffer {
  const localKeyId = keyPkcs8 ? bin(randomBytes(20)) : undefined;
  const authSafe: forge.asn1.Asn1[] = [];
  if (keyPkcs8) {
    const keyInfo = asn1.fromDer(bin(keyPkcs8));
    const shrouded = forge.pki.encryptPrivateKeyInfo(keyInfo, password, { algorithm: '3des', count: 2048 });
    authSafe.push(dataContentInfo(der(seq([safeBag(OID.shroudedKeyBag, shrouded, localKeyId)]))));
  }
  const certBags = certs.map((cert, i) =>
    safeBag(OID.certBag, seq([oid(OID.x509Certificate), explicit0(octets(bin(cert)))]), i === 0 ? localKeyId : undefined),
  );
  authSafe.push(dataContentInfo(der(seq(certBags))));
  const authSafeDer = der(seq(authSafe));

  const salt = forge.random.getBytesSync(8);
  const macKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, MAC_ITERATIONS, 20);
  const mac = createHmac('sha1', Buffer.from(macKey.getBytes(), 'binary'))
    .update(Buffer.from(authSafeDer, 'binary'))
    .digest();
  const macData = seq([
    seq([seq([oid(OID.sha1), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]), octets(bin(mac))]),
    octets(salt),
    integer(MAC_ITERATIONS),
  ]);
  const pfx = seq([integer(3), dataContentInfo(authSafeDer), macData]);
  return Buffer.from(der(pfx), 'binary');
}

export interface ParsedPfx {
  readonly privateKey?: KeyObject;
  /** DER certificates in file order. */
  readonly certs: Buffer[];
}

/** Reads a PFX; throws when the password is wrong or the content is no PKCS#12. */
export function parsePfx(pfx: Buffer, password: string | undefined): ParsedPfx {
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(bin(pfx), false), false, password ?? '');
  const certs: Buffer[] = [];
  let privateKey: KeyObject | undefined;
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.certBag) {
        const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        certs.push(Buffer.from(der(node), 'binary'));
      } else if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const node = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
        privateKey ??= createPrivateKey({ key: Buffer.from(der(node), 'binary'), format: 'der', type: 'pkcs8' });
      }
    }
  }
  return { privateKey, certs };
}
