// Small checks for request JSON.
import { badParameter } from './errors';

export type Json = Record<string, unknown>;

/** `value` as an object; absent (undefined/null) gives `{}`. */
export function asObject(value: unknown, what = 'The request body'): Json {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badParameter(`${what} must be a JSON object.`);
  }
  return value as Json;
}
