// Hover on a reference: what the vault says about the object — vault, name, version, content type, enabled,
// expiry, last update — from list properties only (the value is never read), with links to reveal it in the
// tree, copy its value (an explicit action, through the secrets area's command) and open it in the portal.
import * as vscode from 'vscode';
import { portalLink } from '../azure/portal';
import { EditorCommandIds } from '../model/commandIds';
import { referencedObject } from '../model/referenced';
import { kindSegments } from '../references/names';
import type { FoundReference } from '../references';
import { loadReferences } from '../references/lazy';
import type { Services } from '../services';
import { formatDate, relativeDays } from '../presentation/format';
import { kindName } from '../model/kindWords';
import { mdCode, mdCommandLink, mdText, mdWebLink } from '../presentation/markdown';
import type { ReferenceLookups, ResolvedReference } from './lookups';

/** Files larger than this are not scanned for references. */
export const maxScannedLength = 1024 * 1024;

// Everything from the file (names, vault names, versions) and from the vault (content type, tags, messages) goes
// through src/presentation/markdown.ts: the hover is trusted for our two commands, so nothing else may become
// markdown in it.
function describe(ref: FoundReference): string {
  return vscode.l10n.t('**Key Vault {0} {1}**', kindName(ref.kind), mdCode(ref.name));
}

/** The hover's markdown lines for a resolved reference (no value, ever). */
export function hoverLines(resolved: ResolvedReference, now: number, portal: string): string[] {
  const { ref, vault, status } = resolved;
  const lines = [vscode.l10n.t('{0} in vault {1}', describe(ref), mdCode(vault.name)), ''];
  const version = ref.version ? vscode.l10n.t('{0} (pinned)', mdCode(ref.version)) : vscode.l10n.t('current');
  switch (status.state) {
    case 'missing':
      lines.push(vscode.l10n.t('$(warning) Not found in {0}.', mdCode(vault.name)));
      break;
    case 'deleted': {
      const deletedOn = status.deleted.deletedOn ? formatDate(status.deleted.deletedOn) : '';
      const purge = status.deleted.scheduledPurgeDate;
      lines.push(
        purge
          ? vscode.l10n.t('$(trash) Deleted {0}; purged {1} ({2}).', deletedOn, formatDate(purge), relativeDays(purge, now))
          : vscode.l10n.t('$(trash) Deleted {0}; purged when its retention ends.', deletedOn),
      );
      break;
    }
    case 'unknown':
      lines.push(vscode.l10n.t('$(info) Could not check it: {0}', mdText(status.failure?.message ?? vscode.l10n.t('the vault has too many objects to list for a hover.'))));
      break;
    default: {
      const p = status.properties;
      if (status.state === 'versionMissing') lines.push(vscode.l10n.t('$(warning) Version {0} does not exist; the current version is described below.', mdCode(ref.version ?? '')), '');
      const expires = !p.expiresOn
        ? vscode.l10n.t('Expires: never')
        : status.state === 'expired'
          ? vscode.l10n.t('Expires: {0} ({1}) $(warning) expired', formatDate(p.expiresOn), relativeDays(p.expiresOn, now))
          : vscode.l10n.t('Expires: {0} ({1})', formatDate(p.expiresOn), relativeDays(p.expiresOn, now));
      lines.push(
        vscode.l10n.t('Version: {0}', status.state === 'versionMissing' ? vscode.l10n.t('current') : version),
        ...(p.contentType ? [vscode.l10n.t('Content type: {0}', mdText(p.contentType))] : []),
        p.enabled === false ? vscode.l10n.t('Enabled: $(circle-slash) no — its value cannot be read') : vscode.l10n.t('Enabled: yes'),
        expires,
        ...(p.notBefore && status.state === 'notYetActive' ? [vscode.l10n.t('Active from: {0} ({1})', formatDate(p.notBefore), relativeDays(p.notBefore, now))] : []),
        vscode.l10n.t('Last updated: {0}', formatDate(p.updatedOn ?? p.createdOn)),
        ...(p.tags && Object.keys(p.tags).length ? [vscode.l10n.t('Tags: {0}', mdText(Object.entries(p.tags).map(([k, v]) => `${k}=${v}`).join(', ')))] : []),
      );
    }
  }
  const object = referencedObject(vault, ref.kind, ref.name, ref.version);
  const links = [mdCommandLink(vscode.l10n.t('Reveal in Key Vault Explorer'), EditorCommandIds.revealReference, [object])];
  // A disabled secret's value cannot be read: no link that would fail.
  const readable = status.state !== 'missing' && status.state !== 'deleted' && status.state !== 'disabled';
  if (ref.kind === 'secret' && readable) {
    links.push(mdCommandLink(vscode.l10n.t('Copy value'), EditorCommandIds.copyReferencedValue, [object]));
  }
  const objectId = `${vault.vaultUrl}/${kindSegments[ref.kind]}/${ref.name}${ref.version ? `/${ref.version}` : ''}`;
  // A local (emulator) vault has no portal: no link (as the tree offers no Open in Portal there).
  const link = status.state === 'missing' ? undefined : portalLink(vault, { kind: ref.kind, id: objectId }, portal);
  if (link && 'url' in link) links.push(mdWebLink(vscode.l10n.t('Open in portal'), link.url));
  lines.push('', links.join(' · '));
  return lines;
}

export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly services: Services,
    private readonly lookups: ReferenceLookups,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const text = document.getText();
    if (text.length > maxScannedLength) return undefined;
    const { referenceAt, referenceFormats } = await loadReferences();
    const ref = referenceAt(text, document.offsetAt(position), this.lookups.parseOptions());
    if (!ref) return undefined;
    const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
    // Theme icons on, HTML off (the default, said out loud); trusted only for our own two commands, and not at all
    // in an untrusted workspace, whose hover has no links.
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.supportHtml = false;
    if (!this.lookups.enabled) {
      markdown.appendMarkdown(`${describe(ref)}\n\n${vscode.l10n.t('Trust this workspace to look its references up in Key Vault.')}`);
      return new vscode.Hover(markdown, range);
    }
    markdown.isTrusted = { enabledCommands: [EditorCommandIds.revealReference, EditorCommandIds.copyReferencedValue] };
    const resolved = await this.lookups.lookup(ref).catch(() => undefined);
    if (!resolved) {
      const vaultName = ref.vault.by === 'name' ? ref.vault.name : new URL(ref.vault.url).host;
      const heading = vscode.l10n.t('{0} in vault {1} ({2})', describe(ref), mdCode(vaultName), mdText(referenceFormats[ref.format].label));
      const hint = vscode.l10n.t("This vault is not among your vaults: sign in to its directory, or attach it by URL, to see the {0}'s details.", kindName(ref.kind));
      markdown.appendMarkdown(`${heading}\n\n${hint}`);
      return new vscode.Hover(markdown, range);
    }
    const cloud = this.services.session.cloud();
    markdown.appendMarkdown(hoverLines(resolved, Date.now(), cloud.ok ? cloud.cloud.portalUrl : 'https://portal.azure.com').join('  \n'));
    return new vscode.Hover(markdown, range);
  }
}
