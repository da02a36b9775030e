import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import { formatDate, shortId } from '../../presentation/format';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { revealQuietly } from '../items/common';
import { offerPinUpdate } from '../items/pinnedVersions';
import { readSecretValue } from '../items/secretValue';
import { withProgress } from '../progress';
import { openComparison } from './comparison';

export interface MadeCurrent {
  readonly name: string;
  /** The new version, holding the old version's value. */
  readonly version?: string;
  /** The version it replaced, when the user chose to disable it. */
  readonly disabled?: string;
}

/**
 * Make This Version Current…: writes an older version's value, with its content type and tags, as a new version —
 * after a confirmation shown over the diff of the current value against it (two GETs); optionally disables the
 * version it replaces. Dates are not copied (an old expiry would make the new version expire at once): the
 * confirmation says so. Nothing is written when the old version already matches the current one. Then, when files
 * of the workspace pin the replaced version, offers to move those pins to the new one (../items/pinnedVersions).
 */
export async function makeCurrent(services: Services, target: ItemTarget): Promise<MadeCurrent | undefined> {
  const { vault, name } = target;
  const old = await readSecretValue(services, target);
  const current = await readSecretValue(services, { vault, kind: 'secret', name });
  const from = shortId(old.properties.version ?? '');
  const replaced = current.properties.version ?? '';
  if (replaced === old.properties.version) {
    services.ui.notify(vscode.l10n.t('Version {0} is already the current version of {1}.', from, name));
    return undefined;
  }
  if (current.properties.managed) throw new Error(vscode.l10n.t('"{0}" belongs to the certificate of the same name: renew or import the certificate instead.', name));
  const { contentType, tags, expiresOn } = old.properties;
  if (old.value === current.value && (contentType ?? '') === (current.properties.contentType ?? '') && JSON.stringify(tags ?? {}) === JSON.stringify(current.properties.tags ?? {})) {
    services.ui.notify(vscode.l10n.t('The current version of {0} already holds the value, content type and tags of version {1}: nothing to do.', name, from));
    return undefined;
  }
  const opened = await openComparison(services, { target: { vault, name }, secret: current, current: true }, { target, secret: old });

  const makeIt = vscode.l10n.t('Make Current');
  const andDisable = vscode.l10n.t('Make Current and Disable {0}', shortId(replaced));
  const dates = expiresOn ? ` ${vscode.l10n.t('Its expiry ({0}) is not copied: set one with Edit Expiry if needed.', formatDate(expiresOn))}` : '';
  const choice = await services.ui.confirm(
    vscode.l10n.t('Make version {0} of {1} current?', from, name),
    vscode.l10n.t(
      'Writes its value, content type and tags as a new version of {0} in {1} (the diff shows the change). Apps that read the latest version get it at their next refresh; version {2} stays as it is unless you disable it. To undo, make {2} current again.',
      name, vault.name, shortId(replaced),
    ) + dates,
    makeIt,
    andDisable,
  );
  if (choice !== makeIt && choice !== andDisable) throw new UserCancelled();
  const write = { ...(contentType ? { contentType } : {}), ...(tags && Object.keys(tags).length > 0 ? { tags } : {}) };
  const created = await request(services, { kind: 'secret', operation: 'write', vault, name }, (sdk, vaults, url) =>
    withProgress(services, vscode.l10n.t('Making version {0} of {1} current…', from, name), (abortSignal) => sdk.secretOps.setSecret(vaults, url, name, old.value, write, { abortSignal })),
  );
  const added = shortId(created.version ?? '');
  services.log.info(`made version ${from} of secret ${name} in ${vault.name} current as ${added}`);
  services.view.refreshItem({ vault, kind: 'secret', name, version: created.version ?? '' });
  await closeDiffs([opened.original, opened.modified, ...(opened.attributes ? [opened.attributes.original, opened.attributes.modified] : [])]);
  if (choice === andDisable) {
    try {
      await request(services, { kind: 'secret', operation: 'update', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.updateSecret(vaults, url, name, replaced, { enabled: false }, options));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(vscode.l10n.t('Version {0} of {1} now holds the value of version {2}, but version {3} is still enabled. {4}', added, name, from, shortId(replaced), reason));
    }
    services.view.refreshItem({ vault, kind: 'secret', name, version: replaced });
  }
  await revealQuietly(services, { vault, kind: 'secret', name });
  services.ui.notify(
    choice === andDisable
      ? vscode.l10n.t('{0} is back to the value of version {1} (new version {2}); version {3} is disabled', name, from, added, shortId(replaced))
      : vscode.l10n.t('{0} is back to the value of version {1} (new version {2})', name, from, added),
  );
  // Files of the workspace pinned to the replaced version: offer to move them to the new current version.
  offerPinUpdate(services, { vault, name }, replaced, created.version);
  return { name, ...(created.version ? { version: created.version } : {}), ...(choice === andDisable ? { disabled: replaced } : {}) };
}

/** Closes the confirmation's diff tabs (their documents are then dropped from memory). */
async function closeDiffs(uris: readonly string[]): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && uris.includes(t.input.modified.toString()));
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}
