import { strict as assert } from 'node:assert';
import { randomRequestIds, requestIdAlphabet } from '../../../src/app/request-id-generator';

describe('randomRequestIds', () => {
  it('makes ids like R-7K3F9Q from unambiguous characters', () => {
    const ids = Array.from({ length: 200 }, randomRequestIds());
    for (const id of ids) assert.match(id, new RegExp(`^R-[${requestIdAlphabet}]{6}$`));
    assert.ok(new Set(ids).size > 190, 'ids should practically never repeat');
  });

  it('draws from the injected source', () => {
    let n = 0;
    const next = randomRequestIds(() => n++ % requestIdAlphabet.length);
    assert.equal(next(), `R-${requestIdAlphabet.slice(0, 6)}`);
  });
});
