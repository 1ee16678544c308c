import { sampleDraft } from '../../support/sample-draft';
import { strict as assert } from 'node:assert';
import { type Activity, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { ConfirmCardAction } from '../../../src/bot/card-actions/confirm-card-action';
import { submissionTimeoutMs } from '../../../src/bot/card-actions/own-draft';
import { ConversationDrafts } from '../../../src/bot/conversation-drafts';
import type { PendingDraft } from '../../../dialogs/intake-values';
import type { Draft, SubmitResult } from '../../../src/app/request-intake';
import { ada, contosoFakeTenant } from '../../support/contoso-fake-tenant';
import { catalogue, t } from '../../support/dialog-harness';
import { FakeRequestIntake } from '../../support/fake-request-intake';
import { ManualClock } from '../support/manual-clock';
import { RecordingSubmissions } from '../../support/recording-submissions';
import { personalChat, userAccount } from '../../support/bot-harness';

const draft: PendingDraft = sampleDraft();

/** A RequestIntake whose submit waits until the test lets it go. */
class SlowIntake extends FakeRequestIntake {
  calls = 0;
  release: () => void = () => undefined;
  override async submit(submitted: Draft): Promise<SubmitResult> {
    this.calls += 1;
    await new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return super.submit(submitted);
  }
}

function pressContext(sent: Partial<Activity>[]): TurnContext {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    from: userAccount(ada),
    conversation: personalChat,
    recipient: { id: 'bot', name: 'bot' },
  });
  context.onSendActivities(async (_context, activities, next) => {
    sent.push(...activities);
    return next();
  });
  return context;
}

describe('ConfirmCardAction', () => {
  it('submits once when Confirm is pressed twice before the first press finishes', async () => {
    const clock = new ManualClock();
    const intake = new SlowIntake(contosoFakeTenant(), clock);
    const drafts = new ConversationDrafts(new MemoryStorage());
    const sent: Partial<Activity>[] = [];
    await drafts.put(pressContext(sent), draft);
    const submissions = new RecordingSubmissions();
    const action = new ConfirmCardAction(intake, drafts, catalogue, clock, submissions);

    const first = action.handle(pressContext(sent), { draftId: 'draft-1' });
    await new Promise((resolve) => setImmediate(resolve));
    const second = await action.handle(pressContext(sent), { draftId: 'draft-1' });
    assert.deepEqual(second, { kind: 'message', text: t('bot.card.submitting') });
    intake.release();
    const firstResult = await first;
    assert.equal(firstResult.kind, 'card');
    assert.equal(intake.calls, 1);
    assert.equal(intake.submitted.length, 1);
    assert.equal(submissions.requestIds.length, 1, 'the request goes to the approvers once');

    const third = await action.handle(pressContext(sent), { draftId: 'draft-1' });
    assert.equal(third.kind, 'card');
    assert.ok(JSON.stringify(third).includes(t('card.confirm.status.submitted', { requestId: 'R-000001' })));
    assert.equal(intake.calls, 1);
  });

  it('a submission that failed releases the draft, so Confirm can be pressed again', async () => {
    const clock = new ManualClock();
    const intake = new FakeRequestIntake(contosoFakeTenant(), clock);
    const drafts = new ConversationDrafts(new MemoryStorage());
    const sent: Partial<Activity>[] = [];
    await drafts.put(pressContext(sent), draft);
    const submissions = new RecordingSubmissions();
    const action = new ConfirmCardAction(intake, drafts, catalogue, clock, submissions);
    const submit = intake.submit.bind(intake);
    intake.submit = async () => {
      throw new Error('store down');
    };
    await assert.rejects(action.handle(pressContext(sent), { draftId: 'draft-1' }), /store down/);
    intake.submit = submit;
    const again = await action.handle(pressContext(sent), { draftId: 'draft-1' });
    assert.equal(again.kind, 'card');
    assert.equal(intake.submitted.length, 1);
  });

  it('takes over a claim left by a process that died while submitting', async () => {
    const clock = new ManualClock();
    const intake = new FakeRequestIntake(contosoFakeTenant(), clock);
    const drafts = new ConversationDrafts(new MemoryStorage());
    const sent: Partial<Activity>[] = [];
    await drafts.put(pressContext(sent), { ...draft, submittingSince: clock.now().toISOString() });
    const submissions = new RecordingSubmissions();
    const action = new ConfirmCardAction(intake, drafts, catalogue, clock, submissions);
    assert.deepEqual(await action.handle(pressContext(sent), { draftId: 'draft-1' }), { kind: 'message', text: t('bot.card.submitting') });
    clock.advance(submissionTimeoutMs + 1);
    assert.equal((await action.handle(pressContext(sent), { draftId: 'draft-1' })).kind, 'card');
    assert.equal(intake.submitted.length, 1);
  });

  it('a draft is found only in the conversation it was filled in', async () => {
    const storage = new MemoryStorage();
    const drafts = new ConversationDrafts(storage);
    const sent: Partial<Activity>[] = [];
    await drafts.put(pressContext(sent), draft);
    const elsewhere = pressContext(sent);
    elsewhere.activity.conversation = { ...personalChat, id: 'a:another-chat' };
    assert.equal(await drafts.get(elsewhere, 'draft-1'), undefined);
    assert.equal((await drafts.get(pressContext(sent), 'draft-1'))?.id, 'draft-1');
  });
});
