// Resolving the Key Vault references of an environment, in memory, for one run (a debug session, a task, a
// terminal) the user started. The rules:
// - never in an untrusted workspace (the files are the workspace's: it must not make us read secrets);
// - a reference's vault must be one the user listed or attached (`listAllVaults`, as the editor's lookups) — a
//   reference never sends a request to any other host, whatever the file says;
// - one GET per distinct secret (and version), through the extension's vault clients (token guard, throttling);
// - any problem (a value that is no valid reference, an unknown vault, a missing, disabled or forbidden secret)
//   fails the whole run with one error naming every reference (`file:line NAME=reference`) and what to do: nothing
//   runs with a partial environment;
// - values stay strings in memory; only names reach the log and the summary.
import * as vscode from 'vscode';
import { listAllVaults } from '../../auth/vaultDirectory';
import { mapWithConcurrency } from '../../azure/concurrency';
import { classifyError } from '../../azure/errors';
import { vaultOrigin } from '../../azure/vaultUrl';
import { loadAzureSdk } from '../../azure/lazy';
import type { EnvSecretReference, EnvValueMeaning, VaultLocator } from '../../references';
import { vaultsLocated, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { explainFailure } from '../explain';

/** One variable as written somewhere: a file's line, a launch configuration's `env`, a task's `env`. */
export interface EnvInput {
  readonly name: string;
  /** As read (a reference as written, or the literal value). */
  readonly value: string;
  readonly meaning: EnvValueMeaning;
  /** Where it was written, for messages: `.env.keyvault:3`, `launch configuration "App" env`. */
  readonly where: string;
}

/** The values of the inputs (aligned with them) and what was read from Key Vault (names only). */
export interface ResolvedEnv {
  readonly values: readonly string[];
  /** `NAME ← vault/secret[/version]` for each variable whose value came from Key Vault. */
  readonly fromVault: readonly { readonly name: string; readonly secret: string }[];
}

/** A run that must not start; the message names every reference at fault (never a value). */
export class RunRefused extends Error {}

/** The vault a locator names among the user's own; a name held by two vaults is ambiguous (use the host). */
function vaultOf(locator: VaultLocator, vaults: readonly VaultTarget[]): VaultTarget | 'ambiguous' | undefined {
  const located = vaultsLocated(locator, vaults);
  return new Set(located.map((v) => vaultOrigin(v.vaultUrl))).size > 1 ? 'ambiguous' : located[0];
}

const written = (input: EnvInput): string => `${input.where} ${input.name}=${input.value}`;

/** Why one secret could not be read, and what to do. */
function readFailure(error: unknown, vault: VaultTarget, reference: EnvSecretReference): string {
  const failure = classifyError(error);
  const version = reference.version ? vscode.l10n.t(' (version {0})', reference.version) : '';
  if (failure.kind === 'notFound') {
    return vscode.l10n.t('the secret "{0}"{1} was not found in {2} (deleted, or never created): create or recover it, or fix the reference', reference.name, version, vault.name);
  }
  if (failure.kind === 'forbidden' && failure.forbiddenReason === 'disabled') {
    return vscode.l10n.t('the secret "{0}"{1} in {2} is disabled: enable it in the Key Vault view, or point the reference at an enabled version', reference.name, version, vault.name);
  }
  return explainFailure(failure, { kind: 'secret', operation: 'read', vault, name: reference.name });
}

/**
 * The values of `inputs`: literals as written, references read from Key Vault. `purpose` names the run in the
 * progress notification ("Debug “App”"). Throws RunRefused (a message for the user) when anything is wrong.
 */
export async function resolveEnv(services: Services, inputs: readonly EnvInput[], purpose: string, token?: vscode.CancellationToken): Promise<ResolvedEnv> {
  const references = inputs.filter((i) => i.meaning.type !== 'literal');
  if (references.length === 0) return { values: inputs.map((i) => i.value), fromVault: [] };
  if (!vscode.workspace.isTrusted) {
    throw new RunRefused(vscode.l10n.t('{0} did not start: Key Vault references are not resolved in an untrusted workspace. Trust the workspace (Manage Workspace Trust), then start again.', purpose));
  }
  const problems: string[] = [];
  for (const input of inputs) if (input.meaning.type === 'invalid') problems.push(`${input.where} ${input.name}: ${input.meaning.message}`);
  const wanted = references.flatMap((input) => (input.meaning.type === 'reference' ? [{ input, reference: input.meaning.reference }] : []));
  let vaults: VaultTarget[];
  try {
    vaults = await listAllVaults(services);
  } catch (error) {
    throw new RunRefused(vscode.l10n.t('{0} did not start: your key vaults could not be listed ({1}).', purpose, classifyError(error).message));
  }
  const located = new Map<EnvInput, VaultTarget>();
  for (const { input, reference } of wanted) {
    const vault = vaultOf(reference.vault, vaults);
    const named = reference.vault.by === 'url' ? reference.vault.url : reference.vault.name;
    if (vault === 'ambiguous') problems.push(vscode.l10n.t('{0}: several of your vaults are named {1}; write the vault\'s host instead (kv://<host>/{2}).', written(input), named, reference.name));
    else if (!vault) problems.push(vscode.l10n.t('{0}: the vault {1} is not one of your vaults (sign in to its directory and subscription, or attach it in the Key Vault view); references are read only from vaults you list or attach.', written(input), named));
    else located.set(input, vault);
  }
  if (problems.length > 0) throw refused(purpose, problems);

  // One GET per distinct secret and version.
  const keyOf = (vault: VaultTarget, r: EnvSecretReference) => `${vaultOrigin(vault.vaultUrl)}|${r.name.toLowerCase()}|${r.version ?? ''}`;
  const reads = new Map<string, { vault: VaultTarget; reference: EnvSecretReference; inputs: EnvInput[]; value?: string }>();
  for (const { input, reference } of wanted) {
    const vault = located.get(input)!;
    const key = keyOf(vault, reference);
    const read = reads.get(key) ?? { vault, reference, inputs: [] };
    read.inputs.push(input);
    reads.set(key, read);
  }
  const [sdk, { vaults: clients }] = await Promise.all([loadAzureSdk(), services.clients.get()]);
  const abort = new AbortController();
  const stop = token?.onCancellationRequested(() => abort.abort());
  const operationSignal = services.operations.current()?.signal;
  operationSignal?.addEventListener('abort', () => abort.abort(), { once: true });
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}: reading {1} secrets from Key Vault…', purpose, reads.size), cancellable: true },
      async (_progress, cancel) => {
        cancel.onCancellationRequested(() => abort.abort());
        await mapWithConcurrency([...reads.values()], 4, async (read) => {
          try {
            const { value } = await sdk.secretOps.getSecretValue(clients, read.vault.vaultUrl, read.reference.name, read.reference.version, { abortSignal: abort.signal });
            read.value = value;
          } catch (error) {
            if (abort.signal.aborted) return;
            const why = readFailure(error, read.vault, read.reference);
            for (const input of read.inputs) problems.push(`${written(input)}: ${why}`);
          }
        });
      },
    );
  } finally {
    stop?.dispose();
  }
  if (abort.signal.aborted) throw new RunRefused(vscode.l10n.t('{0} did not start: reading its secrets was cancelled.', purpose));
  if (problems.length > 0) throw refused(purpose, problems);
  const valueOf = new Map<EnvInput, { value: string; secret: string }>();
  for (const read of reads.values()) {
    const secret = `${read.vault.name}/${read.reference.name}${read.reference.version ? `/${read.reference.version}` : ''}`;
    for (const input of read.inputs) valueOf.set(input, { value: read.value ?? '', secret });
  }
  services.log.info(`run: ${purpose}: ${valueOf.size} variables from ${reads.size} secrets (${[...valueOf.keys()].map((i) => i.name).join(', ')})`);
  return {
    values: inputs.map((i) => valueOf.get(i)?.value ?? i.value),
    fromVault: inputs.flatMap((i) => {
      const got = valueOf.get(i);
      return got ? [{ name: i.name, secret: got.secret }] : [];
    }),
  };
}

function refused(purpose: string, problems: readonly string[]): RunRefused {
  return new RunRefused(
    problems.length === 1
      ? vscode.l10n.t('{0} did not start — {1}', purpose, problems[0]!)
      : vscode.l10n.t('{0} did not start — {1} references could not be used: {2}', purpose, problems.length, problems.join(' · ')),
  );
}

/** The summary after a run started: which variables came from which secrets (names, never values). */
export function summary(purpose: string, resolved: ResolvedEnv): string {
  const list = resolved.fromVault.map((r) => `${r.name} ← ${r.secret}`).join(', ');
  return vscode.l10n.t('{0}: {1} variables from Key Vault, in memory only — {2}', purpose, resolved.fromVault.length, list);
}
