// Links on references: Ctrl+click on the object's name reveals it in the Key Vault view. The vault is resolved
// only when a link is resolved (hovered or clicked), from the cached directory of the user's vaults.
import * as vscode from 'vscode';
import type { FoundReference } from '../references';
import { loadReferences } from '../references/lazy';
import { maxScannedLength } from './hover';
import { EditorCommandIds } from '../model/commandIds';
import type { ReferenceLookups } from './lookups';
import { referencedObject } from '../model/referenced';

class ReferenceLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly ref: FoundReference,
  ) {
    super(range);
    this.tooltip = vscode.l10n.t('Reveal in Key Vault Explorer');
  }
}

export class ReferenceLinks implements vscode.DocumentLinkProvider<ReferenceLink> {
  constructor(private readonly lookups: ReferenceLookups) {}

  async provideDocumentLinks(document: vscode.TextDocument): Promise<ReferenceLink[]> {
    const text = document.getText();
    if (!this.lookups.enabled || text.length > maxScannedLength) return [];
    const { findReferences } = await loadReferences();
    return findReferences(text, this.lookups.parseOptions()).map(
      (ref) => new ReferenceLink(new vscode.Range(document.positionAt(ref.nameStart), document.positionAt(ref.nameEnd)), ref),
    );
  }

  async resolveDocumentLink(link: ReferenceLink): Promise<ReferenceLink | undefined> {
    const vault = await this.lookups.resolveVault(link.ref.vault);
    if (!vault) {
      link.tooltip = vscode.l10n.t('This vault is not among your vaults (sign in to its directory or attach it by URL)');
      return undefined;
    }
    const object = referencedObject(vault, link.ref.kind, link.ref.name, link.ref.version);
    link.target = vscode.Uri.parse(`command:${EditorCommandIds.revealReference}?${encodeURIComponent(JSON.stringify([object]))}`);
    return link;
  }
}
