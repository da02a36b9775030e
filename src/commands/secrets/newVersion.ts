import * as vscode from 'vscode';
import { latestSecretProperties, setSecret, updateSecret } from '../../azure/secretOps';
import { formatTags } from '../../azure/rules';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { ItemTarget } from '../targets';
import { UserCancelled } from '../wrapper';
import { vaultClients, withProgress } from '../items/common';
import { promptContentType, promptDate, promptTags } from './attributesInput';
import { refreshSecrets, resolveSecret, revealSecret } from './common';
import { explainFailure, secretFailure } from './errors';
import { classifyError } from '../../azure/errors';
import { promptSecretValue } from './valueInput';

/**
 * New Version / Rotate: a new value (typed or generated, selection, file) as a new version. Content type and
 * tags are carried over unless changed; optionally sets an expiry and disables the previous version.
 */
export async function newSecretVersion(services: Services, node?: TreeNode): Promise<{ name: string; version?: string }> {
  const target = await resolveSecret(services, node);
  return addNewVersion(services, { vault: target.vault, kind: 'secret', name: target.name, ...(target.node ? { node: target.node } : {}) }, node);
}

interface Option extends vscode.QuickPickItem {
  readonly option: 'attributes' | 'expiry' | 'disablePrevious';
}

export async function addNewVersion(services: Services, target: ItemTarget, from?: TreeNode): Promise<{ name: string; version?: string }> {
  const { vault, name } = target;
  const title = vscode.l10n.t('New version of {0} ({1})', name, vault.name);
  const vaults = await vaultClients(services);
  let latest;
  try {
    latest = await latestSecretProperties(vaults, vault.vaultUrl, name);
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault, name });
  }
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
    contentType = await promptContentType(services, title, latest.contentType ?? value.suggestedContentType);
    tags = await promptTags(services, title, latest.tags);
  }
  const expiresOn = chosen.has('expiry') ? await promptDate(services, title, 'expiry', undefined, undefined) : undefined;

  let created;
  try {
    created = await withProgress(vscode.l10n.t('Adding a new version of {0}…', name), (abortSignal) =>
      setSecret(vaults, vault.vaultUrl, name, value.value, {
        ...(contentType ? { contentType } : {}),
        ...(tags && Object.keys(tags).length ? { tags } : {}),
        ...(expiresOn ? { expiresOn } : {}),
      }, { abortSignal }),
    );
  } catch (error) {
    return secretFailure(services, error, { operation: 'write', vault, name });
  }
  services.log.info(`new version of secret ${name} in ${vault.name} (value ${value.source})`);
  if (chosen.has('disablePrevious') && latest.version) {
    try {
      await updateSecret(vaults, vault.vaultUrl, name, latest.version, { enabled: false });
      services.log.info(`disabled the previous version of ${name}`);
    } catch (error) {
      await refreshSecrets(services, vault, from ?? target.node);
      throw new Error(
        vscode.l10n.t('Added version {0} of {1}, but the previous version is still enabled. {2}', created.version?.slice(0, 8) ?? '', name, explainFailure(classifyError(error), { operation: 'update', vault, name })),
      );
    }
  }
  await refreshSecrets(services, vault, from ?? target.node);
  await revealSecret(services, vault, name);
  const added = created.version?.slice(0, 8) ?? '';
  services.ui.notify(
    chosen.has('disablePrevious') ? vscode.l10n.t('Added version {0} of {1}; the previous version is disabled', added, name) : vscode.l10n.t('Added version {0} of {1}', added, name),
  );
  return { name, ...(created.version ? { version: created.version } : {}) };
}
