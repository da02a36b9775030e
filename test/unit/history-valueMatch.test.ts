import * as assert from 'node:assert/strict';
import { matchValue } from '../../src/model/valueMatch';

describe('value match without showing (pure)', () => {
  it('says same for identical texts only', () => {
    assert.deepEqual(matchValue('s3cr3t', 's3cr3t'), { same: true });
    assert.equal(matchValue('s3cr3t', 's3cr3T').same, false);
  });

  it('names the near misses people make, most specific first', () => {
    const hint = (a: string, b: string) => {
      const m = matchValue(a, b);
      return m.same ? 'same' : m.hint;
    };
    assert.equal(hint('p@ss\n', 'p@ss'), 'trailingNewline');
    assert.equal(hint('p@ss\r\n', 'p@ss'), 'trailingNewline');
    assert.equal(hint('a\r\nb', 'a\nb'), 'lineEndings');
    assert.equal(hint('  p@ss ', 'p@ss'), 'surroundingWhitespace');
    assert.equal(hint('P@SS', 'p@ss'), 'letterCase');
    assert.equal(hint('{"a": 1,\n "b": [2]}', '{"a":1,"b":[2]}'), 'jsonFormatting');
    assert.equal(hint('{"a":2}', '{"a":1}'), 'different');
    assert.equal(hint('abc', 'xyz'), 'different');
  });

  it('says by how many characters the candidate differs in length (code points, not UTF-16 units)', () => {
    const m = matchValue('ab🔑', 'abcd');
    assert.equal(m.same, false);
    assert.equal(!m.same && m.lengthDelta, -1);
    const longer = matchValue('abcdef', 'abc');
    assert.equal(!longer.same && longer.lengthDelta, 3);
  });

  it('never puts either text in its answer', () => {
    const secret = 'canary-7f3a9e-value';
    const m = matchValue(`${secret}\n`, secret);
    assert.ok(!JSON.stringify(m).includes('canary'));
  });
});
