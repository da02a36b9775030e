// Backup files by name (pure: no vscode, unit-tested): the name a download suggests,
// `{vault}-{name}-{YYYYMMDDhhmmss}.{secret|key|certificate}.blob` (UTC), and what a restore reads back from a file
// name — the kind it holds, and the object's name when the file was taken from the vault it goes back into.
import type { ObjectKind } from '../../azure/model';

const kinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

/** `20261206154500`: the moment in UTC, to the second. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The file name a download suggests. */
export function backupFileName(vaultName: string, name: string, kind: ObjectKind, date: Date): string {
  return `${vaultName}-${name}-${backupStamp(date)}.${kind}.blob`;
}

/** The kind a file name says it holds (`….secret.blob`, `….key.blob`, `….certificate.blob`, any case); else undefined. */
export function kindOfFileName(fileName: string): ObjectKind | undefined {
  const match = /\.(secret|key|certificate)\.blob$/i.exec(fileName.trim());
  const kind = match?.[1]?.toLowerCase();
  return kinds.find((k) => k === kind);
}

/**
 * The object's name in a file this extension named, when the file comes from `vaultName` (its name starts with
 * `{vaultName}-`): used only to check the vault after a restore whose answer was lost. Undefined otherwise.
 */
export function nameHintOf(fileName: string, vaultName: string): string | undefined {
  const match = /^(.+)-\d{14}\.(?:secret|key|certificate)\.blob$/i.exec(fileName.trim());
  const base = match?.[1];
  const prefix = `${vaultName}-`.toLowerCase();
  if (!base?.toLowerCase().startsWith(prefix)) return undefined;
  const name = base.slice(prefix.length);
  return /^[0-9A-Za-z-]{1,127}$/.test(name) ? name : undefined;
}

/** The last segment of a path or URI path: what messages call the file. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
