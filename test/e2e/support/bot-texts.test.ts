import { strict as assert } from 'node:assert';
import { MessageCatalogue, projectLocalesDir } from '../../../src/i18n/message-catalogue';
import { botTexts, countedPattern, textPattern } from './bot-texts';

describe('e2e harness: bot texts as patterns', () => {
  const t = botTexts();

  it('captures a parameter the test cannot know, such as the request id, from the visible text', () => {
    const pattern = textPattern(t, 'bot.card.submitted', { requestId: 'R-[A-Z0-9]+' });
    const shown = t('bot.card.submitted', { requestId: 'R-7K3F9Q' }).replace(/\s+/g, ' ');
    assert.equal(pattern.exec(shown)?.groups?.requestId, 'R-7K3F9Q');
  });

  it('does not match another message, or the same message about another person', () => {
    const pattern = textPattern(t, 'card.approval.status.rejected', { at: '.+?' }, { by: 'Alex Wilber', reason: 'No.' });
    assert.match(t('card.approval.status.rejected', { by: 'Alex Wilber', at: 'Sun, Nov 22, 2026 4:11 PM', reason: 'No.' }), pattern);
    assert.doesNotMatch(t('card.approval.status.rejected', { by: 'Adele Vance', at: 'Sun, Nov 22, 2026 4:11 PM', reason: 'No.' }), pattern);
    assert.doesNotMatch(t('card.approval.status.pending-approval'), pattern);
  });

  it('matches a counted message whatever the count, in every plural form of the language', () => {
    for (const locale of MessageCatalogue.load(projectLocalesDir()).locales) {
      const said = MessageCatalogue.load(projectLocalesDir()).translator(locale);
      const pattern = countedPattern(said, 'bot.approvals.pendingList');
      for (const count of [0, 1, 2, 7, 11, 21, 112]) assert.match(said('bot.approvals.pendingList', { count }), pattern);
      assert.doesNotMatch(said('bot.approvals.pendingNone'), pattern);
      const groups = countedPattern(said, 'intake.group.choose', { query: 'Sales' }, { list: '.*' });
      assert.match(said('intake.group.choose', { count: 3, query: 'Sales', list: '1. A\n\n2. B' }).replace(/\s+/g, ' '), groups);
      assert.doesNotMatch(said('intake.group.choose', { count: 3, query: 'Project', list: '1. A' }), groups);
    }
  });
});
