import { strict as assert } from 'node:assert';
import type { Activity, StoreItems } from 'botbuilder';
import { BotHarness, botAccount, personalChat, teamChannel, userAccount } from '../../support/bot-harness';
import { ada, bob } from '../../support/contoso-fake-tenant';
import { replyText, t } from '../../support/dialog-harness';
import { CardVerbs } from '../../../cards/card-verbs';
import { AppError, ErrorCodes } from '../../../src/app/app-error';

const answers = ['add external', 'jane.doe@fabrikam.com', 'Jane', 'Doe', 'ok', 'Fabrikam', 'Project Falcon', 'Works on the Falcon launch'];

async function fillIn(bot: BotHarness, actor = ada, conversation = personalChat): Promise<Partial<Activity>[]> {
  let last: Partial<Activity>[] = [];
  for (const answer of answers) last = await bot.say(answer, actor, conversation);
  return last;
}

function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> {
  const content = activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
  assert.ok(content, 'expected an Adaptive Card');
  return content;
}

function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') texts.push(record['text']);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return texts;
}

function draftIdOf(card: Record<string, unknown>): string {
  const actions = card['actions'] as { data?: { draftId?: string } }[];
  const id = actions[0]?.data?.draftId;
  assert.ok(id);
  return id;
}

describe('TeamsBot', () => {
  it('greets with the welcome card when it is installed, and only then', async () => {
    const bot = new BotHarness();
    const installed = await bot.receive({ type: 'conversationUpdate', membersAdded: [userAccount(ada), botAccount], from: userAccount(ada) });
    assert.equal(installed.length, 1);
    assert.deepEqual(cardTexts(cardOf(installed[0])).slice(0, 1), [t('card.welcome.title')]);
    const someoneJoined = await bot.receive({ type: 'conversationUpdate', membersAdded: [userAccount(bob)], from: userAccount(bob) });
    assert.deepEqual(someoneJoined, []);
  });

  it('greets a team with the welcome card when it is added to the team', async () => {
    const bot = new BotHarness();
    const added = await bot.receive({
      type: 'conversationUpdate',
      membersAdded: [botAccount],
      from: userAccount(ada),
      conversation: teamChannel,
      channelData: { eventType: 'teamMemberAdded', team: { id: '19:my-team@thread.tacv2' }, tenant: { id: 't' } },
    });
    assert.deepEqual(added.map((activity) => cardTexts(cardOf(activity))[0]), [t('card.welcome.title')]);
  });

  it('writes a person\'s dialog state once per turn, at its end, and not at all when the turn changed nothing', async () => {
    const bot = new BotHarness();
    const dialogWrites: string[][] = [];
    const write = bot.storage.write.bind(bot.storage);
    bot.storage.write = async (changes: StoreItems) => {
      const keys = Object.keys(changes).filter((key) => key.includes('/users/'));
      if (keys.length > 0) dialogWrites.push(keys);
      return write(changes);
    };
    for (const answer of answers.slice(0, 4)) await bot.say(answer);
    assert.deepEqual(dialogWrites.map((keys) => keys.length), [1, 1, 1, 1], 'one write of one item per turn');
    await bot.receive({ type: 'conversationUpdate', from: userAccount(ada), membersAdded: [] });
    assert.equal(dialogWrites.length, 4, 'a turn that leaves the dialog as it was writes nothing');
  });

  it('answers "help", and anything it does not understand with help rather than silence', async () => {
    const bot = new BotHarness();
    assert.deepEqual((await bot.say('help')).map(replyText), [t('bot.help')]);
    assert.deepEqual((await bot.say('what can you do')).map(replyText), [`${t('bot.notUnderstood', { text: 'what can you do' })}\n\n${t('bot.help')}`]);
  });

  it('in a channel, removes its @mention before reading the command', async () => {
    const bot = new BotHarness();
    const replies = await bot.receive({
      type: 'message',
      text: '<at>Group Gatekeeper</at> add external',
      from: userAccount(ada),
      conversation: teamChannel,
      entities: [{ type: 'mention', mentioned: botAccount, text: '<at>Group Gatekeeper</at>' }],
    });
    assert.deepEqual(replies.map(replyText), [t('intake.intro'), t('intake.email.ask')]);
  });

  it('keeps one user\'s answers apart from another\'s in the same channel', async () => {
    const bot = new BotHarness();
    await bot.say('add external', ada, teamChannel);
    assert.deepEqual((await bot.say('add external', bob, teamChannel)).map(replyText), [t('intake.intro'), t('intake.email.ask')]);
    assert.deepEqual((await bot.say('jane.doe@fabrikam.com', ada, teamChannel)).map(replyText), [
      t('intake.firstName.ask', { email: 'jane.doe@fabrikam.com' }),
    ]);
  });

  it('the welcome card\'s Start button starts the intake and leaves the card as it was', async () => {
    const bot = new BotHarness();
    const pressed = await bot.press(CardVerbs.start, {});
    assert.equal(pressed.status, 200);
    assert.equal(pressed.body?.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(cardTexts(pressed.body?.value)[0], t('card.welcome.title'));
    assert.deepEqual(pressed.sent.map(replyText), [t('intake.intro'), t('intake.email.ask')]);
  });

  describe('the confirmation card', () => {
    it('Confirm submits the draft, tells the short id, and shows the card as submitted', async () => {
      const bot = new BotHarness();
      const [reply] = await fillIn(bot);
      const draftId = draftIdOf(cardOf(reply));
      const pressed = await bot.press(CardVerbs.confirm, { draftId });
      assert.equal(bot.intake.submitted.length, 1);
      const request = bot.intake.submitted[0];
      assert.equal(request?.requester.aadObjectId, ada.aadObjectId);
      assert.equal(request?.group.id, 'g-falcon');
      assert.equal(request?.person.email, 'jane.doe@fabrikam.com');
      assert.deepEqual(pressed.sent.map(replyText), [t('bot.card.submitted', { requestId: 'R-000001' })]);
      assert.ok(cardTexts(pressed.body?.value).includes(t('card.confirm.status.submitted', { requestId: 'R-000001' })));
      assert.equal((pressed.body?.value as { actions: unknown[] }).actions.length, 0, 'a submitted card has no buttons');
    });

    it('a second Confirm shows the same outcome and submits nothing more', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      await bot.press(CardVerbs.confirm, { draftId });
      const again = await bot.press(CardVerbs.confirm, { draftId });
      assert.equal(bot.intake.submitted.length, 1);
      assert.ok(cardTexts(again.body?.value).includes(t('card.confirm.status.submitted', { requestId: 'R-000001' })));
      assert.deepEqual(again.sent, []);
    });

    it('refuses Confirm, Edit and Cancel from anyone but the requester, whatever the card data says', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot, ada, teamChannel))[0]));
      for (const verb of [CardVerbs.confirm, CardVerbs.edit, CardVerbs.cancel]) {
        const pressed = await bot.press(verb, { draftId, requester: ada.aadObjectId }, bob, teamChannel);
        assert.deepEqual(pressed.body, {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: t('bot.card.notRequester', { name: ada.name }),
        });
      }
      assert.equal(bot.intake.submitted.length, 0);
    });

    it('Cancel closes the draft: nothing is submitted, and a later Confirm says it was cancelled', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      const cancelled = await bot.press(CardVerbs.cancel, { draftId });
      assert.deepEqual(cancelled.sent.map(replyText), [t('bot.card.cancelled')]);
      assert.ok(cardTexts(cancelled.body?.value).includes(t('card.confirm.status.cancelled')));
      const confirm = await bot.press(CardVerbs.confirm, { draftId });
      assert.equal(confirm.body?.value, t('bot.card.alreadyCancelled'));
      assert.equal(bot.intake.submitted.length, 0);
    });

    it('Edit asks which field, re-asks only that one, and a new card keeps the other answers', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      const pressed = await bot.press(CardVerbs.edit, { draftId });
      assert.ok(cardTexts(pressed.body?.value).includes(t('card.confirm.status.editing')));
      assert.match(replyText(pressed.sent[0] ?? {}), /^Which field do you want to change\?/);
      assert.deepEqual((await bot.say('2')).map(replyText), [`${t('intake.firstName.ask', { email: 'jane.doe@fabrikam.com' })}\n\n${t('intake.edit.currentValue', { value: 'Jane' })}`]);
      const [newCard] = await bot.say('Janet');
      assert.equal(draftIdOf(cardOf(newCard)), draftId);
      await bot.press(CardVerbs.confirm, { draftId });
      assert.deepEqual(bot.intake.submitted[0]?.person, {
        email: 'jane.doe@fabrikam.com',
        firstName: 'Janet',
        lastName: 'Doe',
        displayName: 'Janet Doe',
        company: 'Fabrikam',
      });
    });

    it('when the group changed since the card was shown, says why it was not submitted and keeps the buttons', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      bot.intake.replaceGroup({
        summary: { id: 'g-falcon', displayName: 'Project Falcon', mail: 'falcon@contoso.com', classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' } },
        owners: [ada.aadObjectId],
        guestsRefusedBy: 'tenant',
      });
      const pressed = await bot.press(CardVerbs.confirm, { draftId });
      const reason = t('intake.group.refused.guestsNotAllowed.tenant', { group: 'Project Falcon' });
      assert.deepEqual(pressed.sent.map(replyText), [t('bot.card.notSubmitted', { reason })]);
      assert.ok(cardTexts(pressed.body?.value).includes(t('card.confirm.status.notSubmitted', { reason })));
      assert.equal((pressed.body?.value as { actions: unknown[] }).actions.length, 3);
      assert.equal(bot.intake.submitted.length, 0);
    });

    const badPresses: readonly [string, string, Record<string, unknown>, string][] = [
      ['no draft id', CardVerbs.confirm, {}, t('bot.card.outdated')],
      ['a draft id that does not exist', CardVerbs.confirm, { draftId: 'draft-404' }, t('bot.card.draftNotFound')],
      ['a verb this bot does not have', 'intake.approve', { draftId: 'draft-1' }, t('bot.card.unknownAction')],
    ];
    for (const [what, verb, data, text] of badPresses) {
      it(`answers a press with ${what} with a message, not an error`, async () => {
        const bot = new BotHarness();
        const pressed = await bot.press(verb, data);
        assert.equal(pressed.status, 200);
        assert.deepEqual(pressed.body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
      });
    }

    it('the Action.Submit fallback of older clients reaches the same handler and posts the result in the chat', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      const sent = await bot.receive({ type: 'message', from: userAccount(ada), value: { verb: CardVerbs.confirm, draftId } });
      assert.equal(bot.intake.submitted.length, 1);
      assert.equal(replyText(sent[0] ?? {}), t('bot.card.submitted', { requestId: 'R-000001' }));
      assert.ok(cardTexts(cardOf(sent[1])).includes(t('card.confirm.status.submitted', { requestId: 'R-000001' })));
    });
  });

  describe('failures', () => {
    it('a failing card action is logged once with a correlation id and the user gets a plain message', async () => {
      const bot = new BotHarness();
      const draftId = draftIdOf(cardOf((await fillIn(bot))[0]));
      bot.intake.submit = async () => {
        throw new Error('store unreachable: secret-token-123');
      };
      const pressed = await bot.press(CardVerbs.confirm, { draftId });
      const [logged] = bot.logger.records.filter((record) => record.level === 'error');
      assert.equal(bot.logger.records.filter((record) => record.level === 'error').length, 1);
      const correlationId = String(logged?.fields['correlationId']);
      assert.deepEqual(pressed.body?.value, t('common.unexpectedError', { correlationId }));
      assert.doesNotMatch(String(pressed.body?.value), /secret-token|store unreachable/);
    });

    it('a failure with a known error code tells the user what it means, with the reference', async () => {
      const bot = new BotHarness();
      bot.intake.searchGroups = async () => {
        throw new AppError(ErrorCodes.throttled, 'Graph 429 after 3 retries');
      };
      for (const answer of answers.slice(0, 6)) await bot.say(answer);
      const replies = await bot.say('Project');
      const errors = bot.logger.records.filter((record) => record.level === 'error');
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.fields['code'], 'throttled');
      const correlationId = String(errors[0]?.fields['correlationId']);
      assert.deepEqual(replies.map(replyText), [`${t('error.throttled')} ${t('bot.errorReference', { correlationId })}`]);
    });

    it('a failing turn is logged once, the user gets a plain message, and the broken dialog is cleared', async () => {
      const bot = new BotHarness();
      bot.intake.checkAddress = async () => {
        throw new Error('directory down');
      };
      await bot.say('add external');
      const replies = await bot.say('jane.doe@fabrikam.com');
      assert.equal(bot.logger.records.filter((record) => record.level === 'error').length, 1);
      const correlationId = String(bot.logger.records.filter((record) => record.level === 'error')[0]?.fields['correlationId']);
      assert.deepEqual(replies.map(replyText), [t('common.unexpectedError', { correlationId })]);
      assert.deepEqual((await bot.say('Jane')).map(replyText), [`${t('bot.notUnderstood', { text: 'Jane' })}\n\n${t('bot.help')}`]);
    });
  });
});
