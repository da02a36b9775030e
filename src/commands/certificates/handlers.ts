// The certificates area's command handlers, built into a bundle of their own (dist/commands-certificates.js) and loaded on the
// first run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { createCertificate } from './createCertificate';
export { deleteCertificate } from './deleteCertificate';
export { disableCertificate } from './disableCertificate';
export { downloadCertificate } from './downloadCertificate';
export { downloadCertificateWithKey } from './downloadCertificateWithKey';
export { editCertificatePolicy } from './editCertificatePolicy';
export { enableCertificate } from './enableCertificate';
export { importCertificate } from './importCertificate';
export { purgeCertificate } from './purgeCertificate';
export { recoverCertificate } from './recoverCertificate';
export { renewCertificate } from './renewCertificate';
export { showCertificateDetails } from './showCertificateDetails';
export { showCertificatePolicy } from './showCertificatePolicy';
