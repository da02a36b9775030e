// `$filter` of RoleAssignments_ListForScope (and the other role assignment lists) and RoleDefinitions_List, as the
// REST reference documents them: `atScope()`, `assignedTo('{objectId}')`, `principalId eq '{objectId}'` (joined by
// `and`); `roleName eq '{name}'`, `type eq 'BuiltInRole'|'CustomRole'`.
import { EmuError } from '../errors';

export interface AssignmentFilter {
  /** Only assignments at or above the scope (without it: at, above and below). */
  readonly atScope: boolean;
  readonly principalId?: string;
}

function invalid(filter: string): EmuError {
  return new EmuError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
}

export function parseAssignmentFilter(filter: string | null): AssignmentFilter {
  if (filter === null || filter.trim() === '') return { atScope: false };
  let atScope = false;
  let principalId: string | undefined;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const c = clause.trim();
    if (/^atScope\(\)$/i.test(c)) atScope = true;
    else {
      const m = /^assignedTo\('([^']+)'\)$/i.exec(c) ?? /^principalId\s+eq\s+'([^']+)'$/i.exec(c);
      if (!m || principalId !== undefined) throw invalid(filter);
      principalId = m[1];
    }
  }
  return { atScope, principalId };
}

export interface DefinitionFilter {
  readonly roleName?: string;
  readonly type?: string;
}

export function parseDefinitionFilter(filter: string | null): DefinitionFilter {
  if (filter === null || filter.trim() === '') return {};
  const out: { roleName?: string; type?: string } = {};
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(roleName|type)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (!m) throw invalid(filter);
    if (m[1]!.toLowerCase() === 'rolename') out.roleName = m[2];
    else out.type = m[2];
  }
  return out;
}
