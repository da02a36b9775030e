// Versions as command targets (the history commands: compare, make current): a version row's version, or — on an item
// row, a link or from the palette (vault, then item) — versions picked among the item's own, newest first, the
// current one marked. The palette path lists the versions once (one request per page of versions).
import * as vscode from 'vscode';
import type { ItemProperties, ObjectKind } from '../azure/model';
import { newestFirst } from '../azure/mappers';
import { allPages } from '../azure/paging';
import type { ItemTarget } from '../model/targets';
import { formatDate, shortId, versionLabel } from '../presentation/format';
import { kindName } from '../model/kindWords';
import type { Services } from '../services';
import { UserCancelled } from './cancelled';
import { request } from './failures';
import { item, type TargetSpec } from './targets';

/** Every version of an item, newest first (the first is the current one). */
export function listVersions(services: Services, target: Pick<ItemTarget, 'vault' | 'kind' | 'name'>): Promise<ItemProperties[]> {
  const { vault, kind, name } = target;
  return request(services, { kind, operation: 'list', vault, name }, async (_sdk, vaults, url, options) =>
    newestFirst(await allPages((page) => vaults.listVersions(url, kind, name, page), options.abortSignal)),
  );
}

interface VersionItem extends vscode.QuickPickItem {
  readonly version: ItemProperties;
}

function versionItems(versions: readonly ItemProperties[], leaveOutCurrent: boolean): VersionItem[] {
  return versions.flatMap((v, i) => {
    if (leaveOutCurrent && i === 0) return [];
    const id = v.version ?? '';
    const state = [i === 0 ? vscode.l10n.t('current') : undefined, v.enabled === false ? vscode.l10n.t('disabled') : undefined, shortId(id)];
    return [{
      label: versionLabel(v.createdOn, id),
      description: state.filter(Boolean).join(' · '),
      detail: [v.contentType, v.expiresOn ? vscode.l10n.t('expires {0}', formatDate(v.expiresOn)) : undefined].filter(Boolean).join(' · ') || undefined,
      version: v,
    }];
  });
}

const asVersion = (of: ItemTarget, v: ItemProperties): ItemTarget => ({ vault: of.vault, kind: of.kind, name: of.name, version: v.version ?? '', properties: v, ...(of.managed ? { managed: true } : {}) });

export interface VersionSpec {
  /** The picker's title, for the item's name. */
  readonly title: (name: string) => string;
  /** The current version is not offered (Compare with Current, Make Current). */
  readonly notCurrent?: boolean;
}

/** One version of an item of `kind`: a version row's, or picked among the item's versions. */
export function version(kind: ObjectKind, spec: VersionSpec): TargetSpec<ItemTarget> {
  const items = item(kind);
  return {
    async resolve(services, given) {
      const { target, selection } = await items.resolve(services, given);
      if (target.version) return { target, selection: selection.filter((t) => t.version !== undefined) };
      const versions = await listVersions(services, target);
      const offered = versionItems(versions, spec.notCurrent === true);
      if (offered.length === 0) throw new Error(vscode.l10n.t('{0} has only one version: there is no older one.', target.name));
      const picked = await services.ui.showQuickPick(offered, { title: spec.title(target.name), placeHolder: vscode.l10n.t('Choose a version of the {0} (newest first)', kindName(kind)), matchOnDescription: true });
      if (!picked) throw new UserCancelled();
      const chosen = asVersion(target, picked.version);
      return { target: chosen, selection: [chosen] };
    },
  };
}

/**
 * Two versions to compare: the two selected rows (versions, or items: their current version — two secrets of two
 * vaults compare too); one selected row and one more version of its item picked; or, from the palette, two versions
 * of one item picked together. The selection is the pair, in the order they were selected.
 */
export function versionPair(kind: ObjectKind, title: (name: string) => string): TargetSpec<ItemTarget> {
  const items = item(kind);
  return {
    async resolve(services, given) {
      const { target, selection } = await items.resolve(services, given);
      if (selection.length >= 2) return { target, selection: selection.slice(0, 2) };
      const versions = await listVersions(services, target);
      if (versions.length < 2) throw new Error(vscode.l10n.t('{0} has only one version: there is nothing to compare it with.', target.name));
      if (target.version) {
        // One version row selected: the other is picked among the rest of its item's versions.
        const others = versionItems(versions, false).filter((v) => v.version.version !== target.version);
        const picked = await services.ui.showQuickPick(others, { title: title(target.name), placeHolder: vscode.l10n.t('Compare version {0} with…', shortId(target.version)), matchOnDescription: true });
        if (!picked) throw new UserCancelled();
        return { target, selection: [target, asVersion(target, picked.version)] };
      }
      const picked = await services.ui.pickMany(versionItems(versions, false), { title: title(target.name), placeHolder: vscode.l10n.t('Choose two versions'), matchOnDescription: true });
      if (!picked || picked.length === 0) throw new UserCancelled();
      if (picked.length !== 2) throw new Error(vscode.l10n.t('Choose exactly two versions to compare ({0} chosen).', picked.length));
      // Older on the left, as a diff reads: what was → what is.
      const [newer, older] = picked.map((p) => asVersion(target, p.version));
      return { target: older!, selection: [older!, newer!] };
    },
  };
}
