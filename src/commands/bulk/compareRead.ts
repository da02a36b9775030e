// The Azure side of Compare Vaults (issue 21): one listing of each kind in each vault, then one GET per vault for each
// name in both (secrets: enabled in both — a disabled value cannot be read), at most 4 pairs at a time. A secret's two
// values are compared here, in memory, and dropped at once: the comparison keeps "value differs" or not. Keys: kty
// and size or curve; certificates: subject and thumbprint of the current version. The pure part: src/model/bulk/compare.ts.
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import type { ObjectKind } from '../../azure/model';
import { allPages } from '../../azure/paging';
import { certificateDifferences, compareKind, keyDifferences, type CertificateShape, type CompareKind, type DeepResult, type KeyShape, type KindComparison, type ListedItem } from '../../model/bulk/compare';
import { kindsOf, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request, vaultClients } from '../failures';
import { withProgress } from '../progress';

/** Pairs compared at a time (two GETs each, one per vault; the client's per-vault gate caps requests anyway). */
const PAIRS_AT_ONCE = 4;

/** The kinds both vaults hold, in report order (two Managed HSMs: keys only). */
export function kindsInBoth(a: VaultTarget, b: VaultTarget, only?: readonly CompareKind[]): CompareKind[] {
  const inB = kindsOf(b);
  return kindsOf(a).filter((k) => inB.includes(k) && (!only || only.includes(k)));
}

function listKind(services: Services, vault: VaultTarget, kind: ObjectKind): Promise<ListedItem[]> {
  return request(services, { kind, operation: 'list', vault }, (_sdk, vaults, url, options) => allPages((page) => vaults.listItems(url, kind, page), options.abortSignal));
}

/** One side of a pair, as its kind's deeper comparison reads it (a secret: its value, kept only until compared). */
type Reader = (vault: VaultTarget, name: string, signal: AbortSignal) => Promise<unknown>;

interface Deep {
  readonly read: Reader;
  readonly differ: (a: never, b: never) => DeepResult;
}

/** What each kind reads of one side (one GET), and how two reads compare. */
async function deepReaders(services: Services): Promise<Record<CompareKind, Deep>> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  return {
    secret: {
      read: async (vault, name, signal) => (await sdk.secretOps.getSecretValue(vaults, vault.vaultUrl, name, undefined, { abortSignal: signal })).value,
      differ: (a: string, b: string): DeepResult => (a === b ? [] : [{ what: 'value' }]),
    },
    key: {
      read: async (vault, name, signal): Promise<KeyShape> => {
        const k = await sdk.keyOps.getKeyDetails(vaults, vault.vaultUrl, name, undefined, { abortSignal: signal });
        return { keyType: k.keyType, ...(k.keySize !== undefined ? { keySize: k.keySize } : {}), ...(k.curve !== undefined ? { curve: k.curve } : {}) };
      },
      differ: keyDifferences,
    },
    certificate: {
      read: async (vault, name, signal): Promise<CertificateShape> => {
        const c = await sdk.certificateOps.getCertificateDetails(vaults, vault.vaultUrl, name, undefined, { abortSignal: signal });
        const subject = c.certificate?.subject ?? c.policy?.subject;
        const thumbprint = c.serviceThumbprint ?? c.certificate?.thumbprintSha1;
        return { ...(subject !== undefined ? { subject } : {}), ...(thumbprint !== undefined ? { thumbprint } : {}) };
      },
      differ: certificateDifferences,
    },
  };
}

function progressWord(kind: CompareKind, done: number): string {
  switch (kind) {
    case 'secret':
      return vscode.l10n.t('Reading the secrets in both vaults: one read per vault per secret, values compared in memory, never kept ({0} done)', done);
    case 'key':
      return vscode.l10n.t('Reading the keys in both vaults: type and size ({0} done)', done);
    case 'certificate':
      return vscode.l10n.t('Reading the certificates in both vaults: subject and thumbprint ({0} done)', done);
  }
}

/**
 * Compares the `kinds` of `a` and `b` under a cancellable progress (reads only: nothing is written). Each kind: its
 * two listings, then the pairs in both. A pair whose reads fail is "not compared", with why.
 */
export async function compareVaultKinds(services: Services, a: VaultTarget, b: VaultTarget, kinds: readonly CompareKind[]): Promise<KindComparison[]> {
  return withProgress(services, vscode.l10n.t('Comparing {0} with {1}', a.name, b.name), async (signal, report) => {
    const readers = await deepReaders(services);
    const out: KindComparison[] = [];
    for (const kind of kinds) {
      report(vscode.l10n.t('Listing the {0} of both vaults…', kind === 'secret' ? vscode.l10n.t('secrets') : kind === 'key' ? vscode.l10n.t('keys') : vscode.l10n.t('certificates')));
      const [inA, inB] = await Promise.all([listKind(services, a, kind), listKind(services, b, kind)]);
      const { read, differ } = readers[kind];
      let done = 0;
      const deep = async (x: ListedItem, y: ListedItem): Promise<DeepResult> => {
        try {
          const [left, right] = await Promise.all([read(a, x.name, signal), read(b, y.name, signal)]);
          return differ(left as never, right as never);
        } catch (error) {
          if (signal.aborted) throw new UserCancelled();
          return { unreadable: classifyError(error).message };
        } finally {
          report(progressWord(kind, ++done));
        }
      };
      out.push(await compareKind(kind, inA, inB, deep, {
        concurrency: PAIRS_AT_ONCE,
        deepWhenDisabled: kind !== 'secret',
        checkStopped: () => {
          if (signal.aborted) throw new UserCancelled();
        },
      }));
    }
    return out;
  }, a);
}
