// The generated values of azureKeyVault_createSecret and azureKeyVault_rotateSecret: length and character kinds from
// the model (checked), the value from the shared generator (src/commands/items/generator.ts: crypto.randomBytes,
// rejection sampling) — made and stored here, never returned.
import { characterClasses, checkGeneratorOptions, DEFAULT_GENERATED_LENGTH, MAX_GENERATED_LENGTH, MIN_GENERATED_LENGTH, type CharacterClass, type GeneratorOptions } from '../items/generator';
import { optionalChoices, optionalInteger, ToolRefusal } from './input';

const classNames = Object.keys(characterClasses) as CharacterClass[];

/** The generator options of an input (`length`, `characterClasses`), checked; defaults: 32 characters of all four kinds. */
export function generatorOptions(input: Record<string, unknown>): GeneratorOptions {
  const options = {
    length: optionalInteger(input, 'length', { min: MIN_GENERATED_LENGTH, max: MAX_GENERATED_LENGTH }) ?? DEFAULT_GENERATED_LENGTH,
    classes: optionalChoices(input, 'characterClasses', classNames) ?? classNames,
  };
  const problem = checkGeneratorOptions(options);
  if (problem) throw new ToolRefusal(`${problem} Nothing was done.`);
  return options;
}

/** "32 characters (lower, upper, digits, symbols)". */
export const describeOptions = (o: GeneratorOptions): string => `${o.length} characters (${o.classes.join(', ')})`;
