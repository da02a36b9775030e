// The certificates area: its commands, each with what it acts on (a certificate from its row, a link or the
// palette; a vault for Create and Import).
import * as vscode from 'vscode';
import { CertificateCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { deletedItem, item, vault } from '../targets';

// The handlers load on the first run of one of them (dist/commands-certificates.js: see src/commands/lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

const certificate = item('certificate');

const commands: Readonly<Record<CommandId<typeof CertificateCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [CertificateCommandIds.showDetails]: command(certificate, run('showCertificateDetails')),
  [CertificateCommandIds.create]: command(vault(() => vscode.l10n.t('Create a certificate: choose the vault'), 'certificate'), run('createCertificate'), { writes: true }),
  [CertificateCommandIds.import]: command(vault(() => vscode.l10n.t('Import a certificate: choose the vault'), 'certificate'), run('importCertificate'), { writes: true }),
  [CertificateCommandIds.download]: command(certificate, run('downloadCertificate')),
  [CertificateCommandIds.downloadWithKey]: command(certificate, run('downloadCertificateWithKey')),
  [CertificateCommandIds.renew]: command(certificate, run('renewCertificate'), { writes: true }),
  [CertificateCommandIds.showPolicy]: command(certificate, run('showCertificatePolicy')),
  [CertificateCommandIds.editPolicy]: command(certificate, run('editCertificatePolicy')),
  [CertificateCommandIds.enable]: command(certificate, run('enableCertificate'), { writes: true }),
  [CertificateCommandIds.disable]: command(certificate, run('disableCertificate'), { writes: true }),
  [CertificateCommandIds.delete]: command(certificate, run('deleteCertificate'), { writes: true }),
  [CertificateCommandIds.recover]: command(deletedItem('certificate', 'recover'), run('recoverCertificate'), { writes: true }),
  [CertificateCommandIds.purge]: command(deletedItem('certificate', 'purge'), run('purgeCertificate'), { writes: true }),
};

/** Commands (one file each in this folder) and registrations of the certificates area. */
export const certificatesFeature: Feature = { commands };
