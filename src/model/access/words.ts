// The words of the access model's messages (localized through @vscode/l10n like the other pure layers).
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../../azure/model';
import { kindNames } from '../kindWords';
import type { AccessOperation } from './operations';
import type { AssignedRole } from './vaultAccess';

/** What an operation does to a kind, as a verb phrase: "read secret values", "list keys". */
export function operationPhrase(kind: ObjectKind, op: AccessOperation): string {
  const things = kindNames(kind);
  switch (op) {
    case 'list':
      return l10n.t('list {0}', things);
    case 'read':
      return kind === 'secret' ? l10n.t('read secret values') : l10n.t('read {0}', things);
    case 'write':
      return l10n.t('create and update {0}', things);
    case 'delete':
      return l10n.t('delete {0}', things);
    case 'listDeleted':
      return l10n.t('list deleted {0}', things);
    case 'recover':
      return l10n.t('recover deleted {0}', things);
    case 'purge':
      return l10n.t('purge deleted {0}', things);
    case 'backup':
      return l10n.t('back up {0}', things);
    case 'restore':
      return l10n.t('restore {0} from backups', things);
    case 'crypto':
      return l10n.t('encrypt, decrypt, sign and verify with {0}', things);
  }
}

/** A table row's operation name: "Read (value)". */
export function operationName(kind: ObjectKind, op: AccessOperation): string {
  switch (op) {
    case 'list':
      return l10n.t('List');
    case 'read':
      return kind === 'secret' ? l10n.t('Read value') : l10n.t('Read');
    case 'write':
      return l10n.t('Create and update');
    case 'delete':
      return l10n.t('Delete');
    case 'listDeleted':
      return l10n.t('List deleted');
    case 'recover':
      return l10n.t('Recover');
    case 'purge':
      return l10n.t('Purge');
    case 'backup':
      return l10n.t('Back up');
    case 'restore':
      return l10n.t('Restore');
    case 'crypto':
      return l10n.t('Encrypt, decrypt, sign, verify');
  }
}

export function scopeWord(at: AssignedRole['at']): string {
  switch (at) {
    case 'object':
      return l10n.t('on one object');
    case 'vault':
      return l10n.t('on this vault');
    case 'resourceGroup':
      return l10n.t('on the resource group');
    case 'subscription':
      return l10n.t('on the subscription');
    case 'above':
      return l10n.t('above the subscription');
  }
}
