import { strict as assert } from 'node:assert';
import { literalText } from '../../../src/i18n/literal-text';
import { hostileValues, markupOf, shownText } from '../../support/teams-markdown';

const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('literalText', () => {
  for (const value of hostileValues) {
    it(`shows ${JSON.stringify(value)} literally, as the only text and inside a sentence`, () => {
      assert.deepEqual(markupOf(literalText(value)), []);
      assert.equal(shownText(literalText(value)), collapsed(value));
      assert.deepEqual(markupOf(`**Name:** ${literalText(value)} (request R-1)`), ['strong']);
      assert.equal(shownText(`Added ${literalText(value)}.`), collapsed(`Added ${value}.`));
    });
  }

  it('shows every line of a multi-line reason literally, whatever the line starts with', () => {
    const reason = 'Needed for:\n- the tender\n2) the launch\n# budget\n> see mail\n===\nthanks';
    assert.deepEqual(markupOf(literalText(reason)), []);
    assert.equal(shownText(literalText(reason)), collapsed(reason));
  });

  it('keeps ordinary text as it is, so addresses and numbers copy unchanged', () => {
    for (const text of ['jane.doe@fabrikam.com', 'Fabrikam Ltd. (EMEA)', 'Version 1.5 - final', 'a < b and c > d', 'R&D', 'Ünïcödé Zoë 李', '50% off!', 'O\'Brien "Bob"']) {
      assert.equal(literalText(text), text);
    }
  });

  it('escapes a backslash, so a typed one cannot undo the escaping of the character after it', () => {
    assert.equal(literalText('\\*x*'), '\\\\\\*x\\*');
    assert.deepEqual(markupOf(literalText('\\*x*')), []);
  });

  it('keeps the Adaptive Card DATE() function from running on typed text', () => {
    assert.ok(!literalText('{{DATE(2030-01-01T00:00:00Z, SHORT)}} {{{TIME(2030-01-01T00:00:00Z)}}').includes('{{'));
  });
});
