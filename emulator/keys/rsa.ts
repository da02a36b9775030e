// RSA primitives on top of node:crypto for what it does not offer directly:
// - signing a precomputed digest (PKCS#1 v1.5 with a DigestInfo prefix, and PSS encoded here, RFC 8017 §9.1),
// - RSA1_5 decryption, which Node 20 refuses with RSA_PKCS1_PADDING (CVE-2023-46809): raw RSA, then unpadding.
import {
  constants,
  createHash,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

export type RsaHash = 'sha256' | 'sha384' | 'sha512';
export type RsaEncryptionAlgorithm = 'RSA1_5' | 'RSA-OAEP' | 'RSA-OAEP-256';

const HASH_LENGTH: Readonly<Record<RsaHash, number>> = { sha256: 32, sha384: 48, sha512: 64 };

/** DER DigestInfo prefixes (RFC 8017 §9.2 note 1). */
const DIGEST_INFO: Readonly<Record<RsaHash, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

export function hashLength(hash: RsaHash): number {
  return HASH_LENGTH[hash];
}

function modulusBits(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) {
    throw new Error('not an RSA key');
  }
  return bits;
}

function mgf1(hash: RsaHash, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  let total = 0;
  for (let counter = 0; total < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = createHash(hash).update(seed).update(c).digest();
    blocks.push(block);
    total += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

export function rsaPkcs1SignDigest(privateKey: KeyObject, hash: RsaHash, digest: Buffer): Buffer {
  return privateEncrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([DIGEST_INFO[hash], digest]),
  );
}

export function rsaPkcs1VerifyDigest(publicKey: KeyObject, hash: RsaHash, digest: Buffer, signature: Buffer): boolean {
  if (signature.length !== Math.ceil(modulusBits(publicKey) / 8)) {
    return false;
  }
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  const expected = Buffer.concat([DIGEST_INFO[hash], digest]);
  return recovered.length === expected.length && timingSafeEqual(recovered, expected);
}

/** EMSA-PSS with MGF1 over the same hash and a salt as long as the hash, as Key Vault uses. */
export function rsaPssSignDigest(privateKey: KeyObject, hash: RsaHash, digest: Buffer): Buffer {
  const modBits = modulusBits(privateKey);
  const k = Math.ceil(modBits / 8);
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = HASH_LENGTH[hash];
  const sLen = hLen;
  if (emLen < hLen + sLen + 2) {
    throw new Error('key too small for PSS');
  }
  const salt = randomBytes(sLen);
  const mPrime = Buffer.concat([Buffer.alloc(8), digest, salt]);
  const hh = createHash(hash).update(mPrime).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - sLen - hLen - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, hh, emLen - hLen - 1);
  for (let i = 0; i < db.length; i++) {
    db[i] = db[i]! ^ mask[i]!;
  }
  db[0] = db[0]! & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([Buffer.alloc(k - emLen), db, hh, Buffer.from([0xbc])]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, em);
}

/** EMSA-PSS-VERIFY; the salt length is read from the encoding. */
export function rsaPssVerifyDigest(publicKey: KeyObject, hash: RsaHash, digest: Buffer, signature: Buffer): boolean {
  const modBits = modulusBits(publicKey);
  const k = Math.ceil(modBits / 8);
  if (signature.length !== k) {
    return false;
  }
  let raw: Buffer;
  try {
    raw = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = HASH_LENGTH[hash];
  if (raw.subarray(0, k - emLen).some((b) => b !== 0)) {
    return false;
  }
  const em = raw.subarray(k - emLen);
  if (emLen < hLen + 2 || em[emLen - 1] !== 0xbc) {
    return false;
  }
  const topMask = 0xff >> (8 * emLen - emBits);
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const hh = em.subarray(emLen - hLen - 1, emLen - 1);
  if ((maskedDb[0]! & ~topMask) !== 0) {
    return false;
  }
  const mask = mgf1(hash, Buffer.from(hh), maskedDb.length);
  const db = Buffer.alloc(maskedDb.length);
  for (let i = 0; i < db.length; i++) {
    db[i] = maskedDb[i]! ^ mask[i]!;
  }
  db[0] = db[0]! & topMask;
  const one = db.indexOf(1);
  if (one < 0 || db.subarray(0, one).some((b) => b !== 0)) {
    return false;
  }
  const salt = db.subarray(one + 1);
  const expected = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  return timingSafeEqual(expected, Buffer.from(hh));
}

export function rsaEncrypt(publicKey: KeyObject, alg: RsaEncryptionAlgorithm, plaintext: Buffer): Buffer {
  if (alg === 'RSA1_5') {
    return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, plaintext);
  }
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: alg === 'RSA-OAEP-256' ? 'sha256' : 'sha1' },
    plaintext,
  );
}

/** Throws on malformed ciphertext. */
export function rsaDecrypt(privateKey: KeyObject, alg: RsaEncryptionAlgorithm, ciphertext: Buffer): Buffer {
  const k = Math.ceil(modulusBits(privateKey) / 8);
  if (ciphertext.length !== k) {
    throw new Error('ciphertext length does not match the key');
  }
  if (alg !== 'RSA1_5') {
    return privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: alg === 'RSA-OAEP-256' ? 'sha256' : 'sha1' },
      ciphertext,
    );
  }
  const em = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, ciphertext);
  const sep = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || sep < 10) {
    throw new Error('decryption error');
  }
  return em.subarray(sep + 1);
}
