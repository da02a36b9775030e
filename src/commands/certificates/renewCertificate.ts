import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { refreshCertificateGroups } from '../items/common';
import { UserCancelled } from '../wrapper';
import { readPolicy } from './readPolicy';
import { waitForOperation } from './waitForOperation';

/**
 * Renew: a new version from the certificate's current policy, followed until issued. Refused before any
 * create when the issuer is Unknown (imported or CA-merged certificates: import the renewed one instead).
 */
export async function renewCertificate(services: Services, target: ItemTarget): Promise<{ name: string; states: string[]; version?: string; thumbprint?: string }> {
  const policy = await readPolicy(services, target);
  const issuer = policy.issuerName ?? 'Unknown';
  if (issuer.toLowerCase() === 'unknown') {
    throw new Error(vscode.l10n.t('"{0}" has no issuer Key Vault can ask (issuer Unknown: it was imported). Get the renewed certificate from its CA and import it as a new version. Nothing was sent.', target.name));
  }
  const action = vscode.l10n.t('Renew');
  const by = issuer === 'Self' ? vscode.l10n.t('the vault (self-signed)') : issuer;
  const key = `${policy.keyType ?? ''}${policy.keySize ? ` ${policy.keySize}` : ''}${policy.keyCurveName ? ` ${policy.keyCurveName}` : ''}`;
  const detail = policy.reuseKey
    ? vscode.l10n.t('A new version is issued by {0} from the current policy ({1}, {2} months, {3}, same key). It becomes current when issued; older versions stay.', by, policy.subject ?? '', policy.validityInMonths ?? '?', key)
    : vscode.l10n.t('A new version is issued by {0} from the current policy ({1}, {2} months, {3}, new key). It becomes current when issued; older versions stay.', by, policy.subject ?? '', policy.validityInMonths ?? '?', key);
  if ((await services.ui.confirm(vscode.l10n.t('Renew certificate "{0}" in {1}?', target.name, target.vault.name), detail, action)) !== action) throw new UserCancelled();
  const outcome = await waitForOperation(services, vscode.l10n.t('Renewing certificate {0}', target.name), target.vault, target.name, (sdk, vaults, url, wait) => sdk.certificateOps.renewCertificate(vaults, url, target.name, wait));
  refreshCertificateGroups(services, target.vault);
  services.ui.notify(vscode.l10n.t('Renewed {0}: new version {1}', target.name, outcome.details?.version?.slice(0, 8) ?? ''));
  const version = outcome.details?.version;
  const thumbprint = outcome.details?.certificate?.thumbprintSha1;
  return { name: target.name, states: outcome.states, ...(version ? { version } : {}), ...(thumbprint ? { thumbprint } : {}) };
}
