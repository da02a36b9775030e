// How versions come to be: create (a pending operation that a self-signed certificate completes later), import (PFX
// or PEM with its key) and merge (the certificate for an operation whose issuer is `Unknown`).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { badParameter, EmuError } from '../errors';
import { asObject, checkTags, newVersionId } from '../objects';
import { pendingNotFound } from './errors';
import { certificateFacts, describeKey, matchesKey, parseImport } from './material';
import { BACKDATE_SECONDS, type CertEntry, type PendingOperation, type StoredVersion } from './model';
import { mergePolicy, parsePolicy, type PolicyPatch, type StoredPolicy } from './policy';
import type { CertificateStore } from './store';
import { addMonths, createCsr, generateKey, parseSubject, reuseKey, type GeneratedKey } from './x509gen';

export function parseEnabled(attributes: unknown): boolean | undefined {
  const attrs = asObject(attributes, 'attributes');
  if (attrs.enabled !== undefined && typeof attrs.enabled !== 'boolean') {
    throw badParameter('attributes.enabled must be a boolean.');
  }
  return attrs.enabled;
}

function parsePreserve(value: unknown): boolean | undefined {
  if (value !== undefined && value !== null && typeof value !== 'boolean') {
    throw badParameter('preserveCertOrder must be a boolean.');
  }
  return (value ?? undefined);
}

function isIssuer(policy: StoredPolicy, name: string): boolean {
  return policy.issuer.name.toLowerCase() === name;
}

async function keyFor(policy: StoredPolicy, existing: CertEntry | undefined): Promise<GeneratedKey> {
  const previous = existing?.versions.filter((v) => v.keyPkcs8).pop();
  if (policy.key_props.reuse_key && previous?.keyPkcs8) {
    const key = createPrivateKey({ key: previous.keyPkcs8, format: 'der', type: 'pkcs8' });
    return reuseKey(policy, key);
  }
  return generateKey(policy);
}

/** Starts a create: a pending version and an `inProgress` operation with a real CSR. */
export async function startCreate(store: CertificateStore, name: string, body: unknown): Promise<CertEntry> {
  const existing = store.checkWritable(name);
  const b = asObject(body);
  const patch = parsePolicy(b.policy);
  if (!patch && !existing) {
    throw badParameter('Property policy is required to create the first version of a certificate.');
  }
  const now = store.nowSeconds();
  const policy = patch ? mergePolicy(undefined, patch, now) : existing!.policy;
  if (existing && patch) {
    policy.created = existing.policy.created;
  }
  const self = isIssuer(policy, 'self');
  const unknown = isIssuer(policy, 'unknown');
  if (!self && !unknown && !store.issuers.has(policy.issuer.name)) {
    throw badParameter(`Issuer ${policy.issuer.name} not found. Use Self, Unknown or a configured certificate issuer.`);
  }
  const enabled = parseEnabled(b.attributes) ?? true;
  const tags = checkTags(b.tags);
  const preserveCertOrder = parsePreserve(b.preserveCertOrder);
  parseSubject(policy.x509_props.subject);
  const key = await keyFor(policy, existing);
  const csr = await createCsr(policy, key);

  const current = store.checkWritable(name); // the state may have changed while the key was generated
  const version = newVersionId();
  const v: StoredVersion = {
    version,
    created: now,
    updated: now,
    enabled: false,
    nbf: now - BACKDATE_SECONDS,
    exp: addMonths(now, policy.x509_props.validity_months),
    tags,
    contentType: policy.secret_props.contentType,
    preserveCertOrder,
  };
  const delay = store.vault.timings.certificateDelayMs;
  const op: PendingOperation = {
    requestId: newVersionId(),
    version,
    issuer: { ...policy.issuer },
    csr,
    key,
    dueAtMs: unknown ? undefined : store.nowMs() + delay,
    enabled,
    status: 'inProgress',
    cancellationRequested: false,
    preserveCertOrder,
  };
  const entry: CertEntry = current ?? { name, versions: [], policy };
  entry.policy = policy;
  entry.versions.push(v);
  entry.operation = op;
  store.put(entry);
  if (op.dueAtMs !== undefined) {
    store.wakeAfter(delay);
  }
  return entry;
}

/** Imports a PFX or PEM certificate with its private key as a new version; the policy follows the certificate. */
export async function importCertificate(store: CertificateStore, name: string, body: unknown): Promise<CertEntry> {
  const existing = store.checkWritable(name);
  const b = asObject(body);
  if (typeof b.value !== 'string' || b.value.trim() === '') {
    throw badParameter('Property value (the base64 PFX or PEM certificate with its private key) is required.');
  }
  if (b.pwd !== undefined && b.pwd !== null && typeof b.pwd !== 'string') {
    throw badParameter('pwd must be a string.');
  }
  const material = parseImport(b.value, (b.pwd ?? undefined));
  const patch = parsePolicy(b.policy) ?? {};
  const leaf = material.chain[0]!;
  const facts = certificateFacts(leaf);
  const key = describeKey(material.privateKey);
  const kty = patch.key_props?.kty?.startsWith(key.kty) ? patch.key_props.kty : key.kty;
  const derived: PolicyPatch = {
    key_props: {
      exportable: patch.key_props?.exportable ?? true,
      kty,
      key_size: key.key_size,
      crv: key.crv,
      reuse_key: patch.key_props?.reuse_key ?? false,
    },
    secret_props: { contentType: patch.secret_props?.contentType ?? material.contentType },
    x509_props: {
      subject: facts.subject,
      sans: facts.sans,
      ekus: facts.ekus ?? [],
      key_usage: facts.keyUsage ?? [],
      validity_months: facts.validityMonths,
    },
    lifetime_actions: patch.lifetime_actions,
    issuer: { ...patch.issuer, name: patch.issuer?.name ?? 'Unknown' },
    enabled: patch.enabled,
  };
  const now = store.nowSeconds();
  const policy = mergePolicy(undefined, derived, now);
  if (existing) {
    policy.created = existing.policy.created;
  }
  const v: StoredVersion = {
    version: newVersionId(),
    created: now,
    updated: now,
    enabled: parseEnabled(b.attributes) ?? true,
    nbf: facts.nbf,
    exp: facts.exp,
    tags: checkTags(b.tags),
    contentType: policy.secret_props.contentType,
    preserveCertOrder: parsePreserve(b.preserveCertOrder),
  };
  const entry: CertEntry = existing ?? { name, versions: [], policy };
  const before = { policy: entry.policy, operation: entry.operation };
  entry.policy = policy;
  entry.versions.push(v);
  delete entry.operation; // a finished operation is overwritten by an import
  store.put(entry);
  try {
    await store.issue(entry, v, material.chain, material.privateKey);
  } catch (err) {
    // e.g. a plain secret of that name exists: leave the certificate as it was
    entry.versions = entry.versions.filter((x) => x !== v);
    Object.assign(entry, before);
    if (entry.versions.length === 0) {
      store.drop(entry);
    }
    throw err;
  }
  return entry;
}

/** Completes an operation whose issuer is `Unknown` with the certificate (chain) signed elsewhere. */
export async function mergeCertificate(
  store: CertificateStore,
  name: string,
  body: unknown,
): Promise<{ entry: CertEntry; version: StoredVersion }> {
  const entry = store.get(name);
  const op = entry.operation;
  if (!op) {
    throw pendingNotFound(name);
  }
  if (op.status !== 'inProgress') {
    throw badParameter(`The pending certificate ${name} is not in progress (status ${op.status}); nothing to merge.`);
  }
  if (op.dueAtMs !== undefined) {
    throw new EmuError(
      403,
      'Forbidden',
      `Merge is forbidden on pending object created with issuer : ${op.issuer.name} while it is in progess.`,
    );
  }
  const b = asObject(body);
  if (!Array.isArray(b.x5c) || b.x5c.length === 0 || b.x5c.some((c) => typeof c !== 'string')) {
    throw badParameter('Property x5c (the certificate chain as base64 strings) is required.');
  }
  let chain: Buffer[];
  try {
    chain = (b.x5c as string[]).map((c) => new X509Certificate(Buffer.from(c, 'base64')).raw);
  } catch {
    throw badParameter('x5c holds a value that is not a base64 DER X.509 certificate.');
  }
  if (!matchesKey(chain[0]!, op.key.privateKey)) {
    throw badParameter("Public key from x509 certificate and key of this instance doesn't match.");
  }
  const v = store.version(entry, op.version);
  const facts = certificateFacts(chain[0]!);
  const now = store.nowSeconds();
  Object.assign(v, { created: now, updated: now, nbf: facts.nbf, exp: facts.exp, enabled: parseEnabled(b.attributes) ?? op.enabled });
  v.tags = checkTags(b.tags) ?? v.tags;
  await store.issue(entry, v, chain, op.key.privateKey);
  op.status = 'completed';
  return { entry, version: v };
}
