// Issue 15 item 8: the detection table. Each case puts the cursor in a literal of a realistic document and asks the
// entry point the Move to Key Vault code action and command use (secretLiteralAt, JSON-aware for .json files) for its
// verdict: a secret of the expected kind whose range is exactly the literal, or nothing. The cases and their
// sources are in references-detection-cases.ts.
import * as assert from 'node:assert/strict';
import { secretLiteralAt } from '../../src/references';
import { detectionCases } from './references-detection-cases';

describe('Move to Key Vault detection table (issue 15 item 8)', () => {
  const positives = detectionCases.filter((c) => c.expect !== 'none');
  const negatives = detectionCases.filter((c) => c.expect === 'none');

  it(`holds at least 40 sourced cases, both true and false positives (${positives.length} secrets, ${negatives.length} not)`, () => {
    assert.ok(detectionCases.length >= 40, `${detectionCases.length} cases`);
    assert.ok(positives.length >= 15 && negatives.length >= 15, `${positives.length} / ${negatives.length}`);
    assert.equal(new Set(detectionCases.map((c) => c.name)).size, detectionCases.length, 'case names are unique');
    for (const c of detectionCases) {
      assert.match(c.source, /^https:\/\/\S+$/, `${c.name}: a source URL`);
      assert.ok(c.text.includes(c.at), `${c.name}: the cursor literal is in the document`);
    }
  });

  for (const c of detectionCases) {
    it(`${c.file}: ${c.name} → ${c.expect}`, () => {
      const at = c.text.indexOf(c.at) + Math.floor(c.at.length / 2);
      const literal = secretLiteralAt(c.text, at, at, { json: c.file === 'json' });
      if (c.expect === 'none') {
        assert.equal(literal, undefined, `flagged as ${literal?.kind}: ${c.text.slice(literal?.start, literal?.end)}`);
        return;
      }
      assert.equal(literal?.kind, c.expect);
      assert.equal(c.text.slice(literal.start, literal.end), c.at, 'the range is the whole literal, no quotes, no comment');
      // A selection of the whole literal gets the same answer (Move Selection to Key Vault… is not needed).
      assert.equal(secretLiteralAt(c.text, literal.start, literal.end, { json: c.file === 'json' })?.kind, c.expect);
    });
  }
});
