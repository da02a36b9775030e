// Two values side by side in VS Code's diff editor, on read-only `keyvault:` documents (memory only: never a file,
// never dirty so never backed up, dropped when the tab closes), with their attributes in a second, attributes-only
// diff. JSON (by content type) is pretty-printed on both sides unless the values differ only in formatting — then
// the raw texts are shown, so the diff never hides a difference. Read no value here: the callers did (one GET each).
import * as vscode from 'vscode';
import type { ItemProperties } from '../../azure/model';
import type { SecretValue } from '../../azure/secretOps';
import { matchValue, type NearMiss } from '../../model/valueMatch';
import type { ItemTarget } from '../../model/targets';
import { extensionForLanguage } from '../../platform/documents/language';
import { shortId } from '../../presentation/format';
import type { Services } from '../../services';
import { secretLanguage } from '../items/secretValue';

/** One side of a comparison: what it is, and its value as read. */
export interface Side {
  readonly target: Pick<ItemTarget, 'vault' | 'name'>;
  readonly secret: SecretValue;
  /** Whether this is the secret's current version, when known. */
  readonly current?: boolean;
}

/** A text to compare that is not a version (the clipboard, an editor selection). */
export interface Candidate {
  /** Path segment and label: 'clipboard', 'selection'. */
  readonly source: string;
  readonly label: string;
  readonly text: string;
}

export interface Opened {
  /** The value documents' URIs (left, right) and the attributes' (when both sides are versions). */
  readonly original: string;
  readonly modified: string;
  readonly attributes?: { readonly original: string; readonly modified: string };
  readonly same: boolean;
}

const isJson = (contentType: string | undefined): boolean => /json/i.test(contentType ?? '');

function pretty(value: string, contentType: string | undefined): string {
  if (!isJson(contentType)) return value;
  try {
    return `${JSON.stringify(JSON.parse(value), null, 2)}\n`;
  } catch {
    return value;
  }
}

/** Short words for a side: `3f2a1b0c (current)`, or `kv-prod/db-password 3f2a1b0c` when the names differ. */
export function sideLabel(side: Side, qualified: boolean): string {
  const version = side.secret.properties.version;
  const id = version ? shortId(version) : vscode.l10n.t('latest');
  const label = side.current ? vscode.l10n.t('{0} (current)', id) : id;
  return qualified ? `${side.target.vault.name}/${side.target.name} ${label}` : label;
}

function folder(side: Side): string {
  return `/${side.target.vault.name}/secrets/${side.target.name}/${side.secret.properties.version ?? 'latest'}`;
}

const quote = (s: string): string => JSON.stringify(s);
const when = (d: Date | undefined): string => (d ? d.toISOString() : '(none)');

/** A version's attributes as YAML (no value): what the attributes diff shows. */
export function attributesText(p: ItemProperties, current: boolean | undefined): string {
  const tags = Object.entries(p.tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return [
    `# ${p.name}${current ? ' (current version)' : ''}`,
    `version: ${p.version ?? '(none)'}`,
    `enabled: ${p.enabled !== false}`,
    `contentType: ${p.contentType ? quote(p.contentType) : '(none)'}`,
    `created: ${when(p.createdOn)}`,
    `updated: ${when(p.updatedOn)}`,
    `notBefore: ${when(p.notBefore)}`,
    `expires: ${when(p.expiresOn)}`,
    tags.length === 0 ? 'tags: {}' : 'tags:',
    ...tags.map(([k, v]) => `  ${quote(k)}: ${quote(v)}`),
    '',
  ].join('\n');
}

/** Said after the diff opens when the texts are equal or nearly so (a diff makes a lone newline easy to miss). */
export function nearMissText(hint: NearMiss): string | undefined {
  switch (hint) {
    case 'trailingNewline':
      return vscode.l10n.t('They differ only by a trailing newline.');
    case 'lineEndings':
      return vscode.l10n.t('They differ only in line endings (CRLF and LF).');
    case 'surroundingWhitespace':
      return vscode.l10n.t('They differ only by spaces or newlines at the start or end.');
    case 'letterCase':
      return vscode.l10n.t('They differ only in letter case.');
    case 'jsonFormatting':
      return vscode.l10n.t('They hold the same JSON, formatted differently.');
    default:
      return undefined;
  }
}

async function valueDocument(services: Services, path: string, text: string, contentType: string | undefined, shown: string): Promise<vscode.Uri> {
  const languageId = await secretLanguage(contentType, text);
  return services.documents.putReadOnly(`${path}${extensionForLanguage(languageId)}`, shown);
}

/**
 * Opens the attributes diff, then the value diff (in front); says when the values are equal or nearly so. The two
 * sides are two different versions (callers refuse the same one twice).
 */
export async function openComparison(services: Services, left: Side, right: Side): Promise<Opened> {
  const qualified = left.target.name !== right.target.name || left.target.vault.vaultUrl !== right.target.vault.vaultUrl;
  const title = `${qualified ? '' : `${left.target.name}: `}${sideLabel(left, qualified)} ↔ ${sideLabel(right, qualified)}`;
  const attributes = {
    original: services.documents.putReadOnly(`${folder(left)}/attributes.yaml`, attributesText(left.secret.properties, left.current)),
    modified: services.documents.putReadOnly(`${folder(right)}/attributes.yaml`, attributesText(right.secret.properties, right.current)),
  };
  await vscode.commands.executeCommand('vscode.diff', attributes.original, attributes.modified, vscode.l10n.t('{0} (attributes)', title), { preview: false });
  const opened = await openValues(services, title, { side: left, text: left.secret.value, path: `${folder(left)}/${left.target.name}` }, { side: right, text: right.secret.value, path: `${folder(right)}/${right.target.name}` });
  return { ...opened, attributes: { original: attributes.original.toString(), modified: attributes.modified.toString() } };
}

/** A version's value beside a text the user holds (no attributes: a clipboard has none). */
export function openWithCandidate(services: Services, side: Side, candidate: Candidate): Promise<Opened> {
  const title = vscode.l10n.t('{0}: {1} ↔ {2}', side.target.name, sideLabel(side, false), candidate.label);
  return openValues(services, title, { side, text: side.secret.value, path: `${folder(side)}/${side.target.name}` }, { side, text: candidate.text, path: `/${side.target.vault.name}/secrets/${side.target.name}/${candidate.source}/${side.target.name}` });
}

interface Text {
  readonly side: Side;
  readonly text: string;
  readonly path: string;
}

async function openValues(services: Services, title: string, left: Text, right: Text): Promise<Opened> {
  const match = matchValue(right.text, left.text);
  const [lType, rType] = [left.side.secret.properties.contentType, right.side.secret.properties.contentType];
  let [lShown, rShown] = [pretty(left.text, lType), pretty(right.text, rType)];
  // Pretty-printing would hide a difference of formatting only: show the raw texts then.
  if (!match.same && lShown === rShown) [lShown, rShown] = [left.text, right.text];
  const original = await valueDocument(services, left.path, left.text, lType, lShown);
  const modified = await valueDocument(services, right.path, right.text, rType, rShown);
  await vscode.commands.executeCommand('vscode.diff', original, modified, title, { preview: false });
  const said = match.same ? vscode.l10n.t('The two values are identical.') : nearMissText(match.hint);
  if (said) services.ui.notify(said);
  return { original: original.toString(), modified: modified.toString(), same: match.same };
}
