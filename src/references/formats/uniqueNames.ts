// Names a format declares (Bicep symbols and module parameters, ARM parameters, JSON keys) must not collide with
// each other nor with what the document already declares: the tools reject a duplicate (Bicep BCP028/BCP025) or
// silently keep one of them (a JSON object's repeated key, an App Configuration key imported twice).
import { camelIdentifier } from '../names';
import type { ReferenceTarget } from '../types';

/** `base`, else `base2`, `base3`…: the first not in `taken` (lower case, compared case-insensitively), which it joins. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * One parameter name per target: the secret's (`dbPassword`); when two targets would take the same one (the same
 * secret name in two vaults), the vault comes first (`prodKvDbPassword`); then unique against `taken`.
 */
export function parameterNames(targets: readonly ReferenceTarget[], taken: Set<string> = new Set()): string[] {
  const base = targets.map((t) => camelIdentifier(t.name));
  const count = new Map<string, number>();
  for (const b of base) count.set(b.toLowerCase(), (count.get(b.toLowerCase()) ?? 0) + 1);
  return targets.map((t, i) => uniqueName(count.get(base[i]!.toLowerCase())! > 1 ? camelIdentifier(`${t.vaultName}-${t.name}`) : base[i]!, taken));
}

/** Lower-cased copy of names (what `uniqueName` compares against). */
export const takenSet = (names: Iterable<string>): Set<string> => new Set([...names].map((n) => n.toLowerCase()));
