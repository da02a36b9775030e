// Errors only the certificates data plane has (the ones every object kind shares are in ../errors), with the
// service's status codes and messages (from the REST docs and recorded service traffic).
import { conflict, EmuError, notFound } from '../errors';

export function pendingNotFound(name: string): EmuError {
  return notFound('PendingCertificateNotFound', `Pending certificate not found: ${name}`);
}

/** Create or import while an operation is `inProgress` (the REST docs show this odd code with 409). */
export function operationInProgress(): EmuError {
  return new EmuError(
    409,
    'Forbidden',
    "A new key vault certificate can not be created or imported while a pending key vault certificate's status is inProgress.",
  );
}

export function contactsNotFound(): EmuError {
  return notFound('ContactsNotFound', 'Contacts not found');
}

export function issuerNotFound(name: string): EmuError {
  return notFound('CertificateIssuerNotFound', `Issuer not found: ${name}`);
}

export function certificateExists(name: string): EmuError {
  return conflict(`Certificate ${name} already exists.`);
}
