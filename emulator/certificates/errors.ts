// Errors of the certificates data plane: `{"error":{"code","message","innererror"?}}` with the service's
// status codes and messages (from the REST docs and recorded service traffic).
import { EmuError } from '../errors';

export function badParameter(message: string): EmuError {
  return new EmuError(400, 'BadParameter', message);
}

export function certificateNotFound(name: string, version?: string): EmuError {
  const id = version ? `${name}/${version}` : name;
  return new EmuError(
    404,
    'CertificateNotFound',
    `A certificate with (name/id) ${id} was not found in this key vault. If you recently deleted this certificate you ` +
      'may be able to recover it using the correct recovery command. For help resolving this issue, please see ' +
      'https://go.microsoft.com/fwlink/?linkid=2125182',
  );
}

export function deletedCertificateNotFound(name: string): EmuError {
  return new EmuError(404, 'CertificateNotFound', `Deleted Certificate not found: ${name}`);
}

export function pendingNotFound(name: string): EmuError {
  return new EmuError(404, 'PendingCertificateNotFound', `Pending certificate not found: ${name}`);
}

export function certificateBeingDeleted(name: string): EmuError {
  return new EmuError(409, 'Conflict', `Certificate ${name} is currently being deleted.`, 'ObjectIsBeingDeleted');
}

export function certificateDeletedButRecoverable(name: string): EmuError {
  return new EmuError(
    409,
    'Conflict',
    `Certificate ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this ` +
      'state, the certificate can only be recovered or purged.',
    'ObjectIsDeletedButRecoverable',
  );
}

export function certificateBeingRecovered(name: string): EmuError {
  return new EmuError(409, 'Conflict', `Certificate ${name} is currently being recovered.`);
}

/** Create or import while an operation is `inProgress` (the REST docs show this odd code with 409). */
export function operationInProgress(): EmuError {
  return new EmuError(
    409,
    'Forbidden',
    "A new key vault certificate can not be created or imported while a pending key vault certificate's status is inProgress.",
  );
}

export function purgeProtected(): EmuError {
  return new EmuError(
    403,
    'Forbidden',
    'Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will ' +
      'automatically purge it after the retention period has passed.',
  );
}

export function contactsNotFound(): EmuError {
  return new EmuError(404, 'ContactsNotFound', 'Contacts not found');
}

export function issuerNotFound(name: string): EmuError {
  return new EmuError(404, 'CertificateIssuerNotFound', `Issuer not found: ${name}`);
}

export function certificateExists(name: string): EmuError {
  return new EmuError(409, 'Conflict', `Certificate ${name} already exists.`);
}
