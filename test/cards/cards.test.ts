import { strict as assert } from 'node:assert';
import { Template } from 'adaptivecards-templating';
import sinon from 'sinon';
import { approvalCard, approvalCardView } from '../../cards/approval-card';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CardVerbs } from '../../cards/card-verbs';
import { confirmationCard, confirmationCardView } from '../../cards/confirmation-card';
import { welcomeCard, welcomeCardView } from '../../cards/welcome-card';
import { MessageCatalogue, projectLocalesDir } from '../../src/i18n/message-catalogue';
import { BotHarness } from '../support/bot-harness';
import { adaptiveCardProblems, executeActions } from '../support/adaptive-card-checks';
import { catalogue, t } from '../support/dialog-harness';
import { distributionSubject, everyCardInEveryLanguage, guestSubject, pendingRequest } from './card-fixtures';
import { markupOf, shownText } from '../support/teams-markdown';

// dist/test/cards -> the source tree's test/cards and cards/templates
const sourceRoot = join(__dirname, '..', '..', '..');
const goldenDir = join(sourceRoot, 'test', 'cards', 'golden');
const templatesDir = join(sourceRoot, 'cards', 'templates');

function golden(path: string): unknown {
  return JSON.parse(readFileSync(join(goldenDir, path), 'utf8'));
}

describe('cards', () => {
  for (const [language, path, card] of everyCardInEveryLanguage(catalogue)) {
    it(`${path}: matches its golden JSON`, () => {
      assert.deepEqual(card, golden(path));
    });
    it(`${path}: is a valid schema 1.5 card under 28 KB with known verbs and Action.Submit fallbacks, in ${language}`, () => {
      assert.deepEqual(adaptiveCardProblems(card), []);
      assert.equal((card as { lang?: unknown }).lang, language);
    });
  }

  it('the confirmation card shows the path and every pre-check that applies', () => {
    const json = JSON.stringify(confirmationCard(confirmationCardView('draft-2', guestSubject, { kind: 'open' }, t)));
    for (const text of [
      t('card.summary.path.guest.reuse', { existing: 'Gus Guest', group: 'Project Falcon', name: 'Gus Guest', email: 'gus@northwind.com' }),
      t('card.summary.check.alreadyMember', { name: 'Gus Guest', group: 'Project Falcon' }),
      t('card.summary.check.guestsNotAllowed', { name: 'Gus Guest', group: 'Project Falcon' }),
    ]) {
      assert.ok(json.includes(JSON.stringify(text).slice(1, -1)), `missing: ${text}`);
    }
    const distribution = JSON.stringify(confirmationCard(confirmationCardView('draft-1', distributionSubject, { kind: 'open' }, t)));
    assert.ok(distribution.includes(t('card.summary.check.internalSendersOnly', { group: 'Sales Partners', name: 'Jane Doe' })));
    assert.ok(distribution.includes(t('card.summary.path.mailContact.create', { name: 'Jane Doe', email: 'jane.doe@fabrikam.com', group: 'Sales Partners' })));
  });

  it('user text in a card stays text: markup and quotes in a reason show as they were typed', () => {
    const card = confirmationCard(confirmationCardView('draft-2', guestSubject, { kind: 'open' }, t));
    const reason = JSON.stringify(card).match(/"title":"Reason","value":("[^"\\]*(?:\\.[^"\\]*)*")/)?.[1];
    assert.ok(reason !== undefined);
    const value = JSON.parse(reason) as string;
    assert.deepEqual(markupOf(value), []);
    assert.equal(shownText(value), guestSubject.reason);
  });

  it('a template expression typed by a user is shown literally, never evaluated', () => {
    const card = confirmationCard(confirmationCardView('draft-2', { ...guestSubject, reason: '${$root.draftId} ${title}' }, { kind: 'open' }, t));
    assert.ok(JSON.stringify(card).includes('"value":"${$root.draftId} ${title}"'));
  });

  it('cards carry only the draft id in their action data, never the person or the group', () => {
    const card = confirmationCard(confirmationCardView('draft-1', distributionSubject, { kind: 'open' }, t));
    for (const action of executeActions(card)) {
      assert.deepEqual(Object.keys((action as { data: object }).data), ['draftId']);
    }
  });

  it('every text in the cards comes from the catalogue in the user\'s language', () => {
    const dir = projectLocalesDir();
    const english = MessageCatalogue.load(dir).translator('en');
    assert.deepEqual(welcomeCardView(english).title, english('card.welcome.title'));
  });

  describe('every verb in every card template has a handler', () => {
    const templates = readdirSync(templatesDir).filter((file) => file.endsWith('.json'));
    it('finds the templates', () => assert.ok(templates.length >= 2));
    for (const file of templates) {
      const template: unknown = JSON.parse(readFileSync(join(templatesDir, file), 'utf8'));
      const verbs = [...new Set(executeActions(template).flatMap((action) => [action.verb, action.fallback?.data?.verb]))];
      it(`${file}: ${verbs.join(', ') || 'no buttons'}`, async () => {
        // A card without buttons (the pending overview) has no verbs; one with buttons must name them.
        if (verbs.length === 0) assert.doesNotMatch(JSON.stringify(template), /"Action\./);
        for (const verb of verbs) {
          assert.ok(Object.values(CardVerbs).includes(verb as never), `${String(verb)} is not in CardVerbs`);
          const pressed = await new BotHarness().press(String(verb), { draftId: 'draft-1' });
          assert.equal(pressed.status, 200);
          assert.notEqual(pressed.body?.value, t('bot.card.unknownAction'), `${String(verb)} has no handler`);
        }
      });
    }
  });

  describe('templates are compiled once', () => {
    afterEach(() => sinon.restore());

    it('filling a card parses no template: each one was compiled when its card module loaded', () => {
      // Template.prepare (not in the typings) turns a template's JSON into compiled expressions.
      const prepare = sinon.spy(Template as unknown as { prepare(node: unknown): unknown }, 'prepare');
      const parse = sinon.spy(Template, 'parseInterpolatedString');
      welcomeCard(welcomeCardView(t));
      confirmationCard(confirmationCardView('draft-9', distributionSubject, { kind: 'open' }, t));
      approvalCard(approvalCardView(pendingRequest, { viewer: 'approver', refreshUserIds: [] }, t));
      assert.equal(prepare.callCount + parse.callCount, 0);
    });

    it('each card is built afresh: changing one card never changes the next one or the template', () => {
      const first = confirmationCard(confirmationCardView('draft-1', distributionSubject, { kind: 'open' }, t)) as Record<string, unknown>;
      (first['body'] as unknown[]).length = 0;
      (first['actions'] as { data: Record<string, unknown> }[])[0]!.data['draftId'] = 'changed';
      const second = confirmationCard(confirmationCardView('draft-2', distributionSubject, { kind: 'open' }, t));
      assert.deepEqual(second, confirmationCard(confirmationCardView('draft-2', distributionSubject, { kind: 'open' }, t)));
      assert.ok((second['body'] as unknown[]).length > 0);
      assert.equal((second['actions'] as { data: Record<string, unknown> }[])[0]!.data['draftId'], 'draft-2');
    });
  });
});
