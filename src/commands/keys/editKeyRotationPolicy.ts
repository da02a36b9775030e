import * as vscode from 'vscode';
import type { RotationAction, RotationPolicy } from '../../azure/keyModel';
import { describeRotationPolicy, validateRotationPolicy } from '../../azure/keyRotation';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { askDuration, pickOne, Steps } from '../prompts';

type Mode = 'after' | 'before' | 'none';

/**
 * Edit the rotation policy in four short steps (automatic rotation and its trigger, expiry of new versions,
 * notification before expiry), every duration checked as ISO 8601 with the service's minimums before the one
 * PUT. Returns the policy the vault stored.
 */
export async function editKeyRotationPolicy(services: Services, target: ItemTarget): Promise<RotationPolicy> {
  if (target.managed) throw new Error(vscode.l10n.t("The key \"{0}\" belongs to a certificate: edit the certificate's policy instead. Nothing was sent to Azure.", target.name));
  const current = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.keyOps.getRotationPolicy(vaults, url, target.name, options));
  const steps = new Steps(vscode.l10n.t('Rotation policy of {0}', target.name), 4);
  const rotate = current.lifetimeActions.find((a) => a.action === 'Rotate');
  const notify = current.lifetimeActions.find((a) => a.action === 'Notify');
  const currentMode: Mode = rotate?.timeAfterCreate ? 'after' : rotate?.timeBeforeExpiry ? 'before' : 'none';
  const modes: { label: string; detail: string; mode: Mode; description?: string }[] = [
    { label: vscode.l10n.t('Rotate a set time after creation'), detail: vscode.l10n.t('e.g. every 90 days (P90D)'), mode: 'after' },
    { label: vscode.l10n.t('Rotate a set time before expiry'), detail: vscode.l10n.t('needs an expiry time for new versions'), mode: 'before' },
    { label: vscode.l10n.t('No automatic rotation'), detail: vscode.l10n.t('rotate by hand with "Rotate Now"'), mode: 'none' },
  ];
  const ordered = [...modes.filter((m) => m.mode === currentMode).map((m) => ({ ...m, description: vscode.l10n.t('current') })), ...modes.filter((m) => m.mode !== currentMode)];
  const { mode } = await pickOne(services, ordered, { title: steps.next(), placeHolder: vscode.l10n.t('Automatic rotation') });
  const actions: RotationAction[] = [];
  if (mode === 'after') {
    const d = await askDuration(services, steps.next(), vscode.l10n.t('Rotate this long after a version is created (at least 7 days)'), { value: rotate?.timeAfterCreate ?? 'P90D', minDays: 7, what: 'The rotation time', optional: false });
    actions.push({ action: 'Rotate', timeAfterCreate: d! });
  } else if (mode === 'before') {
    const d = await askDuration(services, steps.next(), vscode.l10n.t('Rotate this long before a version expires (at least 7 days)'), { value: rotate?.timeBeforeExpiry ?? 'P30D', minDays: 7, what: 'The rotation time', optional: false });
    actions.push({ action: 'Rotate', timeBeforeExpiry: d! });
  }
  const expiryPrompt = mode === 'before' ? vscode.l10n.t('Expiry of new versions, counted from their creation (at least 28 days)') : vscode.l10n.t('Expiry of new versions, counted from their creation (at least 28 days); empty: no expiry');
  const expiryTime = await askDuration(services, steps.next(), expiryPrompt, { value: current.expiryTime ?? (mode === 'none' ? '' : 'P1Y'), minDays: 28, what: 'The expiry time', optional: mode !== 'before' });
  const notifyBefore = await askDuration(services, steps.next(), vscode.l10n.t('Send an Event Grid notification this long before expiry (at least 7 days; empty: none)'), { value: notify?.timeBeforeExpiry ?? 'P30D', minDays: 7, what: 'The notification time', optional: true });
  if (notifyBefore) actions.push({ action: 'Notify', timeBeforeExpiry: notifyBefore });
  const policy: RotationPolicy = { lifetimeActions: actions, ...(expiryTime ? { expiryTime } : {}) };
  if (mode === 'before' && !expiryTime) throw new Error(vscode.l10n.t('Rotating before expiry needs an expiry time for new versions. Nothing was changed.'));
  const problems = validateRotationPolicy(policy);
  if (problems.length) throw new Error(vscode.l10n.t('The rotation policy is not valid: {0} Nothing was changed.', problems.join(' ')));
  const stored = await request(services, contextOf(target, 'update'), (sdk, vaults, url, options) => sdk.keyOps.setRotationPolicy(vaults, url, target.name, policy, options));
  services.log.info(`updated the rotation policy of key ${target.name} in ${target.vault.name}`);
  services.ui.notify(vscode.l10n.t('Rotation policy of {0}: {1}', target.name, describeRotationPolicy(stored).join('; ')));
  return stored;
}
