import * as vscode from 'vscode';
import type { RotationAction, RotationPolicy } from '../../azure/keyModel';
import { checkDuration, describeRotationPolicy, normaliseDuration, validateRotationPolicy } from '../../azure/keyRotation';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { UserCancelled } from '../wrapper';
import { isManaged, request } from './common';

type Mode = 'after' | 'before' | 'none';

async function askDuration(services: Services, title: string, prompt: string, value: string, minDays: number, what: string, optional: boolean): Promise<string | undefined> {
  const check = (v: string) => (optional && !v.trim() ? undefined : checkDuration(v, minDays, what));
  const text = await services.ui.showInputBox({ title, prompt, value, placeHolder: optional ? vscode.l10n.t('ISO 8601 duration, e.g. P30D (empty: none)') : vscode.l10n.t('ISO 8601 duration, e.g. P90D, P3M, P1Y'), ignoreFocusOut: true, validateInput: check });
  if (text === undefined) throw new UserCancelled();
  const problem = check(text);
  if (problem) throw new Error(problem);
  return text.trim() ? normaliseDuration(text) : undefined;
}

/**
 * Edit the rotation policy in four short steps (automatic rotation and its trigger, expiry of new versions,
 * notification before expiry), every duration checked as ISO 8601 with the service's minimums before the one
 * PUT. Returns the policy the vault stored.
 */
export async function editKeyRotationPolicy(services: Services, node?: TreeNode): Promise<RotationPolicy> {
  const target = await resolveItem(services, 'key', node);
  if (isManaged(target.node)) throw new Error(vscode.l10n.t("The key \"{0}\" belongs to a certificate: edit the certificate's policy instead. Nothing was sent to Azure.", target.name));
  const current = await request(services, 'key', 'read', target, (sdk, vaults, url) => sdk.keyOps.getRotationPolicy(vaults, url, target.name));
  const title = vscode.l10n.t('Rotation policy of {0}', target.name);
  const rotate = current.lifetimeActions.find((a) => a.action === 'Rotate');
  const notify = current.lifetimeActions.find((a) => a.action === 'Notify');
  const currentMode: Mode = rotate?.timeAfterCreate ? 'after' : rotate?.timeBeforeExpiry ? 'before' : 'none';
  const modes: { label: string; detail: string; mode: Mode; description?: string }[] = [
    { label: vscode.l10n.t('Rotate a set time after creation'), detail: vscode.l10n.t('e.g. every 90 days (P90D)'), mode: 'after' },
    { label: vscode.l10n.t('Rotate a set time before expiry'), detail: vscode.l10n.t('needs an expiry time for new versions'), mode: 'before' },
    { label: vscode.l10n.t('No automatic rotation'), detail: vscode.l10n.t('rotate by hand with "Rotate Now"'), mode: 'none' },
  ];
  const ordered = [...modes.filter((m) => m.mode === currentMode).map((m) => ({ ...m, description: vscode.l10n.t('current') })), ...modes.filter((m) => m.mode !== currentMode)];
  const mode = await services.ui.showQuickPick(ordered, { title, placeHolder: vscode.l10n.t('Automatic rotation') });
  if (!mode) throw new UserCancelled();
  const actions: RotationAction[] = [];
  if (mode.mode === 'after') {
    const d = await askDuration(services, title, vscode.l10n.t('Rotate this long after a version is created (at least 7 days)'), rotate?.timeAfterCreate ?? 'P90D', 7, 'The rotation time', false);
    actions.push({ action: 'Rotate', timeAfterCreate: d! });
  } else if (mode.mode === 'before') {
    const d = await askDuration(services, title, vscode.l10n.t('Rotate this long before a version expires (at least 7 days)'), rotate?.timeBeforeExpiry ?? 'P30D', 7, 'The rotation time', false);
    actions.push({ action: 'Rotate', timeBeforeExpiry: d! });
  }
  const expiryPrompt = mode.mode === 'before' ? vscode.l10n.t('Expiry of new versions, counted from their creation (at least 28 days)') : vscode.l10n.t('Expiry of new versions, counted from their creation (at least 28 days); empty: no expiry');
  const expiryTime = await askDuration(services, title, expiryPrompt, current.expiryTime ?? (mode.mode === 'none' ? '' : 'P1Y'), 28, 'The expiry time', mode.mode !== 'before');
  const notifyBefore = await askDuration(services, title, vscode.l10n.t('Send an Event Grid notification this long before expiry (at least 7 days; empty: none)'), notify?.timeBeforeExpiry ?? 'P30D', 7, 'The notification time', true);
  if (notifyBefore) actions.push({ action: 'Notify', timeBeforeExpiry: notifyBefore });
  const policy: RotationPolicy = { lifetimeActions: actions, ...(expiryTime ? { expiryTime } : {}) };
  if (mode.mode === 'before' && !expiryTime) throw new Error(vscode.l10n.t('Rotating before expiry needs an expiry time for new versions. Nothing was changed.'));
  const problems = validateRotationPolicy(policy);
  if (problems.length) throw new Error(vscode.l10n.t('The rotation policy is not valid: {0} Nothing was changed.', problems.join(' ')));
  const stored = await request(services, 'key', 'update', target, (sdk, vaults, url) => sdk.keyOps.setRotationPolicy(vaults, url, target.name, policy));
  services.log.info(`updated the rotation policy of key ${target.name} in ${target.vault.name}`);
  services.ui.notify(vscode.l10n.t('Rotation policy of {0}: {1}', target.name, describeRotationPolicy(stored).join('; ')));
  return stored;
}
