import { strict as assert } from 'node:assert';
import { answerWords, commandKeys, recognizeCommand, type Command } from '../../dialogs/command-recognizer';
import { wordsOf } from '../../dialogs/validators/text-validators';
import { catalogue } from '../support/dialog-harness';

const commands = Object.keys(commandKeys) as Command[];

describe('recognizeCommand in every language', () => {
  it('knows the commands the issue names, in English, Dutch and Latvian', () => {
    const expected: readonly [string, Command][] = [
      ['add external', 'add-external'],
      ['externe toevoegen', 'add-external'],
      ['pievienot ārējo', 'add-external'],
      ['help', 'help'],
      ['hulp', 'help'],
      ['palīdzība', 'help'],
      ['cancel', 'cancel'],
      ['annuleren', 'cancel'],
      ['atcelt', 'cancel'],
      ['approvals here', 'approvals-here'],
      ['goedkeuringen hier', 'approvals-here'],
      ['apstiprinājumi šeit', 'approvals-here'],
      ['pending', 'pending'],
      ['openstaand', 'pending'],
      ['gaidošie', 'pending'],
    ];
    for (const [typed, command] of expected) assert.equal(recognizeCommand(typed, catalogue), command, typed);
  });

  it('recognises Latvian commands typed without diacritics, and any case', () => {
    assert.equal(recognizeCommand('pievienot arejo', catalogue), 'add-external');
    assert.equal(recognizeCommand('Palidziba!', catalogue), 'help');
    assert.equal(recognizeCommand('APSTIPRINAJUMI SEIT', catalogue), 'approvals-here');
    assert.equal(recognizeCommand('gaidosie pieprasijumi', catalogue), 'pending');
  });

  it("recognises every word of every language, whatever the reader's language, and no word means two commands", () => {
    const meaning = new Map<string, Command>();
    for (const language of catalogue.locales) {
      const t = catalogue.translator(language);
      for (const command of commands) {
        for (const word of wordsOf(t(commandKeys[command]))) {
          assert.equal(meaning.get(word) ?? command, command, `"${word}" (${language}) means both ${meaning.get(word)} and ${command}`);
          meaning.set(word, command);
          assert.equal(recognizeCommand(word, catalogue), command, `${language}: "${word}"`);
        }
      }
    }
  });

  it('takes answer words (such as "skip") in the reader\'s language and in English, folded', () => {
    const latvian = catalogue.translator('lv-LV');
    const words = answerWords(catalogue, latvian, 'intake.company.skipWords');
    assert.ok(words.includes('izlaist') && words.includes('ne') && words.includes('skip'), words.join(', '));
    assert.deepEqual(answerWords(catalogue, catalogue.translator('en-US'), 'intake.company.skip'), ['skip']);
  });
});
