// ECDSA over a precomputed digest (the service's contract: the caller hashes, the vault signs the hash).
// node:crypto always hashes its input, even with a null algorithm (SHA-256 by default), so the curve arithmetic is
// done here with BigInt. Signatures are raw r||s (IEEE P1363), as Key Vault returns them. Not constant-time: this is
// an emulator holding test keys.
import { randomBytes } from 'node:crypto';

export type CurveName = 'P-256' | 'P-384' | 'P-521' | 'P-256K';

interface Curve {
  readonly p: bigint;
  readonly a: bigint;
  readonly n: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
}

const h = (s: string): bigint => BigInt('0x' + s);

const P256_P = h('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff');
const P384_P = h('fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff');
const P521_P = (1n << 521n) - 1n;

const CURVES: Readonly<Record<CurveName, Curve>> = {
  'P-256': {
    p: P256_P,
    a: P256_P - 3n,
    n: h('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
    gx: h('6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'),
    gy: h('4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5'),
  },
  'P-384': {
    p: P384_P,
    a: P384_P - 3n,
    n: h('ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973'),
    gx: h('aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7'),
    gy: h('3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f'),
  },
  'P-521': {
    p: P521_P,
    a: P521_P - 3n,
    n: h(
      '01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
    ),
    gx: h(
      '00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66',
    ),
    gy: h(
      '011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650',
    ),
  },
  'P-256K': {
    p: h('fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f'),
    a: 0n,
    n: h('fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'),
    gx: h('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798'),
    gy: h('483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8'),
  },
};

/** Jacobian point; z = 0 is the point at infinity. */
interface Jac {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
}

const INF: Jac = { x: 1n, y: 1n, z: 0n };

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) {
      result = (result * b) % m;
    }
    b = (b * b) % m;
    e >>= 1n;
  }
  return result;
}

/** Inverse modulo a prime. */
function inv(a: bigint, m: bigint): bigint {
  return modPow(a, m - 2n, m);
}

function double(c: Curve, pt: Jac): Jac {
  const { p } = c;
  if (pt.z === 0n || pt.y === 0n) {
    return INF;
  }
  const yy = (pt.y * pt.y) % p;
  const s = (4n * pt.x * yy) % p;
  const z2 = (pt.z * pt.z) % p;
  const m = mod(3n * pt.x * pt.x + c.a * z2 * z2, p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  const z3 = (2n * pt.y * pt.z) % p;
  return { x: x3, y: y3, z: z3 };
}

function add(c: Curve, a: Jac, b: Jac): Jac {
  const { p } = c;
  if (a.z === 0n) {
    return b;
  }
  if (b.z === 0n) {
    return a;
  }
  const z1z1 = (a.z * a.z) % p;
  const z2z2 = (b.z * b.z) % p;
  const u1 = (a.x * z2z2) % p;
  const u2 = (b.x * z1z1) % p;
  const s1 = (a.y * b.z * z2z2) % p;
  const s2 = (b.y * a.z * z1z1) % p;
  if (u1 === u2) {
    return s1 === s2 ? double(c, a) : INF;
  }
  const hh = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const h2 = (hh * hh) % p;
  const h3 = (h2 * hh) % p;
  const x3 = mod(r * r - h3 - 2n * u1 * h2, p);
  const y3 = mod(r * (u1 * h2 - x3) - s1 * h3, p);
  const z3 = (hh * a.z * b.z) % p;
  return { x: x3, y: y3, z: z3 };
}

function multiply(c: Curve, pt: Jac, k: bigint): Jac {
  let result = INF;
  let addend = pt;
  let e = k;
  while (e > 0n) {
    if (e & 1n) {
      result = add(c, result, addend);
    }
    addend = double(c, addend);
    e >>= 1n;
  }
  return result;
}

function affineX(c: Curve, pt: Jac): bigint {
  const zi = inv(pt.z, c.p);
  return (pt.x * zi * zi) % c.p;
}

function affine(c: Curve, pt: Jac): { x: bigint; y: bigint } {
  const zi = inv(pt.z, c.p);
  const zi2 = (zi * zi) % c.p;
  return { x: (pt.x * zi2) % c.p, y: (pt.y * zi2 * zi) % c.p };
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + Buffer.from(bytes).toString('hex'));
}

function toBytes(n: bigint, length: number): Buffer {
  return Buffer.from(n.toString(16).padStart(length * 2, '0'), 'hex');
}

/** SEC 1 / FIPS 186 bits2int: the leftmost bitlen(n) bits of the digest. */
function digestToInt(c: Curve, digest: Uint8Array): bigint {
  const qlen = bitLength(c.n);
  const e = toBigInt(digest);
  const dlen = digest.length * 8;
  return dlen > qlen ? e >> BigInt(dlen - qlen) : e;
}

/** Byte length of r and of s in a P1363 signature for this curve. */
export function signatureComponentLength(curve: CurveName): number {
  return Math.ceil(bitLength(CURVES[curve].n) / 8);
}

function randomScalar(n: bigint): bigint {
  const len = Math.ceil(bitLength(n) / 8) + 8;
  for (;;) {
    const k = toBigInt(randomBytes(len)) % n;
    if (k !== 0n) {
      return k;
    }
  }
}

/** Signs a digest with private scalar `d` (big-endian bytes); returns r||s. */
export function ecdsaSignDigest(curve: CurveName, d: Uint8Array, digest: Uint8Array): Buffer {
  const c = CURVES[curve];
  const priv = toBigInt(d);
  const e = digestToInt(c, digest);
  const g: Jac = { x: c.gx, y: c.gy, z: 1n };
  const len = signatureComponentLength(curve);
  for (;;) {
    const k = randomScalar(c.n);
    const r = affineX(c, multiply(c, g, k)) % c.n;
    if (r === 0n) {
      continue;
    }
    const s = (inv(k, c.n) * mod(e + r * priv, c.n)) % c.n;
    if (s === 0n) {
      continue;
    }
    return Buffer.concat([toBytes(r, len), toBytes(s, len)]);
  }
}

/** Verifies an r||s signature of a digest against the public point (x, y). */
export function ecdsaVerifyDigest(
  curve: CurveName,
  x: Uint8Array,
  y: Uint8Array,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const c = CURVES[curve];
  const len = signatureComponentLength(curve);
  if (signature.length !== 2 * len) {
    return false;
  }
  const r = toBigInt(signature.subarray(0, len));
  const s = toBigInt(signature.subarray(len));
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) {
    return false;
  }
  const w = inv(s, c.n);
  const u1 = (digestToInt(c, digest) * w) % c.n;
  const u2 = (r * w) % c.n;
  const g: Jac = { x: c.gx, y: c.gy, z: 1n };
  const q: Jac = { x: toBigInt(x), y: toBigInt(y), z: 1n };
  const sum = add(c, multiply(c, g, u1), multiply(c, q, u2));
  if (sum.z === 0n) {
    return false;
  }
  return affineX(c, sum) % c.n === r;
}

/** d·G in affine coordinates, big-endian fixed length; used by tests to check the curve constants. */
export function publicPoint(curve: CurveName, d: Uint8Array): { x: Buffer; y: Buffer } {
  const c = CURVES[curve];
  const pt = affine(c, multiply(c, { x: c.gx, y: c.gy, z: 1n }, toBigInt(d)));
  const len = Math.ceil(bitLength(c.p) / 8);
  return { x: toBytes(pt.x, len), y: toBytes(pt.y, len) };
}
