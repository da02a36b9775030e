// Hover on a reference: what the vault says about the object — vault, name, version, content type, enabled,
// expiry, last update — from list properties only (the value is never read), with links to reveal it in the
// tree, copy its value (an explicit action, through the secrets area's command) and open it in the portal.
import * as vscode from 'vscode';
import { objectPortalUrl, portalForVault } from '../azure/portal';
import { SecretCommandIds } from '../commands/secrets/ids';
import { kindSegments, referenceAt, referenceFormats, type FoundReference } from '../references';
import type { Services } from '../services';
import { formatDate, relativeDays } from '../tree/format';
import { EditorCommandIds } from './ids';
import type { ReferenceLookups, ResolvedReference } from './lookups';
import { referencedObject } from './targets';

/** Files larger than this are not scanned for references. */
export const maxScannedLength = 1024 * 1024;

const copyValueCommand = Object.values(SecretCommandIds as Record<string, string>).find((id) => id === 'azureKeyVault.copySecretValue');

function commandLink(label: string, command: string, arg: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([arg]))})`;
}

/** Text from the service (content type, tags) shown as text, never as markdown or links. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);
}

function describe(ref: FoundReference): string {
  return `**Key Vault ${ref.kind} \`${ref.name}\`**`;
}

/** The hover's markdown lines for a resolved reference (no value, ever). */
export function hoverLines(resolved: ResolvedReference, now: number, portal: string): string[] {
  const { ref, vault, status } = resolved;
  const lines = [`${describe(ref)} in vault \`${vault.name}\``, ''];
  const version = ref.version ? `\`${ref.version}\` (pinned)` : 'current';
  switch (status.state) {
    case 'missing':
      lines.push(`$(warning) Not found in \`${vault.name}\`.`);
      break;
    case 'deleted':
      lines.push(
        `$(trash) Deleted ${status.deleted.deletedOn ? formatDate(status.deleted.deletedOn) : ''}; purged ${status.deleted.scheduledPurgeDate ? `${formatDate(status.deleted.scheduledPurgeDate)} (${relativeDays(status.deleted.scheduledPurgeDate, now)})` : 'when its retention ends'}.`,
      );
      break;
    case 'unknown':
      lines.push(`$(info) Could not check it: ${status.failure?.message ?? 'the vault has too many objects to list for a hover.'}`);
      break;
    default: {
      const p = status.properties;
      if (status.state === 'versionMissing') lines.push(`$(warning) Version \`${ref.version ?? ''}\` does not exist; the current version is described below.`, '');
      lines.push(
        `Version: ${status.state === 'versionMissing' ? 'current' : version}`,
        ...(p.contentType ? [`Content type: ${md(p.contentType)}`] : []),
        `Enabled: ${p.enabled === false ? '$(circle-slash) no — its value cannot be read' : 'yes'}`,
        `Expires: ${p.expiresOn ? `${formatDate(p.expiresOn)} (${relativeDays(p.expiresOn, now)})${status.state === 'expired' ? ' $(warning) expired' : ''}` : 'never'}`,
        ...(p.notBefore && status.state === 'notYetActive' ? [`Active from: ${formatDate(p.notBefore)} (${relativeDays(p.notBefore, now)})`] : []),
        `Last updated: ${formatDate(p.updatedOn ?? p.createdOn)}`,
        ...(p.tags && Object.keys(p.tags).length ? [`Tags: ${md(Object.entries(p.tags).map(([k, v]) => `${k}=${v}`).join(', '))}`] : []),
      );
    }
  }
  const object = referencedObject(vault, ref.kind, ref.name, ref.version);
  const links = [commandLink('Reveal in Key Vault Explorer', EditorCommandIds.revealReference, object)];
  if (copyValueCommand && ref.kind === 'secret' && status.state !== 'missing' && status.state !== 'deleted') {
    links.push(commandLink('Copy value', EditorCommandIds.copyReferencedValue, object));
  }
  const objectId = `${vault.vaultUrl}/${kindSegments[ref.kind]}/${ref.name}${ref.version ? `/${ref.version}` : ''}`;
  if (status.state !== 'missing') links.push(`[Open in portal](${objectPortalUrl(portalForVault(vault.vaultUrl, portal), ref.kind, objectId, vault.info?.tenantId)})`);
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
    const ref = referenceAt(text, document.offsetAt(position), this.lookups.parseOptions());
    if (!ref) return undefined;
    const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: [EditorCommandIds.revealReference, EditorCommandIds.copyReferencedValue] };
    if (!this.lookups.enabled) {
      markdown.appendMarkdown(`${describe(ref)}\n\nTrust this workspace to look its references up in Key Vault.`);
      return new vscode.Hover(markdown, range);
    }
    const resolved = await this.lookups.lookup(ref).catch(() => undefined);
    if (!resolved) {
      const vaultName = ref.vault.by === 'name' ? ref.vault.name : new URL(ref.vault.url).host;
      markdown.appendMarkdown(
        `${describe(ref)} in vault \`${vaultName}\` (${referenceFormats[ref.format].label})\n\nThis vault is not among your vaults: sign in to its directory, or attach it by URL, to see the ${ref.kind}'s details.`,
      );
      return new vscode.Hover(markdown, range);
    }
    const cloud = this.services.session.cloud();
    markdown.appendMarkdown(hoverLines(resolved, Date.now(), cloud.ok ? cloud.cloud.portalUrl : 'https://portal.azure.com').join('  \n'));
    return new vscode.Hover(markdown, range);
  }
}
