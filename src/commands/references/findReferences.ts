// Find References on a secret, key or certificate (or one version): every reference to it in the workspace, from
// the workspace index, in VS Code's References view grouped by file (the line as preview). A version row finds the
// references pinned to that version only — the title says that unpinned ones follow the current version. A
// certificate's references include those that read it through its secret or key (App Service, CSI…).
import * as vscode from 'vscode';
import { itemOfReferenced, asReferencedObject } from '../../model/referenced';
import type { ItemTarget, NodeTarget } from '../../model/targets';
import { showReferences, type ShownIn } from '../../platform/referenceIndex/referencesView';
import { kindName } from '../../model/kindWords';
import type { IndexedReference } from '../../references/usage';
import type { Services } from '../../services';
import type { ObjectKind } from '../../azure/model';
import { UserCancelled } from '../cancelled';
import { withProgress } from '../progress';
import { queryOf } from '../items/usage';
import { item, type TargetSpec } from '../targets';

/** Any item row (a secret, key or certificate, or a version), a link's argument, or — from the palette — the kind, then vault and item. */
export function anyItem(): TargetSpec<ItemTarget> {
  return {
    async resolve(services, given) {
      const first = given[0] as { readonly target?: NodeTarget } | undefined;
      const target = typeof first === 'object' && first !== null && 'target' in first ? first.target : undefined;
      if (target?.type === 'item' && !target.item.deleted) return { target: target.item, selection: [target.item] };
      const referenced = asReferencedObject(given[0]);
      if (referenced) {
        const fromLink = itemOfReferenced(referenced);
        return { target: fromLink, selection: [fromLink] };
      }
      const kinds: ObjectKind[] = ['secret', 'key', 'certificate'];
      const picked = await services.ui.showQuickPick(
        kinds.map((objectKind) => ({ label: kindName(objectKind), objectKind })),
        { title: vscode.l10n.t('Find References: which kind of object?') },
      );
      if (!picked) throw new UserCancelled();
      return item(picked.objectKind).resolve(services, given);
    },
  };
}

/** What Find References did (the e2e suite reads it back). */
export interface FoundReferences {
  readonly shownIn: ShownIn | 'none';
  readonly references: readonly IndexedReference[];
  readonly title: string;
}

const shortVersion = (v: string) => v.slice(0, 8);

function titleOf(target: ItemTarget): string {
  return target.version
    ? vscode.l10n.t('{0} {1}, version {2} (pinned references only; unpinned ones follow the current version)', kindName(target.kind), target.name, shortVersion(target.version))
    : vscode.l10n.t('References to {0} {1}', kindName(target.kind), target.name);
}

/** Find References: the references view (or peek), or a message saying none was found and how much was indexed. */
export async function findReferences(services: Services, target: ItemTarget): Promise<FoundReferences> {
  const index = services.workspaceReferences;
  if (index.state !== 'ready') {
    await withProgress(services, vscode.l10n.t('Indexing Key Vault references in the workspace…'), (signal) =>
      Promise.race([
        index.ready(),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new UserCancelled()), { once: true })),
      ]),
    );
  }
  const references = index.referencesTo(queryOf(target));
  const title = titleOf(target);
  if (references.length === 0) {
    const files = index.size.files;
    const what = target.version ? vscode.l10n.t('{0} "{1}" pinned to version {2}', kindName(target.kind), target.name, shortVersion(target.version)) : vscode.l10n.t('{0} "{1}"', kindName(target.kind), target.name);
    void services.ui.showInformationMessage(
      files === 1 ? vscode.l10n.t('No reference to {0} in the workspace (1 file indexed).', what) : vscode.l10n.t('No reference to {0} in the workspace ({1} files indexed).', what, files),
    );
    return { shownIn: 'none', references, title };
  }
  return { shownIn: await showReferences(title, references), references, title };
}
