// The read-only JSON documents of keys and certificates (details, policies): where they open, how they are
// written, and the pure helpers their builders share. Public material only.
import type { ObjectKind } from '../../azure/model';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';

/** `o` without its undefined members (and, with `dropEmptyArrays`, without its empty arrays). */
export function compact<T extends object>(o: T, dropEmptyArrays = false): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(dropEmptyArrays && Array.isArray(v) && v.length === 0))) as T;
}

/** ISO date-time (UTC) for documents, or undefined. */
export function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

export const toJson = (o: unknown): string => `${JSON.stringify(o, null, 2)}\n`;

/** Path of a read-only details document: `/{vault}/{kind}s/{name}/{version}/{name}.json`. */
export function detailsPath(vault: VaultTarget, kind: ObjectKind, name: string, version: string | undefined, suffix = ''): string {
  return `/${vault.name}/${kind}s/${name}/${version ?? 'current'}/${name}${suffix}.json`;
}

/** Shows `doc` as JSON in a read-only `keyvault:` document at `path`, and returns it. */
export async function showDocument(services: Services, path: string, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  await services.documents.showReadOnly(path, toJson(doc), 'json');
  return doc;
}
