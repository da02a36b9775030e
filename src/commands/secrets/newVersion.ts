import * as vscode from 'vscode';
import { formatTags } from '../../azure/rules';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { request } from '../failures';
import { revealQuietly } from '../items/common';
import { offerPinUpdate } from '../items/pinnedVersions';
import { withProgress } from '../progress';
import { askContentType, askDate, askTags } from '../prompts';
import { promptSecretValue } from './valueInput';

/**
 * New Version / Rotate: a new value (typed or generated, selection, file) as a new version. Content type and
 * tags are carried over unless changed; optionally sets an expiry and disables the previous version. Then, when
 * files of the workspace pin the replaced version, offers to move those pins to the new one (../items/pinnedVersions).
 */
export function newSecretVersion(services: Services, target: ItemTarget): Promise<{ name: string; version?: string }> {
  return addNewVersion(services, { vault: target.vault, kind: 'secret', name: target.name });
}

interface Option extends vscode.QuickPickItem {
  readonly option: 'attributes' | 'expiry' | 'disablePrevious';
}

/** Adds a version to an existing secret (also what Create Secret offers when the name is taken). */
export async function addNewVersion(services: Services, target: ItemTarget): Promise<{ name: string; version?: string }> {
  const { vault, name } = target;
  const title = vscode.l10n.t('New version of {0} ({1})', name, vault.name);
  const latest = await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
  if (!latest) throw new Error(vscode.l10n.t('"{0}" was not found in {1}: it may have been deleted. Refresh the view.', name, vault.name));
  if (latest.managed) throw new Error(vscode.l10n.t('"{0}" belongs to the certificate of the same name: renew or import the certificate instead.', name));

  const value = await promptSecretValue(services, title);
  const kept = latest.contentType
    ? latest.tags
      ? vscode.l10n.t('kept otherwise: content type {0} and tags {1}', latest.contentType, formatTags(latest.tags))
      : vscode.l10n.t('kept otherwise: content type {0}', latest.contentType)
    : latest.tags
      ? vscode.l10n.t('kept otherwise: tags {0}', formatTags(latest.tags))
      : vscode.l10n.t('none now');
  const options = await services.ui.pickMany<Option>(
    [
      { label: vscode.l10n.t('Change the content type or tags'), description: kept, option: 'attributes' },
      { label: vscode.l10n.t('Set an expiry date'), option: 'expiry' },
      {
        label: vscode.l10n.t('Disable the previous version'),
        description: latest.version ? latest.version.slice(0, 8) : undefined,
        detail: vscode.l10n.t('Its value can no longer be read (apps pinned to it fail): use once nothing depends on it.'),
        option: 'disablePrevious',
      },
    ],
    { title, placeHolder: vscode.l10n.t('Options (none: keep content type and tags, and leave the previous version enabled)'), ignoreFocusOut: true },
  );
  if (!options) throw new UserCancelled();
  const chosen = new Set(options.map((o) => o.option));
  let contentType = latest.contentType;
  let tags = latest.tags;
  if (chosen.has('attributes')) {
    contentType = await askContentType(services, title, latest.contentType ?? value.suggestedContentType);
    tags = await askTags(services, title, latest.tags);
  }
  const expiresOn = chosen.has('expiry') ? await askDate(services, title, { which: 'expiry' }) : undefined;
  const write = {
    ...(contentType ? { contentType } : {}),
    ...(tags && Object.keys(tags).length ? { tags } : {}),
    ...(expiresOn ? { expiresOn } : {}),
  };
  const created = await request(services, { kind: 'secret', operation: 'write', vault, name }, (sdk, vaults, url) =>
    withProgress(services, vscode.l10n.t('Adding a new version of {0}…', name), (abortSignal) => sdk.secretOps.setSecret(vaults, url, name, value.value, write, { abortSignal })),
  );
  services.log.info(`new version of secret ${name} in ${vault.name} (value ${value.source})`);
  const added = created.version?.slice(0, 8) ?? '';
  if (chosen.has('disablePrevious') && latest.version) {
    const previous = latest.version;
    try {
      await request(services, { kind: 'secret', operation: 'update', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.updateSecret(vaults, url, name, previous, { enabled: false }, options));
      services.log.info(`disabled the previous version of ${name}`);
    } catch (error) {
      services.view.refreshGroup(vault, 'secret');
      // The new version exists: say so, with why the previous one could not be disabled.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(vscode.l10n.t('Added version {0} of {1}, but the previous version is still enabled. {2}', added, name, reason));
    }
  }
  services.view.refreshGroup(vault, 'secret');
  await revealQuietly(services, { vault, kind: 'secret', name });
  services.ui.notify(
    chosen.has('disablePrevious') ? vscode.l10n.t('Added version {0} of {1}; the previous version is disabled', added, name) : vscode.l10n.t('Added version {0} of {1}', added, name),
  );
  // Files of the workspace pinned to the replaced version still read the old value: offer to move them.
  offerPinUpdate(services, { vault, name }, latest.version, created.version);
  return { name, ...(created.version ? { version: created.version } : {}) };
}
