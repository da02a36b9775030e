// The object kinds as words in the user's language: in sentences ("secret", "keys") and as group labels.
// Whole words only: a message passes them as an argument of its own translated sentence. Pure (@vscode/l10n, the
// instance activate configures): the failures module's sentences use them under plain node too.
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../azure/model';

/** "secret", "key", "certificate". */
export function kindName(kind: ObjectKind): string {
  switch (kind) {
    case 'secret':
      return l10n.t('secret');
    case 'key':
      return l10n.t('key');
    case 'certificate':
      return l10n.t('certificate');
  }
}

/** "secrets", "keys", "certificates". */
export function kindNames(kind: ObjectKind): string {
  switch (kind) {
    case 'secret':
      return l10n.t('secrets');
    case 'key':
      return l10n.t('keys');
    case 'certificate':
      return l10n.t('certificates');
  }
}

/** The group's label in a vault: "Secrets", "Keys", "Certificates". */
export function groupLabel(kind: ObjectKind): string {
  switch (kind) {
    case 'secret':
      return l10n.t('Secrets');
    case 'key':
      return l10n.t('Keys');
    case 'certificate':
      return l10n.t('Certificates');
  }
}

/** The label of a kind's group under "Deleted". */
export function deletedGroupLabel(kind: ObjectKind): string {
  switch (kind) {
    case 'secret':
      return l10n.t('Deleted secrets');
    case 'key':
      return l10n.t('Deleted keys');
    case 'certificate':
      return l10n.t('Deleted certificates');
  }
}

/** Icon and id segment of each kind (not translated). */
export const kindLabels: Record<ObjectKind, { group: string; segment: string; icon: string }> = {
  secret: { group: 'Secrets', segment: 'secrets', icon: 'lock' },
  key: { group: 'Keys', segment: 'keys', icon: 'key' },
  certificate: { group: 'Certificates', segment: 'certificates', icon: 'verified' },
};

/** A group's tooltip: what it holds, in words (never an id). */
export function groupTooltip(kind: ObjectKind, vaultName: string): string {
  switch (kind) {
    case 'secret':
      return l10n.t('Secrets of {0}', vaultName);
    case 'key':
      return l10n.t('Keys of {0}', vaultName);
    case 'certificate':
      return l10n.t('Certificates of {0}', vaultName);
  }
}
