// Random secret values (pure: node's crypto only, unit-tested under plain node). Characters are drawn with
// crypto.randomBytes and rejection sampling (no modulo bias); every chosen class appears at least once.
import * as l10n from '@vscode/l10n';
import { nodeCrypto } from '../../azure/nodeCrypto';

export const characterClasses = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
} as const;

export type CharacterClass = keyof typeof characterClasses;

export const MIN_GENERATED_LENGTH = 8;
export const MAX_GENERATED_LENGTH = 1024;
export const DEFAULT_GENERATED_LENGTH = 32;

export interface GeneratorOptions {
  readonly length: number;
  readonly classes: readonly CharacterClass[];
}

/** Source of random bytes; tests may pass a deterministic one. */
export type RandomSource = (size: number) => Uint8Array;

/** Why generator options are refused, or undefined. */
export function checkGeneratorOptions(options: GeneratorOptions): string | undefined {
  if (!Number.isInteger(options.length) || options.length < MIN_GENERATED_LENGTH || options.length > MAX_GENERATED_LENGTH) {
    return l10n.t('Choose a length from {0} to {1}.', MIN_GENERATED_LENGTH, MAX_GENERATED_LENGTH);
  }
  if (options.classes.length === 0) return l10n.t('Choose at least one kind of character.');
  if (options.classes.length > options.length) return l10n.t('The length is shorter than the number of character kinds.');
  return undefined;
}

/** A uniformly random integer in [0, n), from 32-bit draws with rejection sampling. */
function randomIndex(n: number, random: RandomSource): number {
  const range = 2 ** 32;
  const limit = range - (range % n);
  for (;;) {
    const bytes = random(4);
    const v = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
    if (v < limit) return v % n;
  }
}

export function generateSecret(options: GeneratorOptions, random: RandomSource = (size) => nodeCrypto().randomBytes(size)): string {
  const problem = checkGeneratorOptions(options);
  if (problem) throw new Error(problem);
  const classes = [...new Set(options.classes)];
  const alphabet = classes.map((c) => characterClasses[c]).join('');
  // One of each chosen class, the rest from the whole alphabet, then a Fisher–Yates shuffle.
  const chars = classes.map((c) => {
    const set = characterClasses[c];
    return set[randomIndex(set.length, random)]!;
  });
  while (chars.length < options.length) chars.push(alphabet[randomIndex(alphabet.length, random)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
