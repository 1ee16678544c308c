import { strict as assert } from 'node:assert';
import { parseEmailAddress, sameAddress, type EmailAddressProblem } from '../../../src/domain/email-address';

describe('parseEmailAddress', () => {
  const valid: ReadonlyArray<[string, string]> = [
    ['jane@partner.example', 'jane@partner.example'],
    ['  Jane.Doe@Partner.Example  ', 'jane.doe@partner.example'],
    ["o'brien@partner.example", "o'brien@partner.example"],
    ['jane+groups@partner.example', 'jane+groups@partner.example'],
    ['mailto:jane@partner.example', 'jane@partner.example'],
    ['<jane@partner.example>', 'jane@partner.example'],
    ['jane@mail.partner.co.uk', 'jane@mail.partner.co.uk'],
    ['jane@partner.example.', 'jane@partner.example'],
    ['jane@xn--bcher-kva.example', 'jane@xn--bcher-kva.example'],
  ];
  for (const [input, address] of valid) {
    it(`accepts ${JSON.stringify(input)} as ${address}`, () => {
      const parsed = parseEmailAddress(input);
      assert.equal(parsed.kind, 'valid');
      if (parsed.kind === 'valid') assert.equal(parsed.address, address);
    });
  }

  it('splits local part and domain', () => {
    assert.deepEqual(parseEmailAddress("O'Brien@Partner.Example"), {
      kind: 'valid',
      address: "o'brien@partner.example",
      localPart: "o'brien",
      domain: 'partner.example',
    });
  });

  const invalid: ReadonlyArray<[string, EmailAddressProblem]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['jane', 'missing-at'],
    ['@partner.example', 'local-part-invalid'],
    ['jane..doe@partner.example', 'local-part-invalid'],
    ['.jane@partner.example', 'local-part-invalid'],
    ['jane doe@partner.example', 'local-part-invalid'],
    ['"jane doe"@partner.example', 'local-part-invalid'],
    ['jane@@partner.example', 'local-part-invalid'],
    [`${'a'.repeat(65)}@partner.example`, 'local-part-too-long'],
    ['jane@', 'domain-invalid'],
    ['jane@localhost', 'domain-invalid'],
    ['jane@partner', 'domain-invalid'],
    ['jane@-partner.example', 'domain-invalid'],
    ['jane@partner..example', 'domain-invalid'],
    ['jane@[192.168.0.1]', 'domain-invalid'],
    ['jane@partner.example1', 'domain-invalid'],
    ['Jane <jane@partner.example>', 'local-part-invalid'],
    [`jane@${'a'.repeat(250)}.example`, 'too-long'],
  ];
  for (const [input, problem] of invalid) {
    it(`refuses ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}...` : input)} as ${problem}`, () => {
      assert.deepEqual(parseEmailAddress(input), { kind: 'invalid', problem });
    });
  }
});

describe('sameAddress', () => {
  it('compares case-insensitively and ignores surrounding spaces', () => {
    assert.equal(sameAddress('Jane@Partner.Example', ' jane@partner.example'), true);
    assert.equal(sameAddress('jane@partner.example', 'john@partner.example'), false);
    assert.equal(sameAddress(undefined, 'john@partner.example'), false);
  });
});
