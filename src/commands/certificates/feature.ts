import type { Feature } from '../feature';
import type { CommandHandler } from '../wrapper';
import { createCertificate } from './createCertificate';
import { deleteCertificate } from './deleteCertificate';
import { disableCertificate } from './disableCertificate';
import { downloadCertificate } from './downloadCertificate';
import { downloadCertificateWithKey } from './downloadCertificateWithKey';
import { editCertificatePolicy } from './editCertificatePolicy';
import { enableCertificate } from './enableCertificate';
import { CertificateCommandIds } from '../../model/commandIds';
import { importCertificate } from './importCertificate';
import { purgeCertificate } from './purgeCertificate';
import { recoverCertificate } from './recoverCertificate';
import { renewCertificate } from './renewCertificate';
import { showCertificateDetails } from './showCertificateDetails';
import { showCertificatePolicy } from './showCertificatePolicy';

const commands: Readonly<Record<(typeof CertificateCommandIds)[keyof typeof CertificateCommandIds], CommandHandler>> = {
  [CertificateCommandIds.showDetails]: showCertificateDetails,
  [CertificateCommandIds.create]: createCertificate,
  [CertificateCommandIds.import]: importCertificate,
  [CertificateCommandIds.download]: downloadCertificate,
  [CertificateCommandIds.downloadWithKey]: downloadCertificateWithKey,
  [CertificateCommandIds.renew]: renewCertificate,
  [CertificateCommandIds.showPolicy]: showCertificatePolicy,
  [CertificateCommandIds.editPolicy]: editCertificatePolicy,
  [CertificateCommandIds.enable]: enableCertificate,
  [CertificateCommandIds.disable]: disableCertificate,
  [CertificateCommandIds.delete]: deleteCertificate,
  [CertificateCommandIds.recover]: recoverCertificate,
  [CertificateCommandIds.purge]: purgeCertificate,
};

/** Commands (one file each in this folder) and registrations of the certificates area. */
export const certificatesFeature: Feature = { commands };
