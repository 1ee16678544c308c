import { strict as assert } from 'node:assert';
import { userType } from '../../simulator/graph-entities';
import { matchesFilter, ODataQueryError, parseFilter, validateFilter } from '../../simulator/odata-filter';
import { sample, SimulatorClient } from './simulator-fixture';

const user = {
  mail: 'Jane.OBrien@partner.example',
  userPrincipalName: "o'brien_partner.example#EXT#@contoso.onmicrosoft.com",
  displayName: "Jane O'Brien",
  otherMails: ['jane@home.example'],
  proxyAddresses: ['SMTP:Jane.OBrien@partner.example'],
  accountEnabled: true,
};
const get = (p: string): unknown => Object.entries(user).find(([k]) => k.toLowerCase() === p.toLowerCase())?.[1];
const matches = (filter: string): boolean => {
  const node = parseFilter(filter);
  validateFilter(node, userType.filter, false);
  return matchesFilter(node, get);
};
const refusal = (filter: string, advanced = false): ODataQueryError => {
  try {
    validateFilter(parseFilter(filter), userType.filter, advanced);
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw error;
  }
  assert.fail(`expected ${filter} to be refused`);
};

describe('simulator: OData $filter parser', () => {
  it('compares strings case-insensitively with eq', () => {
    assert.equal(matches("mail eq 'jane.obrien@PARTNER.example'"), true);
    assert.equal(matches("mail eq 'jane@partner.example'"), false);
  });

  it("reads '' inside a literal as one quote", () => {
    assert.equal(matches("displayName eq 'Jane O''Brien'"), true);
    assert.equal(matches("startswith(userPrincipalName,'o''brien_')"), true);
  });

  it('evaluates any() lambdas on multi-valued properties', () => {
    assert.equal(matches("otherMails/any(m:m eq 'JANE@home.example')"), true);
    assert.equal(matches("proxyAddresses/any(p:p eq 'smtp:jane.obrien@partner.example')"), true);
    assert.equal(matches("proxyAddresses/any(p:startswith(p,'SMTP:jane'))"), true);
    assert.equal(matches("otherMails/any(m:m eq 'x@y.example')"), false);
  });

  it('combines with or, and, parentheses; and binds tighter than or', () => {
    assert.equal(matches("mail eq 'x@y.example' or otherMails/any(m:m eq 'jane@home.example')"), true);
    assert.equal(matches("mail eq 'x@y.example' and displayName eq 'Jane O''Brien'"), false);
    assert.equal(matches("mail eq 'x@y.example' and displayName eq 'nobody' or accountEnabled eq true"), true);
    assert.equal(matches("mail eq 'x@y.example' and (displayName eq 'nobody' or accountEnabled eq true)"), false);
  });

  it('keeps keywords and property names case-insensitive', () => {
    assert.equal(matches("MAIL EQ 'jane.obrien@partner.example' OR Mail eq 'x@y.example'"), true);
  });

  for (const [name, filter, message] of [
    ['an unescaped quote inside a literal (the injection case)', "mail eq 'o'brien@partner.example'", "Syntax error: character '@' is not valid at position 16 in 'mail eq 'o'brien@partner.example''."],
    ['an injected clause that leaves a quote open', "mail eq 'x' or mail eq 'y", "There is an unterminated string literal at position 23 in 'mail eq 'x' or mail eq 'y'."],
    ['an unterminated literal', "mail eq 'jane@partner.example", "There is an unterminated string literal at position 8 in 'mail eq 'jane@partner.example'."],
    ['a dangling operator', "mail eq 'a@b.example' or", "Syntax error at position 24 in 'mail eq 'a@b.example' or'."],
    ['a missing operand', 'mail eq', "Syntax error at position 7 in 'mail eq'."],
    ['words after a complete expression', "mail eq 'a@b.example' mail", "Syntax error at position 22 in 'mail eq 'a@b.example' mail'."],
    ['an unbalanced parenthesis', "(mail eq 'a@b.example'", "Syntax error at position 22 in '(mail eq 'a@b.example''."],
    ['an empty filter', '', "Syntax error at position 0 in ''."],
  ] as const) {
    it(`refuses ${name} with 400 BadRequest`, () => {
      assert.throws(() => parseFilter(filter), (e: unknown) => e instanceof ODataQueryError && e.code === 'BadRequest' && e.message === message);
    });
  }

  it('refuses unsupported expressions with Request_UnsupportedQuery', () => {
    assert.equal(refusal("otherMails eq 'a@b.example'").code, 'Request_UnsupportedQuery');
    assert.equal(refusal("startswith(userType,'Gu')").message, "Unsupported or invalid query filter clause specified for property 'userType' of resource 'User'.");
    assert.equal(refusal("mail ne 'a@b.example'").code, 'Request_UnsupportedQuery');
    assert.match(refusal("mail ne 'a@b.example'").message, /^Operator 'ne' is not supported because the required parameters might be missing/);
    assert.equal(refusal("not(mail eq 'a@b.example')").code, 'Request_UnsupportedQuery');
    assert.equal(refusal("endswith(mail,'@b.example')").code, 'Request_UnsupportedQuery');
    assert.equal(refusal("contains(mail,'b')").code, 'Request_UnsupportedQuery');
    assert.equal(refusal("mail in ('a@b.example')").code, 'Request_UnsupportedQuery');
    assert.equal(refusal("otherMails/all(m:m eq 'a@b.example')").code, 'Request_UnsupportedQuery');
  });

  it('allows ne, not and endswith with advanced query', () => {
    assert.doesNotThrow(() => validateFilter(parseFilter("mail ne 'a@b.example' and not(endswith(mail,'@c.example'))"), userType.filter, true));
  });

  it('refuses a property the type does not have with BadRequest, and a literal of the wrong type', () => {
    const unknown = refusal("colour eq 'blue'");
    assert.equal(unknown.code, 'BadRequest');
    assert.equal(unknown.message, "Could not find a property named 'colour' on type 'microsoft.graph.user'.");
    assert.equal(refusal("accountEnabled eq 'yes'").code, 'BadRequest');
  });

  describe('over HTTP', () => {
    let client: SimulatorClient;
    beforeEach(async () => {
      client = await SimulatorClient.start();
    });
    afterEach(() => client.stop());

    it('a bot that forgets to escape a quote gets a 400, one that escapes gets an answer', async () => {
      const address = "o'brien@partner.example";
      const unescaped = await client.graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${address}'`)}`);
      assert.equal(unescaped.status, 400);
      assert.equal(unescaped.body.error.code, 'BadRequest');
      const escaped = await client.graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${address.replace(/'/g, "''")}'`)}`);
      assert.equal(escaped.status, 200);
      assert.deepEqual(escaped.body.value, []);
    });

    it('an injected "or" cannot widen the query once quotes are doubled', async () => {
      const hostile = "x@y.example' or accountEnabled eq true or mail eq 'z";
      const escaped = await client.graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${hostile.replace(/'/g, "''")}'`)}`);
      assert.equal(escaped.status, 200);
      assert.deepEqual(escaped.body.value, []);
      const unescaped = await client.graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${hostile}'`)}&$select=id`);
      // Unescaped, the hostile value becomes a second clause that matches every user: the bug a test must see.
      assert.equal(unescaped.status, 200);
      assert.ok(unescaped.body.value.length >= 5);
    });

    it('unsupported clauses are 400 Request_UnsupportedQuery over HTTP too', async () => {
      const r = await client.graph('GET', `/contacts?$filter=${encodeURIComponent("proxyAddresses eq 'SMTP:lidia@partner.example'")}`);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'Request_UnsupportedQuery');
      const groups = await client.graph('GET', `/groups?$filter=${encodeURIComponent("groupTypes/any(t:t eq 'Unified') and mailEnabled eq true")}&$select=id`);
      assert.equal(groups.status, 200);
      assert.deepEqual(groups.body.value.map((g: { id: string }) => g.id), [sample.marketingM365, sample.legalM365NoGuests, sample.salesEveryoneDynamic]);
    });
  });
});
