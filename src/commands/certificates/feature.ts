// The certificates area: its commands, each with what it acts on (a certificate from its row, a link or the
// palette; a vault for Create and Import).
import * as vscode from 'vscode';
import { CertificateCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { deletedItem, item, vault } from '../targets';
import { createCertificate } from './createCertificate';
import { deleteCertificate } from './deleteCertificate';
import { disableCertificate } from './disableCertificate';
import { downloadCertificate } from './downloadCertificate';
import { downloadCertificateWithKey } from './downloadCertificateWithKey';
import { editCertificatePolicy } from './editCertificatePolicy';
import { enableCertificate } from './enableCertificate';
import { importCertificate } from './importCertificate';
import { purgeCertificate } from './purgeCertificate';
import { recoverCertificate } from './recoverCertificate';
import { renewCertificate } from './renewCertificate';
import { showCertificateDetails } from './showCertificateDetails';
import { showCertificatePolicy } from './showCertificatePolicy';

const certificate = item('certificate');

const commands: Readonly<Record<CommandId<typeof CertificateCommandIds>, Command<ItemTarget> | Command<VaultTarget>>> = {
  [CertificateCommandIds.showDetails]: command(certificate, showCertificateDetails),
  [CertificateCommandIds.create]: command(vault(() => vscode.l10n.t('Create a certificate: choose the vault'), 'certificate'), createCertificate, { writes: true }),
  [CertificateCommandIds.import]: command(vault(() => vscode.l10n.t('Import a certificate: choose the vault'), 'certificate'), importCertificate, { writes: true }),
  [CertificateCommandIds.download]: command(certificate, downloadCertificate),
  [CertificateCommandIds.downloadWithKey]: command(certificate, downloadCertificateWithKey),
  [CertificateCommandIds.renew]: command(certificate, renewCertificate, { writes: true }),
  [CertificateCommandIds.showPolicy]: command(certificate, showCertificatePolicy),
  [CertificateCommandIds.editPolicy]: command(certificate, editCertificatePolicy),
  [CertificateCommandIds.enable]: command(certificate, enableCertificate, { writes: true }),
  [CertificateCommandIds.disable]: command(certificate, disableCertificate, { writes: true }),
  [CertificateCommandIds.delete]: command(certificate, deleteCertificate, { writes: true }),
  [CertificateCommandIds.recover]: command(deletedItem('certificate', 'recover'), recoverCertificate, { writes: true }),
  [CertificateCommandIds.purge]: command(deletedItem('certificate', 'purge'), purgeCertificate, { writes: true }),
};

/** Commands (one file each in this folder) and registrations of the certificates area. */
export const certificatesFeature: Feature = { commands };
