import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { vaultClients } from '../items/common';
import { refreshCertificateGroups } from '../keys/common';
import { UserCancelled } from '../wrapper';
import { certificateWithPolicy } from './readPolicy';
import { waitForOperation } from './waitForOperation';

/**
 * Renew: a new version from the certificate's current policy, followed until issued. Refused before any
 * create when the issuer is Unknown (imported or CA-merged certificates: import the renewed one instead).
 */
export async function renewCertificate(services: Services, node?: TreeNode): Promise<{ name: string; states: string[]; version?: string; thumbprint?: string }> {
  const { target, policy } = await certificateWithPolicy(services, node);
  const issuer = policy.issuerName ?? 'Unknown';
  if (issuer.toLowerCase() === 'unknown') {
    throw new Error(`"${target.name}" has no issuer Key Vault can ask (issuer Unknown: it was imported). Get the renewed certificate from its CA and import it as a new version. Nothing was sent.`);
  }
  const action = 'Renew';
  const detail = `A new version is issued by ${issuer === 'Self' ? 'the vault (self-signed)' : issuer} from the current policy (${policy.subject ?? ''}, ${policy.validityInMonths ?? '?'} months, ${policy.keyType ?? ''}${policy.keySize ? ` ${policy.keySize}` : ''}${policy.keyCurveName ? ` ${policy.keyCurveName}` : ''}${policy.reuseKey ? ', same key' : ', new key'}). It becomes current when issued; older versions stay.`;
  if ((await services.ui.confirm(`Renew certificate "${target.name}" in ${target.vault.name}?`, detail, action)) !== action) throw new UserCancelled();
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const outcome = await waitForOperation(services, `Renewing certificate ${target.name}`, target.vault, target.name, (wait) => sdk.certificateOps.renewCertificate(vaults, target.vault.vaultUrl, target.name, wait));
  await refreshCertificateGroups(services, target.vault, target.node);
  services.ui.notify(`Renewed ${target.name}: new version ${outcome.details?.version?.slice(0, 8) ?? ''}`);
  const version = outcome.details?.version;
  const thumbprint = outcome.details?.certificate?.thumbprintSha1;
  return { name: target.name, states: outcome.states, ...(version ? { version } : {}), ...(thumbprint ? { thumbprint } : {}) };
}
