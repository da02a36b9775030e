// Errors only the keys data plane has (the ones every object kind shares are in ../errors).
import { forbidden, type EmuError } from '../errors';

export function operationNotPermitted(operation: string): EmuError {
  return forbidden(`Operation ${operation} is not permitted on this key.`, 'KeyOperationForbidden');
}

export function managedKeyForbidden(operation: string, name: string): EmuError {
  return forbidden(`Operation ${operation} is not allowed on key ${name}: it is managed by the certificate of the same name.`);
}
