// The agent tools' input check (src/commands/agent/input.ts, generated.ts): unknown keys refused, value-like keys
// refused with the reason, fields checked by type and range — before anything runs.
import * as assert from 'node:assert/strict';
import { generatorOptions } from '../../src/commands/agent/generated';
import { inputObject, optionalChoices, optionalInteger, requiredKind, requiredSecretName, requiredString, ToolRefusal } from '../../src/commands/agent/input';

describe('agent tools: input', () => {
  it('refuses any key that would carry a value, saying that values never cross to the model', () => {
    for (const key of ['value', 'secretValue', 'password', 'plaintext', 'text', 'content', 'newValue']) {
      assert.throws(() => inputObject({ vault: 'v', [key]: 'x' }, ['vault']), (e: unknown) => e instanceof ToolRefusal && /looks like a secret value.*never take a secret value/.test(e.message), key);
    }
  });

  it('refuses unknown keys naming the allowed ones, and takes the allowed ones', () => {
    assert.throws(() => inputObject({ vault: 'v', colour: 'red' }, ['vault', 'kind']), /Unknown input "colour"\. Allowed: vault, kind/);
    assert.deepEqual(inputObject({ vault: 'v' }, ['vault']), { vault: 'v' });
    assert.deepEqual(inputObject(undefined, ['vault']), {});
    assert.throws(() => inputObject('text', ['vault']), /JSON object/);
    assert.throws(() => inputObject([], ['vault']), /JSON object/);
  });

  it('checks types and ranges', () => {
    assert.equal(requiredString({ a: '  x ' }, 'a'), 'x');
    assert.throws(() => requiredString({ a: ' ' }, 'a'), /"a" is required/);
    assert.throws(() => requiredString({ a: 3 }, 'a'), /"a" is required/);
    assert.equal(optionalInteger({}, 'n', { min: 1, max: 5 }), undefined);
    assert.equal(optionalInteger({ n: 5 }, 'n', { min: 1, max: 5 }), 5);
    for (const bad of [0, 6, 2.5, '3']) assert.throws(() => optionalInteger({ n: bad }, 'n', { min: 1, max: 5 }), /whole number from 1 to 5/);
    assert.equal(requiredKind({ kind: 'key' }), 'key');
    assert.throws(() => requiredKind({ kind: 'blob' }), /one of secret, key, certificate/);
    assert.deepEqual(optionalChoices({ c: ['a', 'a', 'b'] }, 'c', ['a', 'b']), ['a', 'b']);
    assert.throws(() => optionalChoices({ c: [] }, 'c', ['a']), /non-empty list/);
    assert.throws(() => optionalChoices({ c: ['z'] }, 'c', ['a']), /non-empty list of a/);
  });

  it('checks secret names with the service rules', () => {
    assert.equal(requiredSecretName({ name: 'ConnectionStrings--Db' }), 'ConnectionStrings--Db');
    assert.throws(() => requiredSecretName({ name: 'bad_name' }), ToolRefusal);
  });

  it('generator options: defaults, ranges and character kinds', () => {
    assert.deepEqual(generatorOptions({}), { length: 32, classes: ['lower', 'upper', 'digits', 'symbols'] });
    assert.deepEqual(generatorOptions({ length: 12, characterClasses: ['digits'] }), { length: 12, classes: ['digits'] });
    assert.throws(() => generatorOptions({ length: 4 }), /from 8 to 1024/);
    assert.throws(() => generatorOptions({ characterClasses: ['emoji'] }), /lower, upper, digits, symbols/);
  });
});
