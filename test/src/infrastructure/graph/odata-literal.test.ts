import { strict as assert } from 'node:assert';
import { graphQuery, graphSegment, odataString } from '../../../../src/infrastructure/graph/odata-literal';

describe('odataString', () => {
  const table: ReadonlyArray<[string, string]> = [
    ['jane@partner.example', "'jane@partner.example'"],
    ["o'brien@partner.example", "'o''brien@partner.example'"],
    ["''", "''''''"],
    ["x' or mail ne 'y", "'x'' or mail ne ''y'"],
    ['', "''"],
  ];
  for (const [value, literal] of table) {
    it(`quotes ${JSON.stringify(value)} as ${literal}`, () => assert.equal(odataString(value), literal));
  }
});

describe('graphQuery', () => {
  it('percent-encodes values so + & # in an address cannot change the query', () => {
    const q = graphQuery({ $filter: `mail eq ${odataString('a+b&c#d@x.example')}`, $top: 5, $skip: undefined });
    assert.equal(q, "?$filter=mail%20eq%20'a%2Bb%26c%23d%40x.example'&$top=5");
    assert.equal(new URLSearchParams(q).get('$filter'), "mail eq 'a+b&c#d@x.example'");
  });

  it('is empty without parameters', () => assert.equal(graphQuery({}), ''));
});

describe('graphSegment', () => {
  it('keeps an id inside its path segment', () => assert.equal(graphSegment('../users'), '..%2Fusers'));
});
