import { strict as assert } from 'node:assert';
import { literalText, trustedMarkdown } from '../../src/i18n/literal-text';
import { DialogConversation, intakeDependencies, speakers } from '../support/dialog-harness';
import { ada } from '../support/contoso-fake-tenant';
import { IntakeDialog, type IntakeDialogOptions } from '../../dialogs/intake-dialog';
import type { IntakeField } from '../../dialogs/intake-values';

type Turn = readonly [userSays: string, botReplies: readonly string[]];

async function play(conversation: DialogConversation, turns: readonly Turn[]): Promise<void> {
  for (const [userSays, expected] of turns) {
    const replies = await conversation.say(userSays);
    assert.deepEqual(replies, expected, `after "${userSays}"\n${conversation.transcript.join('\n')}`);
  }
}

for (const { locale, t, typed } of speakers) {
  describe(`IntakeDialog (through MainDialog), in ${locale}`, () => {
    const card = `[card] ${t('card.confirm.title')}`;
    const groupChoiceList = (query: string, labels: string[]): string =>
      t('intake.group.choose', { count: labels.length, query, list: trustedMarkdown(labels.map((label, i) => `${i + 1}. ${literalText(label)}`).join('\n\n')) });

    /** The happy path up to the group question, with the replies each answer gets. */
    const upToGroup: readonly Turn[] = [
      [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
      ['Jane.Doe@Fabrikam.com', [t('intake.firstName.ask', { email: 'jane.doe@fabrikam.com' })]],
      ['Jane', [t('intake.lastName.ask', { firstName: 'Jane' })]],
      ['Doe', [t('intake.displayName.ask', { suggested: 'Jane Doe' })]],
      [typed.useDefault, [t('intake.company.ask', { name: 'Jane Doe' })]],
      ['Fabrikam', [t('intake.group.ask')]],
    ];

    it('walks every question, offers the owned groups that match, and shows the confirmation card', async () => {
      const deps = intakeDependencies();
      const conversation = DialogConversation.main(deps, undefined, undefined, locale);
      await play(conversation, [
        ...upToGroup,
        ['Project', [groupChoiceList('Project', ['Project Falcon (falcon@contoso.com)', 'Project Hawk (hawk@contoso.com)'])]],
        ['1', [t('intake.reason.ask', { name: 'Jane Doe', group: 'Project Falcon' })]],
        ['Works with us on the Falcon launch', [card]],
      ]);
      const [draft] = [...deps.drafts.drafts.values()];
      assert.ok(draft);
      assert.equal(draft.id, 'draft-1');
      assert.deepEqual(draft.requester, ada);
      assert.deepEqual(draft.subject.person, {
        email: 'jane.doe@fabrikam.com',
        firstName: 'Jane',
        lastName: 'Doe',
        displayName: 'Jane Doe',
        company: 'Fabrikam',
      });
      assert.equal(draft.subject.group.id, 'g-falcon');
      assert.equal(draft.subject.assessment.path, 'guest');
      assert.equal(draft.subject.reason, 'Works with us on the Falcon launch');
      assert.equal(conversation.lastReplies[0]?.text, t('intake.confirm.intro'));
    });

    it('takes a typed display name, records no company on "skip", and picks a single match directly', async () => {
      const deps = intakeDependencies();
      const conversation = DialogConversation.main(deps, undefined, undefined, locale);
      await play(conversation, [
        ...upToGroup.slice(0, 4),
        ['  Jane   Doe (Fabrikam) ', [t('intake.company.ask', { name: 'Jane Doe (Fabrikam)' })]],
        [typed.skip, [t('intake.group.ask')]],
        ['sales p', [t('intake.group.foundOne', { group: 'Sales Partners (sales-partners@contoso.com)' }), t('intake.reason.ask', { name: 'Jane Doe (Fabrikam)', group: 'Sales Partners' })]],
        ['Joint tender with Fabrikam', [card]],
      ]);
      const [draft] = [...deps.drafts.drafts.values()];
      assert.equal(draft?.subject.person.displayName, 'Jane Doe (Fabrikam)');
      assert.equal(draft?.subject.person.company, undefined);
      assert.equal(draft?.subject.assessment.internalSendersOnly, true);
    });

    describe('the e-mail address', () => {
      const cases: readonly [string, string, string][] = [
        ['no @ at all', 'jane.fabrikam.com', t('intake.email.oneAt')],
        ['two @', 'jane@doe@fabrikam.com', t('intake.email.oneAt')],
        ['a space inside', 'jane doe@fabrikam.com', t('intake.email.spaces')],
        ['a domain without a dot', 'jane@fabrikam', t('intake.email.badDomain', { domain: 'fabrikam' })],
        ['nothing before the @', '@fabrikam.com', t('intake.email.badLocalPart')],
        ['a dot at the start', '.jane@fabrikam.com', t('intake.email.badLocalPart')],
        ['an address in a verified domain', 'bob@contoso.com', t('intake.email.internal', { domain: 'contoso.com' })],
        ['an internal user\'s address', 'tom@litware.com', t('intake.email.taken.user', { name: 'Tom Member' })],
        ['a group\'s address', 'partners@litware.com', t('intake.email.taken.group', { name: 'Partner Alias' })],
      ];
      for (const [what, address, reason] of cases) {
        it(`when it has ${what}, says exactly that and asks again`, async () => {
          const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
          await play(conversation, [
            [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
            [address, [reason, t('intake.email.ask')]],
          ]);
        });
      }

      it('recognises an existing mail contact, says it will be reused, and goes on', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
          [
            'jane@fabrikam.com',
            [
              t('intake.email.recognised', { email: 'jane@fabrikam.com', kind: 'mail-contact', name: 'Jane Contact' }),
              t('intake.firstName.ask', { email: 'jane@fabrikam.com' }),
            ],
          ],
        ]);
      });

      it('recognises an existing guest too', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
          [
            'GUS@northwind.com',
            [
              t('intake.email.recognised', { email: 'gus@northwind.com', kind: 'guest', name: 'Gus Guest' }),
              t('intake.firstName.ask', { email: 'gus@northwind.com' }),
            ],
          ],
        ]);
      });

      it('after three wrong answers, ends politely and forgets the request', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
          ['nope', [t('intake.email.oneAt'), t('intake.email.ask')]],
          ['bob@contoso.com', [t('intake.email.internal', { domain: 'contoso.com' }), t('intake.email.ask')]],
          ['still nope', [t('intake.gaveUp')]],
          ['Jane', [`${t('bot.notUnderstood', { text: 'Jane' })}\n\n${t('bot.help')}`]],
        ]);
      });
    });

    describe('names, company and reason', () => {
      const cases: readonly [string, readonly Turn[], string, string][] = [
        ['a first name that is only spaces', upToGroup.slice(0, 2), '   ', t('intake.firstName.empty')],
        ['a first name that is an address', upToGroup.slice(0, 2), 'jane@fabrikam.com', t('intake.text.looksLikeEmail')],
        ['a last name over 64 characters', upToGroup.slice(0, 3), 'x'.repeat(65), t('intake.text.tooLong', { max: 64, length: 65 })],
        ['a display name with a control character', upToGroup.slice(0, 4), 'Jane\u0007Doe', t('intake.text.controlCharacters')],
        ['a company over 64 characters', upToGroup.slice(0, 5), 'C'.repeat(70), t('intake.text.tooLong', { max: 64, length: 70 })],
      ];
      for (const [what, before, answer, reason] of cases) {
        it(`when given ${what}, says exactly that and asks the same question again`, async () => {
          const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
          await play(conversation, before);
          const question = before.at(-1)?.[1].at(-1) ?? '';
          await play(conversation, [[answer, [reason, question]]]);
        });
      }

      it('refuses a reason that is too short and accepts a longer one', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        const reasonQuestion = t('intake.reason.ask', { name: 'Jane Doe', group: 'Project Falcon' });
        await play(conversation, [
          ...upToGroup,
          ['Project F', [t('intake.group.foundOne', { group: 'Project Falcon (falcon@contoso.com)' }), reasonQuestion]],
          ['why', [t('intake.reason.tooShort', { min: 5 }), reasonQuestion]],
          ['Shared launch plan', [card]],
        ]);
      });
    });

    describe('the group', () => {
      it('when the requester owns no group with that name, says so, explains ownership, and asks again', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [...upToGroup, ['Finance', [t('intake.group.noneOwned', { query: 'Finance' }), t('intake.group.ask')]]]);
      });

      const refusals: readonly [string, string, string, string][] = [
        ['a security group', 'Secure', 'Secure Files', t('intake.group.refused.security-group', { group: 'Secure Files' })],
        ['a group that refuses guests', 'Project Hawk', 'Project Hawk (hawk@contoso.com)', t('intake.group.refused.guestsNotAllowed.group', { group: 'Project Hawk' })],
      ];
      for (const [what, query, label, reason] of refusals) {
        it(`refuses ${what} with the reason and what to do instead, then asks for another group`, async () => {
          const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
          await play(conversation, [...upToGroup, [query, [t('intake.group.foundOne', { group: label }), reason, t('intake.group.ask')]]]);
        });
      }

      it('offers every owned match as a numbered choice, refuses dynamic and on-premises groups, then gives up after the third refusal', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        const salesChoices = groupChoiceList('Sales', [
          'Sales Partners (sales-partners@contoso.com)',
          'Sales Dynamic (sales-dynamic@contoso.com)',
          'Sales Legacy (sales-legacy@contoso.com)',
        ]);
        await play(conversation, [
          ...upToGroup,
          ['Sales', [salesChoices]],
          ['9', [t('intake.group.choice.outOfRange', { number: '9', count: 3 }), salesChoices]],
          ['Marketing', [t('intake.group.choice.unknown', { answer: 'Marketing', count: 3 }), salesChoices]],
          ['2', [t('intake.group.refused.dynamic-membership', { group: 'Sales Dynamic' }), t('intake.group.ask')]],
          ['Sales', [salesChoices]],
          ['sales legacy', [t('intake.group.refused.synced-from-on-premises', { group: 'Sales Legacy' }), t('intake.group.ask')]],
          ['Secure', [t('intake.group.foundOne', { group: 'Secure Files' }), t('intake.group.refused.security-group', { group: 'Secure Files' }), t('intake.gaveUp')]],
        ]);
      });

      it('refuses a Microsoft 365 group for an address that belongs to a mail contact, and says why', async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          [typed.addExternal, [t('intake.intro'), t('intake.email.ask')]],
          ['jane@fabrikam.com', [t('intake.email.recognised', { email: 'jane@fabrikam.com', kind: 'mail-contact', name: 'Jane Contact' }), t('intake.firstName.ask', { email: 'jane@fabrikam.com' })]],
          ['Jane', [t('intake.lastName.ask', { firstName: 'Jane' })]],
          ['Contact', [t('intake.displayName.ask', { suggested: 'Jane Contact' })]],
          [typed.useDefault, [t('intake.company.ask', { name: 'Jane Contact' })]],
          [typed.skip, [t('intake.group.ask')]],
          [
            'Project Falcon',
            [
              t('intake.group.foundOne', { group: 'Project Falcon (falcon@contoso.com)' }),
              t('intake.group.refused.recipientConflict.address-belongs-to-mail-contact', { email: 'jane@fabrikam.com', name: 'Jane Contact', group: 'Project Falcon' }),
              t('intake.group.ask'),
            ],
          ],
        ]);
      });

      it(`"${typed.searchAgain}" goes back to the name question without counting as a wrong answer`, async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          ...upToGroup,
          ['Project', [groupChoiceList('Project', ['Project Falcon (falcon@contoso.com)', 'Project Hawk (hawk@contoso.com)'])]],
          [typed.searchAgain, [t('intake.group.ask')]],
          ['Project Falcon', [t('intake.group.foundOne', { group: 'Project Falcon (falcon@contoso.com)' }), t('intake.reason.ask', { name: 'Jane Doe', group: 'Project Falcon' })]],
        ]);
      });

      it('refuses a group whose ownership was lost between the search and the choice', async () => {
        const deps = intakeDependencies();
        const conversation = DialogConversation.main(deps, undefined, undefined, locale);
        await play(conversation, [
          ...upToGroup,
          ['Project', [groupChoiceList('Project', ['Project Falcon (falcon@contoso.com)', 'Project Hawk (hawk@contoso.com)'])]],
        ]);
        deps.intake.replaceGroup({
          summary: { id: 'g-falcon', displayName: 'Project Falcon', mail: 'falcon@contoso.com', classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' } },
          owners: [],
        });
        await play(conversation, [['1', [t('intake.group.refused.notOwner', { group: 'Project Falcon' }), t('intake.group.ask')]]]);
      });
    });

    describe('interruptions', () => {
      const happyPath: readonly Turn[] = [
        ...upToGroup,
        ['Project', [groupChoiceList('Project', ['Project Falcon (falcon@contoso.com)', 'Project Hawk (hawk@contoso.com)'])]],
        ['1', [t('intake.reason.ask', { name: 'Jane Doe', group: 'Project Falcon' })]],
      ];
      for (let step = 1; step <= happyPath.length; step += 1) {
        const question = happyPath[step - 1]?.[1].at(-1) ?? '';
        it(`"${typed.cancel}" at question ${step} stops the request and saves nothing`, async () => {
          const deps = intakeDependencies();
          const conversation = DialogConversation.main(deps, undefined, undefined, locale);
          await play(conversation, happyPath.slice(0, step));
          await play(conversation, [
            [typed.cancel.toUpperCase(), [t('bot.cancelled')]],
            [typed.cancel, [t('bot.nothingToCancel')]],
          ]);
          assert.equal(deps.drafts.drafts.size, 0);
          assert.ok(question !== '');
        });
      }

      it(`"${typed.help}" explains the step and asks the same question again`, async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [
          ...upToGroup.slice(0, 3),
          [typed.help, [t('intake.help'), t('intake.lastName.ask', { firstName: 'Jane' })]],
          ['Doe', [t('intake.displayName.ask', { suggested: 'Jane Doe' })]],
        ]);
      });

      it(`"${typed.addExternal}" in the middle of a request says one is under way and asks again`, async () => {
        const conversation = DialogConversation.main(intakeDependencies(), undefined, undefined, locale);
        await play(conversation, [...upToGroup.slice(0, 2), [typed.addExternal, [t('bot.alreadyInProgress'), t('intake.firstName.ask', { email: 'jane.doe@fabrikam.com' })]]]);
      });
    });

    describe('editing one field of a draft', () => {
      const subject = {
        person: { email: 'jane.doe@fabrikam.com', firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe', company: 'Fabrikam' },
        group: { id: 'g-falcon', displayName: 'Project Falcon', mail: 'falcon@contoso.com', classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' } },
        assessment: { groupKind: 'microsoft-365', path: 'guest', alreadyMember: false, internalSendersOnly: false, guestsAllowed: true },
        reason: 'Falcon launch',
      } as const;
      const edit = (field: IntakeField): IntakeDialogOptions => ({ edit: { draftId: 'draft-7', subject, field } });
      const now = (value: string): string => t('intake.edit.currentValue', { value });

      it('re-asks only the last name, keeps the rest, and updates the default display name', async () => {
        const deps = intakeDependencies();
        const conversation = new DialogConversation(new IntakeDialog(deps), edit('lastName'), undefined, locale);
        await play(conversation, [
          ['go', [`${t('intake.lastName.ask', { firstName: 'Jane' })}\n\n${now('Doe')}`]],
          ['Doe-Smith', [card]],
        ]);
        const draft = deps.drafts.drafts.get('draft-7');
        assert.deepEqual(draft?.subject.person, { ...subject.person, lastName: 'Doe-Smith', displayName: 'Jane Doe-Smith' });
        assert.equal(draft?.subject.reason, 'Falcon launch');
      });

      it('re-asks only the e-mail address and checks the group again for the new address', async () => {
        const deps = intakeDependencies();
        const conversation = new DialogConversation(new IntakeDialog(deps), edit('email'), undefined, locale);
        await play(conversation, [
          ['go', [`${t('intake.email.ask')}\n\n${now('jane.doe@fabrikam.com')}`]],
          [
            'gus@northwind.com',
            [t('intake.email.recognised', { email: 'gus@northwind.com', kind: 'guest', name: 'Gus Guest' }), card],
          ],
        ]);
        const draft = deps.drafts.drafts.get('draft-7');
        assert.equal(draft?.subject.person.email, 'gus@northwind.com');
        assert.equal(draft?.subject.assessment.existingRecipient?.id, 'u-gus');
      });

      it('re-asks only the group', async () => {
        const deps = intakeDependencies();
        const conversation = new DialogConversation(new IntakeDialog(deps), edit('group'), undefined, locale);
        await play(conversation, [
          ['go', [t('intake.group.ask')]],
          ['Sales P', [t('intake.group.foundOne', { group: 'Sales Partners (sales-partners@contoso.com)' }), card]],
        ]);
        assert.equal(deps.drafts.drafts.get('draft-7')?.subject.group.id, 'g-sales');
        assert.equal(deps.drafts.drafts.get('draft-7')?.subject.person.company, 'Fabrikam');
      });
    });
  });
}
