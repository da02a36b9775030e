// What each command needs of the data plane (./commandAccess.json, read by the manifest script too): the kind and
// the operation a role could deny it. `row` = the kind of the row the command runs on (commands shared by kinds).
// Commands that never call the data plane (copy an identifier, open the portal, the references index…) or that
// span every kind of a vault (search, expiring soon, check workspace) are not listed.
// Chosen where a command does several things: the operation the least role that reads lacks — editing a value
// reads it and writes it → write; copy to another vault reads here → read; a certificate with its private key is
// its secret's value → secret/read; restore from a backup → the row's kind (a vault row: the file's kind).
import type { ObjectKind } from '../../azure/model';
import table from './commandAccess.json';
import { ACCESS_OPERATIONS, OBJECT_KINDS, type AccessOperation } from './operations';

export interface CommandAccess {
  readonly kind: ObjectKind | 'row';
  readonly op: AccessOperation;
}

function valid(entry: unknown): entry is CommandAccess {
  if (typeof entry !== 'object' || entry === null) return false;
  const { kind, op } = entry as Record<string, unknown>;
  return (kind === 'row' || OBJECT_KINDS.includes(kind as ObjectKind)) && ACCESS_OPERATIONS.includes(op as AccessOperation);
}

const ENTRIES: ReadonlyMap<string, CommandAccess> = new Map(
  Object.entries(table as Record<string, unknown>).flatMap(([id, entry]) => (valid(entry) ? [[id, { kind: entry.kind, op: entry.op }] as const] : [])),
);

/** Every command id the table names, valid or not (for the unit test). */
export const COMMAND_ACCESS_IDS: readonly string[] = Object.keys(table);

/** The kind and operation `commandId` needs; undefined for a command that no role blocks. */
export function commandAccess(commandId: string): CommandAccess | undefined {
  return ENTRIES.get(commandId);
}
