import * as assert from 'node:assert/strict';
import { characterClasses, checkGeneratorOptions, generateSecret } from '../../src/commands/items/generator';

describe('secret generator (crypto.randomBytes)', () => {
  it('generates the requested length with at least one character of each chosen class', () => {
    for (let i = 0; i < 50; i++) {
      const value = generateSecret({ length: 12, classes: ['lower', 'upper', 'digits', 'symbols'] });
      assert.equal(value.length, 12);
      for (const set of Object.values(characterClasses)) assert.ok([...value].some((c) => set.includes(c)), `${set} in a generated value`);
    }
  });

  it('uses only the chosen classes', () => {
    const value = generateSecret({ length: 200, classes: ['digits'] });
    assert.match(value, /^[0-9]{200}$/);
  });

  it('draws characters uniformly (rejection sampling: no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 40; i++) for (const c of generateSecret({ length: 1000, classes: ['digits'] })) counts.set(c, (counts.get(c) ?? 0) + 1);
    // 40,000 draws over 10 digits: each ≈ 4,000; a biased generator would skew far beyond ±10 %.
    for (const n of counts.values()) assert.ok(n > 3600 && n < 4400, String(n));
  });

  it('is driven by the random source (deterministic with a fixed one)', () => {
    let i = 0;
    const fixed = (size: number) => Uint8Array.from({ length: size }, () => (i++ * 37) % 256);
    const a = generateSecret({ length: 16, classes: ['lower', 'digits'] }, fixed);
    i = 0;
    assert.equal(generateSecret({ length: 16, classes: ['lower', 'digits'] }, fixed), a);
  });

  it('refuses lengths outside 8–1024 and an empty class list', () => {
    assert.match(checkGeneratorOptions({ length: 7, classes: ['lower'] })!, /8 to 1024/);
    assert.match(checkGeneratorOptions({ length: 1025, classes: ['lower'] })!, /8 to 1024/);
    assert.match(checkGeneratorOptions({ length: 16, classes: [] })!, /at least one/);
    assert.throws(() => generateSecret({ length: 4, classes: ['lower'] }), /8 to 1024/);
  });
});
