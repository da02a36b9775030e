// "Is this the value I think it is?": a text the user holds (clipboard, editor selection) checked against a secret
// without showing either — one GET, an answer in words (same, or the near miss: a trailing newline, CRLF…), and on
// request the diff, or which older version holds that text (one GET per enabled version, stopping at a match).
import * as vscode from 'vscode';
import { matchValue, type ValueMatch } from '../../model/valueMatch';
import type { ItemTarget } from '../../model/targets';
import { shortId, versionLabel } from '../../presentation/format';
import type { Services } from '../../services';
import { readSecretValue } from '../items/secretValue';
import { listVersions } from '../versionTargets';
import { openWithCandidate, nearMissText, type Candidate, type Opened } from './comparison';

export interface CandidateResult {
  readonly same: boolean;
  /** The version that holds the text, when an older one was searched and found. */
  readonly matchedVersion?: string;
  readonly opened?: Opened;
}

function differsText(candidate: Candidate, name: string, version: string, match: Exclude<ValueMatch, { same: true }>): string {
  const near = nearMissText(match.hint);
  if (near) return vscode.l10n.t('The {0} does not hold the value of {1} ({2}). {3}', candidate.label, name, version, near);
  const length =
    match.lengthDelta === 0
      ? vscode.l10n.t('Same length, different characters.')
      : match.lengthDelta > 0
        ? vscode.l10n.t('The {0} is {1} characters longer.', candidate.label, match.lengthDelta)
        : vscode.l10n.t('The {0} is {1} characters shorter.', candidate.label, -match.lengthDelta);
  return vscode.l10n.t('The {0} does not hold the value of {1} ({2}). {3}', candidate.label, name, version, length);
}

/** Checks `candidate` against the target (its version, else the current one); the answer never holds either text. */
export async function checkCandidate(services: Services, target: ItemTarget, candidate: Candidate): Promise<CandidateResult> {
  const secret = await readSecretValue(services, target);
  const version = secret.properties.version ?? '';
  const which = target.version ? shortId(version) : vscode.l10n.t('current version {0}', shortId(version));
  const match = matchValue(candidate.text, secret.value);
  services.log.info(`compared the ${candidate.source} with secret ${target.name} of ${target.vault.name} (${shortId(version)}): ${match.same ? 'same' : match.hint}`);
  if (match.same) {
    services.ui.notify(vscode.l10n.t('The {0} holds the value of {1} ({2}).', candidate.label, target.name, which));
    return { same: true };
  }
  const showDiff = vscode.l10n.t('Show Diff');
  const older = vscode.l10n.t('Check Older Versions');
  const actions = target.version ? [showDiff] : [showDiff, older];
  const choice = await services.ui.showInformationMessage(differsText(candidate, target.name, which, match), ...actions);
  if (choice === showDiff) return { same: false, opened: await openWithCandidate(services, { target, secret, current: !target.version }, candidate) };
  if (choice === older) return { same: false, ...(await findInOlder(services, target, candidate, version)) };
  return { same: false };
}

/** Reads the older enabled versions one by one (newest first) until one holds the text; says which, or that none does. */
async function findInOlder(services: Services, target: ItemTarget, candidate: Candidate, current: string): Promise<{ matchedVersion?: string }> {
  const versions = (await listVersions(services, target)).filter((v) => v.version !== current);
  let disabled = 0;
  for (const v of versions) {
    if (v.enabled === false) {
      disabled += 1;
      continue;
    }
    const { value } = await readSecretValue(services, { ...target, version: v.version ?? '' });
    if (value === candidate.text) {
      services.ui.notify(vscode.l10n.t('The {0} holds the value of {1} version {2}, created {3}.', candidate.label, target.name, shortId(v.version ?? ''), versionLabel(v.createdOn, v.version ?? '')));
      return { matchedVersion: v.version ?? '' };
    }
  }
  const skipped = disabled > 0 ? ` ${vscode.l10n.t('{0} disabled versions could not be read.', disabled)}` : '';
  services.ui.notify(vscode.l10n.t('No version of {0} holds the {1}.', target.name, candidate.label) + skipped);
  return {};
}
