// What the shared delete, recover and purge flows (../items/lifecycle) need for certificates: the service calls,
// and the key and secret (same name) that are deleted, recovered and purged with a certificate.
import * as vscode from 'vscode';
import type { ItemLifecycle } from '../items/lifecycle';

export const certificateLifecycle: ItemLifecycle = {
  kind: 'certificate',
  changes: ['certificate', 'key', 'secret'],
  goesWithIt: () => ({ delete: vscode.l10n.t('Its key and secret (same name) go with it.'), purge: vscode.l10n.t('Its key and secret are purged with it.') }),
  remove: (sdk, vaults, url, name, abortSignal) => sdk.certificateOps.deleteCertificate(vaults, url, name, { abortSignal }),
  recover: (sdk, vaults, url, name, abortSignal) => sdk.certificateOps.recoverCertificate(vaults, url, name, { abortSignal }),
  purge: (sdk, vaults, url, name, abortSignal) => sdk.certificateOps.purgeCertificate(vaults, url, name, { abortSignal }),
};
