import { strict as assert } from 'node:assert';
import { interpretAddressCheck, validateEmailSyntax } from '../../../dialogs/validators/email-validator';
import { matchGroupChoice } from '../../../dialogs/validators/group-validators';
import { matchIntakeField } from '../../../dialogs/validators/field-choice-validator';
import { validateCompany, validateDisplayName, validateReason, wordsOf } from '../../../dialogs/validators/text-validators';
import type { GroupSummary } from '../../../src/domain/group-summary';
import { recognizeCommand } from '../../../dialogs/command-recognizer';
import { catalogue, t } from '../../support/dialog-harness';

describe('validators', () => {
  describe('validateEmailSyntax', () => {
    const accepted: readonly [string, string][] = [
      ['Jane.Doe@Fabrikam.COM', 'jane.doe@fabrikam.com'],
      ['  o\'brien+news@partner.example ', 'o\'brien+news@partner.example'],
      ['x@sub.domain-with-dash.co.uk', 'x@sub.domain-with-dash.co.uk'],
    ];
    for (const [typed, recorded] of accepted) {
      it(`accepts "${typed}" as ${recorded}`, () => assert.deepEqual(validateEmailSyntax(typed), { ok: true, value: recorded }));
    }
    const refused: readonly [string, string][] = [
      ['', 'intake.email.empty'],
      ['jane@fabrikam..com', 'intake.email.badDomain'],
      ['jane@-fabrikam.com', 'intake.email.badDomain'],
      ['jane@10.0.0.1', 'intake.email.badDomain'],
      ['jane.@fabrikam.com', 'intake.email.badLocalPart'],
      ['ja..ne@fabrikam.com', 'intake.email.badLocalPart'],
      [`${'a'.repeat(65)}@fabrikam.com`, 'intake.email.badLocalPart'],
      [`a@${'b'.repeat(250)}.com`, 'intake.email.tooLong'],
    ];
    for (const [typed, key] of refused) {
      it(`refuses "${typed.slice(0, 30)}" with ${key}`, () => {
        const verdict = validateEmailSyntax(typed);
        assert.equal(verdict.ok ? 'accepted' : verdict.problem.key, key);
      });
    }
  });

  it('interpretAddressCheck keeps the recipient to reuse and names the owner of a taken address', () => {
    const contact = { kind: 'mail-contact', displayName: 'Jane', email: 'jane@fabrikam.com' } as const;
    assert.deepEqual(interpretAddressCheck({ kind: 'ok', email: 'jane@fabrikam.com', existingRecipient: contact }), {
      ok: true,
      value: { email: 'jane@fabrikam.com', existingRecipient: contact },
    });
    assert.deepEqual(interpretAddressCheck({ kind: 'taken', existingRecipient: { kind: 'member-user', displayName: 'Tom', email: 't@x.com' } }), {
      ok: false,
      problem: { key: 'intake.email.taken.user', params: { name: 'Tom' } },
    });
  });

  it('display name: a default word takes the suggestion; company: a skip word records none', () => {
    assert.deepEqual(validateDisplayName(' OK ', 'Jane Doe', ['ok']), { ok: true, value: 'Jane Doe' });
    assert.deepEqual(validateCompany('None', ['skip', 'none']), { ok: true, value: undefined });
    assert.deepEqual(validateReason('    '), { ok: false, problem: { key: 'intake.reason.empty' } });
  });

  describe('matchGroupChoice', () => {
    const group = (id: string, displayName: string, mail?: string): GroupSummary => ({
      id,
      displayName,
      ...(mail ? { mail } : {}),
      classification: { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' },
    });
    const groups = [group('1', 'Sales', 'sales@contoso.com'), group('2', 'Sales', 'sales-eu@contoso.com'), group('3', 'Support')];
    const cases: readonly [string, string][] = [
      ['2', 'group 2'],
      ['sales (sales-eu@contoso.com)', 'group 2'],
      ['SUPPORT', 'group 3'],
      ['search again', 'search-again'],
      ['Sales', 'intake.group.choice.ambiguous'],
      ['0', 'intake.group.choice.outOfRange'],
      ['Marketing', 'intake.group.choice.unknown'],
      ['', 'intake.group.choice.empty'],
    ];
    for (const [answer, expected] of cases) {
      it(`"${answer}" -> ${expected}`, () => {
        const verdict = matchGroupChoice(answer, groups, ['search again']);
        const outcome = !verdict.ok ? verdict.problem.key : verdict.value.kind === 'group' ? `group ${verdict.value.group.id}` : 'search-again';
        assert.equal(outcome, expected);
      });
    }
  });

  it('matchIntakeField accepts a number or a field name and refuses anything else', () => {
    const labels = { email: 'E-mail address', firstName: 'First name', lastName: 'Last name', displayName: 'Display name', company: 'Company', group: 'Group', reason: 'Reason' };
    assert.deepEqual(matchIntakeField('6', labels), { ok: true, value: 'group' });
    assert.deepEqual(matchIntakeField('first NAME', labels), { ok: true, value: 'firstName' });
    assert.deepEqual(matchIntakeField('8', labels), { ok: false, problem: { key: 'intake.edit.choice.unknown', params: { answer: '8', count: 7 } } });
  });

  it('recognizeCommand ignores case and punctuation but not extra words', () => {
    assert.equal(recognizeCommand(' Add External! ', catalogue), 'add-external');
    assert.equal(recognizeCommand('/help', catalogue), 'help');
    assert.equal(recognizeCommand('Cancel.', catalogue), 'cancel');
    assert.equal(recognizeCommand('please cancel my request', catalogue), undefined);
    assert.deepEqual(wordsOf(' a | B ||c '), ['a', 'b', 'c']);
  });

  it('wordsOf folds case, spacing and diacritics, so words match however they are typed', () => {
    assert.deepEqual(wordsOf(' Meklēt  Vēlreiz |Ārējo'), ['meklet velreiz', 'arejo']);
  });
});
