// The ecosystem matrix (issue 15, "Ecosystem validation in npm test"): every reference format × targets (one secret,
// several of one vault, two vaults, a pinned version, a hierarchical .NET name, a certificate, a key — as the format
// supports them) × documents (empty, existing without a matching block, existing with one for the same vault and
// for another) is placed with the extension's own pure API (placeReferences), applied as VS Code applies it, and
// judged by the ecosystem's real tool (validators.ts) plus property checks: each target is read from its vault,
// and a reference written at a value position resolves to that vault. A rejection fails the run; nothing is skipped.
import * as assert from 'node:assert/strict';
import { formatIds, placeReferences, referenceFormats, type FormatId, type Placement, type ReferenceTarget } from '../../src/references';
import { applyPlacement } from './apply';
import { CONTOSO, FABRIKAM, cursorOf, documentsFor, type MatrixDocument } from './documents';
import { validatorFor, validators, type KeyVaultRead, type Validator } from './validators';

const VERSION = '0123456789abcdef0123456789abcdef';
const TENANT = '00000000-0000-4000-8000-0000000000f1';

function target(vault: typeof CONTOSO, name: string, extra: Partial<ReferenceTarget> = {}): ReferenceTarget {
  return {
    vaultUrl: vault.url, vaultName: vault.name, subscriptionId: vault.sub, resourceGroup: vault.rg, tenantId: TENANT,
    armId: `/subscriptions/${vault.sub}/resourceGroups/${vault.rg}/providers/Microsoft.KeyVault/vaults/${vault.name}`,
    kind: 'secret', name, ...extra,
  };
}

/** The ecosystem that judges a format's output (the Key Vault URI by the file it lands in: .env or any text). */
function validatorOf(format: FormatId, fileName: string): Validator {
  switch (format) {
    case 'appServiceUri':
    case 'appServiceName':
      return validators.appSettings;
    case 'armParameter':
      return validators.armParameters;
    case 'appConfig':
      return validators.appConfigKvset;
    case 'dotnetKey':
      return validators.csharp;
    case 'uri':
      return validatorFor(fileName);
    case 'kvUri':
      return validators.dotenv;
    default:
      return validators[format];
  }
}

interface TargetSet {
  readonly id: string;
  readonly targets: readonly ReferenceTarget[];
}

/** The target sets a format supports (its kinds; the .NET name only where names become configuration keys). */
function targetSetsFor(format: FormatId): TargetSet[] {
  const f = referenceFormats[format];
  const sets: TargetSet[] = [
    { id: 'one secret', targets: [target(CONTOSO, 'db-password')] },
    { id: 'several secrets of one vault', targets: [target(CONTOSO, 'db-password'), target(CONTOSO, 'api-key')] },
    { id: 'secrets of two vaults (db-password in both)', targets: [target(CONTOSO, 'db-password'), target(FABRIKAM, 'db-password'), target(FABRIKAM, 'api-key')] },
    { id: 'a pinned version', targets: [target(CONTOSO, 'db-password', { version: VERSION })] },
  ];
  if (['appServiceUri', 'appServiceName', 'appConfig', 'dotnetKey'].includes(format)) {
    sets.push({ id: 'a hierarchical .NET name (ConnectionStrings--Storage)', targets: [target(CONTOSO, 'ConnectionStrings--Storage')] });
  }
  if (f.kinds.includes('certificate')) sets.push({ id: 'a certificate', targets: [target(CONTOSO, 'tls-cert', { kind: 'certificate' })] });
  if (f.kinds.includes('key')) sets.push({ id: 'a key', targets: [target(CONTOSO, 'signing-key', { kind: 'key' })] });
  return sets;
}

/** Each target is read from its own vault (name, kind as the format writes it, version where it can pin one). */
function readsProblems(format: FormatId, targets: readonly ReferenceTarget[], reads: readonly KeyVaultRead[]): string[] {
  const f = referenceFormats[format];
  const problems: string[] = [];
  for (const t of targets) {
    const sameName = reads.filter((r) => r.name.toLowerCase() === t.name.toLowerCase());
    const kind = f.textKind(t.kind);
    const fromVault = sameName.filter((r) => r.vault === undefined || r.vault === t.vaultName.toLowerCase());
    const label = `${t.kind} ${t.name}${t.version ? `@${t.version.slice(0, 6)}…` : ''} of ${t.vaultName}`;
    if (!sameName.length) problems.push(`${label}: nothing in the file reads it`);
    else if (!fromVault.length) problems.push(`${label}: read from ${[...new Set(sameName.map((r) => `${r.vault} (${r.via})`))].join(', ')}, not from ${t.vaultName}`);
    // A certificate's value (with its private key) is its addressable secret of the same name
    // (learn.microsoft.com/azure/key-vault/certificates/about-certificates#composition-of-a-certificate).
    else if (fromVault.every((r) => r.kind !== undefined && r.kind !== kind && !(t.kind === 'certificate' && r.kind === 'secret'))) problems.push(`${label}: read as ${fromVault[0]!.kind}, not ${kind}`);
    else if (t.version && f.versionable(t.kind) && !fromVault.some((r) => r.version === t.version)) problems.push(`${label}: the pinned version is not what the file reads (${fromVault.map((r) => r.version ?? 'current').join(', ')})`);
  }
  return problems;
}

interface CaseOutcome {
  readonly format: FormatId;
  readonly validator: string;
  readonly name: string;
  readonly checks: number;
  readonly failures: string[];
  /** The format refused with a message (judged by refusalProblems) instead of writing. */
  readonly refused?: boolean;
}

const outcomes: CaseOutcome[] = [];

/**
 * A format may refuse (before writing anything) only where no text of its syntax could be right: the document binds
 * its values to other vaults (what it reads before the insertion names none of the targets' vaults), or two targets of
 * different vaults would take the same name. The refusal must name a target's vault.
 */
async function refusalProblems(format: FormatId, set: TargetSet, doc: MatrixDocument, original: string, message: string): Promise<string[]> {
  const validator = validatorOf(format, doc.fileName);
  const boundVaults = new Set([
    ...(await validator.reads(original, doc.fileName)).map((r) => r.vault).filter((v): v is string => v !== undefined),
    ...(validator.boundVaults?.(original) ?? []),
  ]);
  const bound = boundVaults.size > 0 && set.targets.some((t) => !boundVaults.has(t.vaultName.toLowerCase()));
  const names = new Map<string, Set<string>>();
  for (const t of set.targets) names.set(t.name.toLowerCase(), (names.get(t.name.toLowerCase()) ?? new Set()).add(t.vaultName));
  const clash = [...names.values()].some((v) => v.size > 1);
  const problems: string[] = [];
  if (!bound && !clash) problems.push(`refused where a correct text exists: ${message}`);
  if (!set.targets.some((t) => message.includes(t.vaultName))) problems.push(`the refusal names no target vault: ${message}`);
  return problems;
}

async function runCase(format: FormatId, set: TargetSet, doc: MatrixDocument): Promise<CaseOutcome> {
  const { text: original, offset } = cursorOf(doc, set.targets.length > 1);
  let placement: Placement;
  try {
    placement = placeReferences({ text: original, offset, languageId: doc.languageId, path: doc.fileName }, format, set.targets);
  } catch (e) {
    const problems = await refusalProblems(format, set, doc, original, (e as Error).message);
    return { format, validator: validatorOf(format, doc.fileName).id, name: `${format} × ${set.id} × ${doc.id}`, checks: 1, failures: problems.map((p) => `[refusal] ${p}`), refused: true };
  }
  const { text, inserted } = applyPlacement(original, { text: original, offset }, placement);
  const validator = validatorOf(format, doc.fileName);
  const failures: string[] = [];
  let checks = 0;
  // 1. The ecosystem's tool.
  checks++;
  const verdict = await validator.validate(text, doc.fileName);
  failures.push(...verdict.problems.map((p) => `[${validator.id}] ${p}`));
  // 2. Each target read from its vault (only meaningful when the file parses).
  checks++;
  try {
    failures.push(...readsProblems(format, set.targets, await validator.reads(text, doc.fileName)).map((p) => `[reads] ${p}`));
  } catch (e) {
    failures.push(`[reads] the file cannot be read back: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
  // 3. A reference written at a value position resolves to the intended vault.
  if (placement.mode === 'value' && validator.resolve && set.targets.length === 1) {
    checks++;
    const t = set.targets[0]!;
    try {
      const resolved = await validator.resolve(text, doc.fileName, inserted);
      if (!resolved.length) failures.push(`[resolve] the value ${JSON.stringify(inserted.trim())} resolves to nothing in the file`);
      for (const r of resolved) {
        if (r.vault !== t.vaultName.toLowerCase() || r.name.toLowerCase() !== t.name.toLowerCase()) {
          failures.push(`[resolve] the value ${JSON.stringify(inserted.trim())} reads ${r.name} from ${r.vault} (${r.via}), not ${t.name} from ${t.vaultName}`);
        }
      }
    } catch (e) {
      failures.push(`[resolve] ${String((e as Error).message ?? e).split('\n')[0]}`);
    }
  }
  return { format, validator: validator.id, name: `${format} × ${set.id} × ${doc.id}`, checks, failures };
}

describe('ecosystem matrix: every format × targets × documents, judged by the ecosystem’s own tools', function () {
  // The Azure Pipelines schema (1.6 MB) compiles once in ≈5 s; the HCL parser loads its WebAssembly once.
  this.timeout(120_000);

  describe('the existing documents are valid before anything is inserted', () => {
    for (const format of formatIds) {
      for (const doc of documentsFor(format).filter((d) => !d.id.startsWith('empty'))) {
        it(`${format}: ${doc.id}`, async () => {
          const { text } = cursorOf(doc, true);
          const v = validatorOf(format, doc.fileName);
          const verdict = await v.validate(text, doc.fileName);
          assert.deepEqual(verdict.problems, [], `${v.id} rejects the document itself:\n${text}`);
        });
      }
    }
  });

  for (const format of formatIds) {
    describe(format, () => {
      for (const set of targetSetsFor(format)) {
        for (const doc of documentsFor(format)) {
          it(`${set.id} × ${doc.id}`, async () => {
            let outcome: CaseOutcome;
            try {
              outcome = await runCase(format, set, doc);
            } catch (e) {
              outcome = { format, validator: '?', name: `${format} × ${set.id} × ${doc.id}`, checks: 1, failures: [`[placement] ${String((e as Error).stack ?? e)}`] };
            }
            outcomes.push(outcome);
            if (outcome.failures.length) assert.fail(`${outcome.name}\n  ${outcome.failures.join('\n  ')}`);
          });
        }
      }
    });
  }

  after(() => {
    const formats = new Set(outcomes.map((o) => o.format)).size;
    const validatorsUsed = new Set(outcomes.map((o) => o.validator)).size;
    const checks = outcomes.reduce((n, o) => n + o.checks, 0);
    // A failed check: one of a case's checks (tool, reads, resolve) with at least one problem.
    const failedChecks = outcomes.reduce((n, o) => n + new Set(o.failures.map((f) => /^\[[^\]]+\]/.exec(f)?.[0])).size, 0);
    const failedCases = outcomes.filter((o) => o.failures.length).length;
    console.log(`\n  ecosystem matrix: ${formats} formats × ${outcomes.length} cases × ${validatorsUsed} validators = ${checks} checks, ${failedChecks} failed`);
    console.log(`  (cases: format × target set × document; checks per case: the tool, reads-from-its-vault, value resolution; ${failedCases} cases failed; ${outcomes.filter((o) => o.refused).length} refused with a message where no text could be right)`);
    const byFormat = new Map<string, { cases: number; failed: number }>();
    for (const o of outcomes) {
      const e = byFormat.get(o.format) ?? { cases: 0, failed: 0 };
      e.cases++;
      if (o.failures.length) e.failed++;
      byFormat.set(o.format, e);
    }
    console.log(`  ${[...byFormat].map(([f, e]) => `${f} ${e.cases - e.failed}/${e.cases}`).join(', ')}`);
  });
});
