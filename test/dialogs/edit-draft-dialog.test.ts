import { sampleDraft } from '../support/sample-draft';
import { RecordingApproverCommands } from '../support/recording-approver-commands';
import { strict as assert } from 'node:assert';
import type { TurnContext } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { IntakeFields, type PendingDraft } from '../../dialogs/intake-values';
import { DialogConversation, intakeDependencies, speakers } from '../support/dialog-harness';
import { trustedMarkdown } from '../../src/i18n/literal-text';

const draft: PendingDraft = sampleDraft({ id: 'draft-9', updatedAt: '2026-11-02T10:00:00.000Z' });

for (const { locale, t, typed } of speakers) {
  describe(`EditDraftDialog (through MainDialog), in ${locale}`, () => {
    const fieldQuestion = t('intake.edit.ask', {
      list: trustedMarkdown(IntakeFields.map((field, i) => `${i + 1}. ${t(`intake.field.${field}`)}`).join('\n\n')),
    });

    async function started() {
      const deps = intakeDependencies();
      await deps.drafts.put({} as TurnContext, draft);
      const conversation = DialogConversation.main(deps, { start: 'edit', draftId: 'draft-9' }, undefined, locale);
      assert.deepEqual(await conversation.say('(card pressed)'), [fieldQuestion]);
      return { deps, conversation };
    }

    it('asks which field, refuses what is not a field, and re-asks only the chosen one (by its name)', async () => {
      const { deps, conversation } = await started();
      assert.deepEqual(await conversation.say('the phone number'), [t('intake.edit.choice.unknown', { answer: 'the phone number', count: 7 }), fieldQuestion]);
      assert.deepEqual(await conversation.say(t('intake.field.company').toUpperCase()), [
        `${t('intake.company.ask', { name: 'Jane Doe' })}\n\n${t('intake.edit.currentValue', { value: t('card.summary.fact.none') })}`,
      ]);
      assert.deepEqual(await conversation.say('Fabrikam'), [`[card] ${t('card.confirm.title')}`]);
      assert.deepEqual(deps.drafts.drafts.get('draft-9')?.subject.person, { ...draft.subject.person, company: 'Fabrikam' });
    });

    it('after three answers that are not fields, stops editing and leaves the card as it was', async () => {
      const { deps, conversation } = await started();
      await conversation.say('x');
      await conversation.say('y');
      assert.deepEqual(await conversation.say('z'), [t('intake.edit.gaveUp')]);
      assert.deepEqual(deps.drafts.drafts.get('draft-9'), { ...draft, eTag: '1' }, 'untouched since it was stored');
    });

    it(`"${typed.cancel}" stops editing`, async () => {
      const { conversation } = await started();
      assert.deepEqual(await conversation.say(typed.cancel), [t('bot.cancelled')]);
    });

    it('refuses to edit a draft that was already submitted', async () => {
      const deps = intakeDependencies();
      await deps.drafts.put({} as TurnContext, { ...draft, submittedRequestId: 'R-000001' });
      const conversation = new DialogConversation(new MainDialog(deps.catalogue, deps, new RecordingApproverCommands()), { start: 'edit', draftId: 'draft-9' }, undefined, locale);
      await conversation.say('(card pressed)');
      assert.deepEqual(await conversation.say('2'), [t('intake.edit.draftClosed')]);
    });
  });
}
