import { strict as assert } from 'node:assert';
import { botTexts, textPattern } from './bot-texts';

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
});
