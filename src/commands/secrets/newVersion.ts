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
  const title = `New version of ${name} (${vault.name})`;
  const vaults = await vaultClients(services);
  let latest;
  try {
    latest = await latestSecretProperties(vaults, vault.vaultUrl, name);
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault, name });
  }
  if (!latest) throw new Error(`"${name}" was not found in ${vault.name}: it may have been deleted. Refresh the view.`);
  if (latest.managed) throw new Error(`"${name}" belongs to the certificate of the same name: renew or import the certificate instead.`);

  const value = await promptSecretValue(services, title);
  const keeps = [latest.contentType ? `content type ${latest.contentType}` : undefined, latest.tags ? `tags ${formatTags(latest.tags)}` : undefined].filter(Boolean).join(' and ');
  const options = await services.ui.pickMany<Option>(
    [
      { label: 'Change the content type or tags', description: keeps ? `kept otherwise: ${keeps}` : 'none now', option: 'attributes' },
      { label: 'Set an expiry date', option: 'expiry' },
      { label: 'Disable the previous version', description: latest.version ? latest.version.slice(0, 8) : undefined, detail: 'Its value can no longer be read (apps pinned to it fail): use once nothing depends on it.', option: 'disablePrevious' },
    ],
    { title, placeHolder: 'Options (none: keep content type and tags, and leave the previous version enabled)', ignoreFocusOut: true },
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
    created = await withProgress(`Adding a new version of ${name}…`, (abortSignal) =>
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
      throw new Error(`Added version ${created.version?.slice(0, 8) ?? ''} of ${name}, but the previous version is still enabled. ${explainFailure(classifyError(error), { operation: 'update', vault, name })}`);
    }
  }
  await refreshSecrets(services, vault, from ?? target.node);
  await revealSecret(services, vault, name);
  services.ui.notify(`Added version ${created.version?.slice(0, 8) ?? ''} of ${name}${chosen.has('disablePrevious') ? '; the previous version is disabled' : ''}`);
  return { name, ...(created.version ? { version: created.version } : {}) };
}
