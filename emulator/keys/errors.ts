// Error responses of the keys data plane: `{"error":{"code","message","innererror"?}}` with the service's status codes.
import { EmuError } from '../errors';

/**
 * A failure that maps onto a Key Vault error response; an EmuError, so the core (and the certificates store, which
 * calls putManaged and friends) turn it into the same response.
 */
export class KeyVaultHttpError extends EmuError {
  constructor(status: number, code: string, message: string, innerCode?: string) {
    super(status, code, message, innerCode);
    this.name = 'KeyVaultHttpError';
  }
}

export function badParameter(message: string): KeyVaultHttpError {
  return new KeyVaultHttpError(400, 'BadParameter', message);
}

export function keyNotFound(name: string, version?: string): KeyVaultHttpError {
  const id = version ? `${name}/${version}` : name;
  return new KeyVaultHttpError(
    404,
    'KeyNotFound',
    `A key with (name/id) ${id} was not found in this key vault. If you recently deleted this key you may be able to ` +
      'recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182',
  );
}

export function deletedKeyNotFound(name: string): KeyVaultHttpError {
  return new KeyVaultHttpError(404, 'KeyNotFound', `Deleted Key not found: ${name}`);
}

export function keyBeingDeleted(name: string): KeyVaultHttpError {
  return new KeyVaultHttpError(409, 'Conflict', `Key ${name} is currently being deleted.`, 'ObjectIsBeingDeleted');
}

export function keyDeletedButRecoverable(name: string): KeyVaultHttpError {
  return new KeyVaultHttpError(
    409,
    'Conflict',
    `Key ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.`,
    'ObjectIsDeletedButRecoverable',
  );
}

export function keyBeingRecovered(name: string): KeyVaultHttpError {
  return new KeyVaultHttpError(409, 'Conflict', `Key ${name} is currently being recovered.`);
}

export function keyDisabled(operation: string): KeyVaultHttpError {
  return new KeyVaultHttpError(403, 'Forbidden', `Operation ${operation} is not allowed on a disabled key.`, 'KeyDisabled');
}

export function operationNotPermitted(operation: string): KeyVaultHttpError {
  return new KeyVaultHttpError(
    403,
    'Forbidden',
    `Operation ${operation} is not permitted on this key.`,
    'KeyOperationForbidden',
  );
}

export function managedKeyForbidden(operation: string, name: string): KeyVaultHttpError {
  return new KeyVaultHttpError(
    403,
    'Forbidden',
    `Operation ${operation} is not allowed on key ${name}: it is managed by the certificate of the same name.`,
  );
}
