// Reading a tool's input (pure: no vscode, unit-tested). The model's input is checked against what the tool declares
// before anything runs: unknown keys are refused — and a key that looks like a secret value is refused saying why
// (these tools never take a value from the model, nor hand one back) — and every field is checked by type and range.
import type { ObjectKind } from '../../azure/model';
import { checkSecretName } from '../../azure/rules';

/** A refusal the model should read: nothing was done, and why. */
export class ToolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolRefusal';
  }
}

/** Keys that would carry a value (a model trying to pass one, or to ask for one). */
const valueLike = /value|password|passwd|secretText|plaintext|literalText|content$|^text$|^data$/i;

/** The input as an object whose every key is one of `allowed`; a value-like key is refused with the reason. */
export function inputObject(raw: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ToolRefusal('The input must be a JSON object.');
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (allowed.includes(key)) continue;
    if (valueLike.test(key)) {
      throw new ToolRefusal(
        `Refused: "${key}" looks like a secret value. These tools never take a secret value from the model and never return one: ` +
          'to move a value that is in a file, pass the file and its location (azureKeyVault_moveLiteralToKeyVault); to create or rotate a secret, ' +
          'the value is generated inside the editor (azureKeyVault_createSecret, azureKeyVault_rotateSecret). Nothing was done.',
      );
    }
    throw new ToolRefusal(`Unknown input "${key}". Allowed: ${allowed.join(', ')}. Nothing was done.`);
  }
  return input;
}

export function requiredString(input: Record<string, unknown>, key: string): string {
  const v = input[key];
  if (typeof v !== 'string' || v.trim() === '') throw new ToolRefusal(`"${key}" is required (a non-empty string). Nothing was done.`);
  return v.trim();
}

export function optionalString(input: Record<string, unknown>, key: string): string | undefined {
  const v = input[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new ToolRefusal(`"${key}" must be a string. Nothing was done.`);
  return v.trim() || undefined;
}

export function optionalInteger(input: Record<string, unknown>, key: string, range: { min: number; max: number }): number | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max) {
    throw new ToolRefusal(`"${key}" must be a whole number from ${range.min} to ${range.max}. Nothing was done.`);
  }
  return v;
}

export function requiredInteger(input: Record<string, unknown>, key: string, range: { min: number; max: number }): number {
  const v = optionalInteger(input, key, range);
  if (v === undefined) throw new ToolRefusal(`"${key}" is required (a whole number from ${range.min} to ${range.max}). Nothing was done.`);
  return v;
}

export function requiredBoolean(input: Record<string, unknown>, key: string): boolean {
  const v = input[key];
  if (typeof v !== 'boolean') throw new ToolRefusal(`"${key}" is required (true or false). Nothing was done.`);
  return v;
}

const kinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export function optionalKind(input: Record<string, unknown>, key = 'kind'): ObjectKind | undefined {
  const v = input[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !kinds.includes(v as ObjectKind)) throw new ToolRefusal(`"${key}" must be one of ${kinds.join(', ')}. Nothing was done.`);
  return v as ObjectKind;
}

export function requiredKind(input: Record<string, unknown>, key = 'kind'): ObjectKind {
  const kind = optionalKind(input, key);
  if (!kind) throw new ToolRefusal(`"${key}" is required: one of ${kinds.join(', ')}. Nothing was done.`);
  return kind;
}

/** A list of strings each from `choices` (duplicates dropped); undefined when absent. */
export function optionalChoices<T extends string>(input: Record<string, unknown>, key: string, choices: readonly T[]): T[] | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length === 0 || v.some((c) => typeof c !== 'string' || !choices.includes(c as T))) {
    throw new ToolRefusal(`"${key}" must be a non-empty list of ${choices.join(', ')}. Nothing was done.`);
  }
  return [...new Set(v as T[])];
}

/** A secret name the service accepts (checked before any request). */
export function requiredSecretName(input: Record<string, unknown>, key = 'name'): string {
  const name = requiredString(input, key);
  const problem = checkSecretName(name);
  if (problem) throw new ToolRefusal(`${problem} Nothing was done.`);
  return name;
}
