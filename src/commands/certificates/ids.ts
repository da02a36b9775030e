// Command ids of the certificates area (declared in manifest/30-certificates.json).
export const CertificateCommandIds = {
  showDetails: 'azureKeyVault.showCertificateDetails',
  create: 'azureKeyVault.createCertificate',
  import: 'azureKeyVault.importCertificate',
  download: 'azureKeyVault.downloadCertificate',
  downloadWithKey: 'azureKeyVault.downloadCertificateWithKey',
  renew: 'azureKeyVault.renewCertificate',
  showPolicy: 'azureKeyVault.showCertificatePolicy',
  editPolicy: 'azureKeyVault.editCertificatePolicy',
  enable: 'azureKeyVault.enableCertificate',
  disable: 'azureKeyVault.disableCertificate',
  delete: 'azureKeyVault.deleteCertificate',
  recover: 'azureKeyVault.recoverCertificate',
  purge: 'azureKeyVault.purgeCertificate',
} as const satisfies Record<string, `azureKeyVault.${string}`>;
