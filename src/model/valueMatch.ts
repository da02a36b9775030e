// How two texts compare, said without showing either (pure: unit-tested under plain node). Used to answer "is this
// the value I think it is?" — a clipboard, an editor selection or an older version against a secret's value — with a
// hint for the near misses people actually make (a trailing newline from a terminal, CRLF from Windows, JSON that was
// re-formatted), never with the text itself.

export type ValueMatch =
  | { readonly same: true }
  | { readonly same: false; readonly hint: NearMiss; readonly lengthDelta: number };

/** Why two different texts look alike, most specific first; 'different' when none applies. */
export type NearMiss = 'trailingNewline' | 'lineEndings' | 'surroundingWhitespace' | 'letterCase' | 'jsonFormatting' | 'different';

const trimEol = (s: string): string => s.replace(/(\r?\n)+$/, '');
const lf = (s: string): string => s.replace(/\r\n/g, '\n');

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Compares `candidate` (what the user holds) with `value` (the secret's). `lengthDelta` = candidate − value, in characters. */
export function matchValue(candidate: string, value: string): ValueMatch {
  if (candidate === value) return { same: true };
  const lengthDelta = [...candidate].length - [...value].length;
  const hint: NearMiss =
    trimEol(candidate) === trimEol(value)
      ? 'trailingNewline'
      : lf(candidate) === lf(value)
        ? 'lineEndings'
        : candidate.trim() === value.trim()
          ? 'surroundingWhitespace'
          : candidate.toLowerCase() === value.toLowerCase()
            ? 'letterCase'
            : /^\s*[[{]/.test(value) && sameJson(candidate, value)
              ? 'jsonFormatting'
              : 'different';
  return { same: false, hint, lengthDelta };
}
