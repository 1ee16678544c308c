import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogue } from '../support/dialog-harness';
import { everyCardInEveryLanguage } from './card-fixtures';

/**
 * Rewrites test/cards/golden from the cards as they render now, in every language: run it after a
 * deliberate change to a card or its texts (npm run build && node dist/test/cards/write-golden-files.js),
 * then read the diff before committing it. Not a test: the tests compare against these files.
 */
const goldenDir = join(__dirname, '..', '..', '..', 'test', 'cards', 'golden');
for (const [, path, card] of everyCardInEveryLanguage(catalogue)) {
  mkdirSync(dirname(join(goldenDir, path)), { recursive: true });
  writeFileSync(join(goldenDir, path), `${JSON.stringify(card, null, 2)}\n`);
}
process.stdout.write(`wrote ${everyCardInEveryLanguage(catalogue).length} golden files under ${goldenDir}\n`);
