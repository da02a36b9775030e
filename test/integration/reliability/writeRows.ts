// The rows of the write matrix: every command that changes a vault, named as the user runs it, with the data-layer
// op it calls (the same calls and arguments the command makes), the request a fault hits (method + path), the object
// the cell starts from (seeded) and how to read the change back from the emulator (probes.ts).
import type { AzureSdk } from '../../../src/azure/lazy';
import type { AzureFailure, ObjectKind } from '../../../src/azure/model';
import type { VaultClients } from '../../../src/azure/vaultClients';
import { sameTags, VaultState, type Effect } from './probes';

export interface WriteContext {
  readonly sdk: AzureSdk;
  readonly vaults: VaultClients;
  readonly url: string;
  readonly state: VaultState;
  /** A PFX (certificate with key, no password) for Import Certificate. */
  readonly pfx: Uint8Array;
}

export interface SeedItems {
  readonly secrets?: unknown[];
  readonly keys?: unknown[];
  readonly certificates?: unknown[];
}

export interface WriteRow {
  /** Short id: part of every object name of the row. */
  readonly id: string;
  /** The command as the user runs it. */
  readonly command: string;
  /** The data-layer op it calls. */
  readonly op: string;
  readonly kind: ObjectKind;
  /** The request the faults hit. */
  readonly method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: (name: string) => string;
  /** The object the cell starts from; none: the op creates it. */
  readonly seed?: (name: string) => SeedItems;
  /** Runs the op. Certificate create/renew report a failed or unfinished operation in their result: returned here. */
  readonly run: (ctx: WriteContext, name: string, abortSignal: AbortSignal) => Promise<AzureFailure | undefined>;
  readonly probe: (ctx: WriteContext, name: string) => Promise<Effect>;
  /** How long the vault may still be finishing (a delete, a certificate operation) before the probe reads it. */
  readonly settleMs: number;
}

/** An op that resolves with its result: done, no failure to report. */
const done = async (op: Promise<unknown>): Promise<undefined> => {
  await op;
  return undefined;
};

/** The lifecycle ops of every kind: (vaults, url, name, options with the abort signal and, but for purge, the poll interval). */
type LifecycleOp = (vaults: VaultClients, url: string, name: string, options: { abortSignal?: AbortSignal; pollIntervalMs?: number }) => Promise<unknown>;

const SETTLE = 700;
const value = (name: string): string => `value-of-${name}`;
const TAGS = { env: 'matrix', owner: 'team-a' };
const EXPIRY = new Date('2031-01-01T00:00:00Z');

const secret = (name: string, extra: Record<string, unknown> = {}): SeedItems => ({ secrets: [{ name, contentType: 'text/plain', tags: { seeded: 'yes' }, versions: [{ value: 'seeded' }], ...extra }] });
const deletedSecret = (name: string): SeedItems => secret(name, { deleted: { deletedDate: '-1h', scheduledPurgeDate: '+7d' } });
const key = (name: string, extra: Record<string, unknown> = {}): SeedItems => ({ keys: [{ name, kty: 'EC', curve: 'P-256', ...extra }] });
const certificate = (name: string, extra: Record<string, unknown> = {}): SeedItems => ({ certificates: [{ name, keyType: 'EC', subject: `CN=${name}`, ...extra }] });

/** A certificate create/renew result: completed, or the failure the user is shown instead. */
function operationFailure(result: { operation: { status: string; error?: string } }): AzureFailure | undefined {
  const { status, error } = result.operation;
  if (status === 'completed') return undefined;
  if (status === 'inProgress') return { kind: 'stillRunning', message: 'The certificate operation is still in progress (the op stopped waiting).' };
  return { kind: 'service', message: `The certificate operation ended "${status}"${error ? `: ${error}` : ''}.` };
}

/** setSecret rows: the same call for every command that writes a value (they differ in what they send). */
function setSecretRow(id: string, command: string, seeded: boolean, write: (name: string) => { contentType?: string; tags?: Record<string, string> }): WriteRow {
  return {
    id, command, op: 'secretOps.setSecret', kind: 'secret', method: 'PUT', path: (n) => `^/secrets/${n}$`, settleMs: 0,
    ...(seeded ? { seed: (n: string) => secret(n) } : {}),
    run: (ctx, n, abortSignal) => done(ctx.sdk.secretOps.setSecret(ctx.vaults, ctx.url, n, value(n), write(n), { abortSignal })),
    probe: (ctx, n) => ctx.state.newSecretVersions(n, seeded ? 1 : 0, value(n)),
  };
}

function lifecycleRow(kind: ObjectKind, what: 'delete' | 'recover' | 'purge', command: string, op: string, fn: (sdk: AzureSdk) => LifecycleOp, id = `${kind[0]}-${what}`): WriteRow {
  const plural = `${kind === 'certificate' ? 'certificates' : `${kind}s`}`;
  const seed = (n: string): SeedItems =>
    what === 'delete' ? (kind === 'secret' ? secret(n) : kind === 'key' ? key(n) : certificate(n)) : kind === 'secret' ? deletedSecret(n) : kind === 'key' ? key(n, { deleted: true }) : certificate(n, { deleted: true });
  return {
    id, command, op, kind, seed, settleMs: SETTLE,
    method: what === 'recover' ? 'POST' : 'DELETE',
    path: (n) => (what === 'delete' ? `^/${plural}/${n}$` : what === 'recover' ? `^/deleted${plural}/${n}/recover$` : `^/deleted${plural}/${n}$`),
    run: (ctx, n, abortSignal) => done(fn(ctx.sdk)(ctx.vaults, ctx.url, n, what === 'purge' ? { abortSignal } : { abortSignal, pollIntervalMs: 100 })),
    probe: (ctx, n) => ctx.state.lifecycle(kind, n, what === 'delete' ? 'deleted' : what === 'recover' ? 'recovered' : 'purged'),
  };
}

export const WRITE_ROWS: readonly WriteRow[] = [
  setSecretRow('s-create', 'Create Secret…', false, () => ({ contentType: 'text/plain', tags: TAGS })),
  setSecretRow('s-newver', 'New Secret Version / Rotate…', true, () => ({ contentType: 'text/plain' })),
  setSecretRow('s-edit', 'Edit Secret Value (save)', true, () => ({ contentType: 'text/plain', tags: { seeded: 'yes' } })),
  setSecretRow('s-copy', 'Copy Secret to Another Vault…', false, () => ({ contentType: 'text/plain', tags: { copied: 'yes' } })),
  {
    id: 's-attr', command: 'Edit Secret Attributes… (tags)', op: 'secretOps.updateSecret', kind: 'secret', method: 'PATCH', path: (n) => `^/secrets/${n}/?$`, settleMs: 0,
    seed: (n) => secret(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.secretOps.updateSecret(ctx.vaults, ctx.url, n, undefined, { tags: TAGS }, { abortSignal })),
    probe: async (ctx, n) => VaultState.attribute(sameTags((await ctx.state.secrets.getSecret(n)).properties.tags, TAGS), 'tags as sent'),
  },
  {
    id: 's-disable', command: 'Enable Secret / Disable Secret', op: 'secretOps.updateSecret', kind: 'secret', method: 'PATCH', path: (n) => `^/secrets/${n}/?$`, settleMs: 0,
    seed: (n) => secret(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.secretOps.updateSecret(ctx.vaults, ctx.url, n, undefined, { enabled: false }, { abortSignal })),
    probe: async (ctx, n) => {
      for await (const p of ctx.state.secrets.listPropertiesOfSecretVersions(n)) return VaultState.attribute(p.enabled === false, 'disabled');
      return VaultState.attribute(false, 'disabled');
    },
  },
  lifecycleRow('secret', 'delete', 'Delete Secret…', 'secretOps.deleteSecret', (sdk) => sdk.secretOps.deleteSecret),
  lifecycleRow('secret', 'recover', 'Recover Secret', 'secretOps.recoverSecret', (sdk) => sdk.secretOps.recoverSecret),
  lifecycleRow('secret', 'purge', 'Purge Secret…', 'secretOps.purgeSecret', (sdk) => sdk.secretOps.purgeSecret),
  {
    id: 'k-create', command: 'Create Key…', op: 'keyOps.createKey', kind: 'key', method: 'POST', path: (n) => `^/keys/${n}/create$`, settleMs: 0,
    run: (ctx, n, abortSignal) => done(ctx.sdk.keyOps.createKey(ctx.vaults, ctx.url, { name: n, type: 'EC', curve: 'P-256', operations: ['sign', 'verify'], tags: TAGS }, { abortSignal })),
    probe: (ctx, n) => ctx.state.newVersions('key', n, 0),
  },
  {
    id: 'k-rotate', command: 'Rotate Key Now…', op: 'keyOps.rotateKey', kind: 'key', method: 'POST', path: (n) => `^/keys/${n}/rotate$`, settleMs: 0,
    seed: (n) => key(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.keyOps.rotateKey(ctx.vaults, ctx.url, n, { abortSignal })),
    probe: (ctx, n) => ctx.state.newVersions('key', n, 1),
  },
  {
    id: 'k-policy', command: 'Edit Key Rotation Policy…', op: 'keyOps.setRotationPolicy', kind: 'key', method: 'PUT', path: (n) => `^/keys/${n}/rotationpolicy$`, settleMs: 0,
    seed: (n) => key(n),
    run: (ctx, n, abortSignal) =>
      done(ctx.sdk.keyOps.setRotationPolicy(ctx.vaults, ctx.url, n, { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Notify', timeBeforeExpiry: 'P30D' }], expiryTime: 'P1Y' }, { abortSignal })),
    probe: async (ctx, n) => {
      const p = await ctx.state.keys.getKeyRotationPolicy(n);
      const rotate = p.lifetimeActions?.find((a) => a.action === 'Rotate');
      return VaultState.attribute(p.expiresIn === 'P1Y' && rotate?.timeAfterCreate === 'P90D', 'policy as sent');
    },
  },
  {
    id: 'k-attr', command: 'Edit Key Expiry… / Edit Key Tags…', op: 'keyOps.updateKey', kind: 'key', method: 'PATCH', path: (n) => `^/keys/${n}/?$`, settleMs: 0,
    seed: (n) => key(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.keyOps.updateKey(ctx.vaults, ctx.url, n, undefined, { tags: TAGS, expiresOn: EXPIRY }, { abortSignal })),
    probe: async (ctx, n) => {
      const k = await ctx.state.keys.getKey(n);
      return VaultState.attribute(sameTags(k.properties.tags, TAGS) && k.properties.expiresOn?.getTime() === EXPIRY.getTime(), 'tags and expiry as sent');
    },
  },
  {
    id: 'k-disable', command: 'Enable Key / Disable Key', op: 'keyOps.updateKey', kind: 'key', method: 'PATCH', path: (n) => `^/keys/${n}/?$`, settleMs: 0,
    seed: (n) => key(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.keyOps.updateKey(ctx.vaults, ctx.url, n, undefined, { enabled: false }, { abortSignal })),
    probe: async (ctx, n) => VaultState.attribute((await ctx.state.keys.getKey(n)).properties.enabled === false, 'disabled'),
  },
  lifecycleRow('key', 'delete', 'Delete Key…', 'keyOps.deleteKey', (sdk) => sdk.keyOps.deleteKey),
  lifecycleRow('key', 'recover', 'Recover Key', 'keyOps.recoverKey', (sdk) => sdk.keyOps.recoverKey),
  lifecycleRow('key', 'purge', 'Purge Key…', 'keyOps.purgeKey', (sdk) => sdk.keyOps.purgeKey),
  {
    id: 'c-create', command: 'Create Self-Signed Certificate…', op: 'certificateOps.createSelfSigned', kind: 'certificate', method: 'POST', path: (n) => `^/certificates/${n}/create$`, settleMs: SETTLE,
    run: async (ctx, n, abortSignal) =>
      operationFailure(await ctx.sdk.certificateOps.createSelfSigned(ctx.vaults, ctx.url, { name: n, subject: `CN=${n}`, dnsNames: [], validityInMonths: 12, keyType: 'EC', curve: 'P-256', contentType: 'application/x-pkcs12', exportable: true }, { abortSignal })),
    probe: (ctx, n) => ctx.state.newVersions('certificate', n, 0),
  },
  {
    id: 'c-renew', command: 'Renew Certificate (New Version)…', op: 'certificateOps.renewCertificate', kind: 'certificate', method: 'POST', path: (n) => `^/certificates/${n}/create$`, settleMs: SETTLE,
    seed: (n) => certificate(n),
    run: async (ctx, n, abortSignal) => operationFailure(await ctx.sdk.certificateOps.renewCertificate(ctx.vaults, ctx.url, n, { abortSignal })),
    probe: (ctx, n) => ctx.state.newVersions('certificate', n, 1),
  },
  {
    id: 'c-import', command: 'Import Certificate (PFX/PEM)…', op: 'certificateOps.importCertificate', kind: 'certificate', method: 'POST', path: (n) => `^/certificates/${n}/import$`, settleMs: 0,
    run: (ctx, n, abortSignal) => done(ctx.sdk.certificateOps.importCertificate(ctx.vaults, ctx.url, { name: n, bytes: ctx.pfx, format: 'pfx' }, { abortSignal })),
    probe: (ctx, n) => ctx.state.newVersions('certificate', n, 0),
  },
  {
    id: 'c-policy', command: 'Edit Certificate Policy (save)', op: 'certificateOps.setCertificatePolicy', kind: 'certificate', method: 'PATCH', path: (n) => `^/certificates/${n}/policy$`, settleMs: 0,
    seed: (n) => certificate(n),
    run: async (ctx, n, abortSignal) => {
      const current = await ctx.sdk.certificateOps.getCertificatePolicy(ctx.vaults, ctx.url, n, { abortSignal });
      return done(ctx.sdk.certificateOps.setCertificatePolicy(ctx.vaults, ctx.url, n, { ...current, validityInMonths: 6 }, { abortSignal }));
    },
    probe: async (ctx, n) => VaultState.attribute((await ctx.state.certificates.getCertificatePolicy(n)).validityInMonths === 6, 'policy as sent'),
  },
  {
    id: 'c-disable', command: 'Enable Certificate / Disable Certificate', op: 'certificateOps.updateCertificate', kind: 'certificate', method: 'PATCH', path: (n) => `^/certificates/${n}/?$`, settleMs: 0,
    seed: (n) => certificate(n),
    run: (ctx, n, abortSignal) => done(ctx.sdk.certificateOps.updateCertificate(ctx.vaults, ctx.url, n, undefined, { enabled: false }, { abortSignal })),
    probe: async (ctx, n) => VaultState.attribute((await ctx.state.certificates.getCertificate(n)).properties.enabled === false, 'disabled'),
  },
  lifecycleRow('certificate', 'delete', 'Delete Certificate…', 'certificateOps.deleteCertificate', (sdk) => sdk.certificateOps.deleteCertificate),
  lifecycleRow('certificate', 'recover', 'Recover Certificate', 'certificateOps.recoverCertificate', (sdk) => sdk.certificateOps.recoverCertificate),
  lifecycleRow('certificate', 'purge', 'Purge Certificate…', 'certificateOps.purgeCertificate', (sdk) => sdk.certificateOps.purgeCertificate),
  setSecretRow('r-create', 'Create Referenced Secret… (quick fix)', false, () => ({})),
  {
    id: 'r-enable', command: 'Enable Referenced Object (quick fix)', op: 'secretOps.updateSecret', kind: 'secret', method: 'PATCH', path: (n) => `^/secrets/${n}/?$`, settleMs: 0,
    seed: (n) => secret(n, { versions: [{ value: 'seeded', enabled: false }] }),
    run: (ctx, n, abortSignal) => done(ctx.sdk.secretOps.updateSecret(ctx.vaults, ctx.url, n, undefined, { enabled: true }, { abortSignal })),
    probe: async (ctx, n) => VaultState.attribute((await ctx.state.secrets.getSecret(n)).properties.enabled !== false, 'enabled'),
  },
  lifecycleRow('secret', 'recover', 'Recover Referenced Object (quick fix)', 'secretOps.recoverSecret', (sdk) => sdk.secretOps.recoverSecret, 'r-recover'),
  setSecretRow('r-move', 'Move to Key Vault…', false, () => ({})),
];
