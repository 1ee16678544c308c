import { strict as assert } from 'node:assert';
import { MessageCatalogue, type MessageKey, type MessageParams, type Translator, projectLocalesDir } from '../../../src/i18n/message-catalogue';
import { catalogueWith } from '../support/temporary-catalogue';
import { trustedMarkdown } from '../../../src/i18n/literal-text';

/** Says a key of a test catalogue (not a MessageKey of the project). */
function say(t: Translator, key: string, params?: MessageParams): string {
  return t(key as MessageKey, params);
}

const requests = {
  en: '{count, plural, one {# request} other {# requests}} waiting',
  nl: '{count, plural, one {# aanvraag wacht} other {# aanvragen wachten}}',
  lv: '{count, plural, zero {# pieprasījumu gaida} one {# pieprasījums gaida} other {# pieprasījumi gaida}}',
};

describe('MessageCatalogue', () => {
  it('fills placeholders and leaves an argument nobody passed visible', () => {
    const t = catalogueWith({ 'en/a.json': { hello: 'Hello {name}, {missing}' } }).translator('en-US');
    assert.equal(say(t, 'hello', { name: 'Ada' }), 'Hello Ada, {missing}');
  });

  it('for Teams, shows string parameters literally and passes numbers and trusted markdown as they are', () => {
    const catalogue = catalogueWith({ 'en/a.json': { line: '**{name}** has {count}: {list}' } });
    const t = catalogue.translator('en');
    assert.equal(say(t, 'line', { name: '[x](https://evil.example)', count: 2, list: trustedMarkdown('- a\n- b') }), '**\\[x\\](https://evil.example)** has 2: - a\n- b');
  });

  it('for a terminal (the doctor), inserts parameters as they are', () => {
    const t = catalogueWith({ 'en/a.json': { fix: 'Run {command}' } }).plainTranslator('en');
    assert.equal(say(t, 'fix', { command: 'Add-RoleGroupMember -Identity "*_admins"' }), 'Run Add-RoleGroupMember -Identity "*_admins"');
  });

  it('serves the language of the Teams locale and falls back to English per key', () => {
    const catalogue = catalogueWith({
      'en/a.json': { hello: 'Hello', bye: 'Bye' },
      'nl/a.json': { hello: 'Hallo' },
    });
    const t = catalogue.translator('nl-NL');
    assert.equal(t.locale, 'nl');
    assert.equal(say(t, 'hello'), 'Hallo');
    assert.equal(say(t, 'bye'), 'Bye');
    assert.equal(say(catalogue.translator('fr-FR'), 'hello'), 'Hello');
    assert.equal(catalogue.translator('fr-FR').formattingLocale, 'en', 'an English text is formatted in English');
    assert.equal(catalogue.translator('nl-BE').formattingLocale, 'nl-BE');
    assert.equal(catalogue.translator(undefined).locale, 'en');
    assert.equal(catalogue.translator('not a locale!').locale, 'en');
  });

  it('counts with the plural rules of each language: Latvian zero/one/other, Dutch and English one/other', () => {
    const catalogue = catalogueWith({ 'en/a.json': { n: requests.en }, 'nl/a.json': { n: requests.nl }, 'lv/a.json': { n: requests.lv } });
    const count = (locale: string, n: number): string => say(catalogue.translator(locale), 'n', { count: n });
    assert.deepEqual([0, 1, 2, 21].map((n) => count('en-US', n)), ['0 requests waiting', '1 request waiting', '2 requests waiting', '21 requests waiting']);
    assert.deepEqual([0, 1, 2, 21].map((n) => count('nl-NL', n)), ['0 aanvragen wachten', '1 aanvraag wacht', '2 aanvragen wachten', '21 aanvragen wachten']);
    // Latvian: 0, 10-20, 30... take "zero"; 1, 21, 31 (not 11) take "one"; the rest "other".
    assert.deepEqual(
      [0, 1, 2, 11, 21, 30].map((n) => count('lv-LV', n)),
      ['0 pieprasījumu gaida', '1 pieprasījums gaida', '2 pieprasījumi gaida', '11 pieprasījumu gaida', '21 pieprasījums gaida', '30 pieprasījumu gaida'],
    );
  });

  it('chooses by select, so a sentence can agree with the word it names', () => {
    const t = catalogueWith({ 'en/a.json': { k: 'It belongs to {kind, select, guest {a guest} other {a contact}}.' } }).translator('en');
    assert.equal(say(t, 'k', { kind: 'guest' }), 'It belongs to a guest.');
    assert.equal(say(t, 'k', { kind: 'mail-contact' }), 'It belongs to a contact.');
  });

  it("writes dates and times in the reader's language and time zone, from a Date or an ISO string", () => {
    const catalogue = catalogueWith({ 'en/a.json': { at: 'On {at, date, long} at {at, time, short}' }, 'lv/a.json': { at: '{at, date, long} plkst. {at, time, short}' } });
    const at = '2026-11-22T22:30:00.000Z';
    assert.equal(say(catalogue.translator({ locale: 'en-US', timeZone: 'America/New_York' }), 'at', { at }), 'On November 22, 2026 at 5:30 PM');
    assert.equal(say(catalogue.translator({ locale: 'en-GB', timeZone: 'Europe/London' }), 'at', { at: new Date(at) }), 'On 22 November 2026 at 22:30');
    assert.equal(say(catalogue.translator({ locale: 'lv-LV', timeZone: 'Europe/Riga' }), 'at', { at }), '2026. gada 23. novembris plkst. 00:30');
    const unknownZone = catalogue.translator({ locale: 'en-GB', timeZone: 'Mars/Olympus' });
    assert.equal(unknownZone.timeZone, 'UTC');
    assert.equal(say(unknownZone, 'at', { at }), 'On 22 November 2026 at 22:30');
  });

  it('keeps markup and apostrophes as text', () => {
    const t = catalogueWith({ 'en/a.json': { m: "Type **add external**, it's <b>fine</b> '{'literal'}'" } }).translator('en');
    assert.equal(say(t, 'm'), "Type **add external**, it's <b>fine</b> {literal}");
  });

  it('refuses, at load, a key defined twice across the files of one language', () => {
    assert.throws(() => catalogueWith({ 'en/a.json': { x: 'a' }, 'en/b.json': { x: 'b' } }), /"x" is defined twice/);
  });

  it('refuses, at load, a malformed message and a plural without "other", naming the file and key', () => {
    assert.throws(() => catalogueWith({ 'en/a.json': { broken: 'Hello {name' } }), /locales\/en\/a\.json: "broken" is not valid ICU MessageFormat/);
    assert.throws(() => catalogueWith({ 'en/a.json': { n: '{count, plural, one {# x}}' } }), /"n" is not valid ICU MessageFormat/);
  });

  it('throws for a key that no catalogue has, so a typo cannot reach a user silently', () => {
    const t = catalogueWith({ 'en/a.json': { x: 'a' } }).translator('en');
    assert.throws(() => say(t, 'nope'), /No message "nope"/);
    assert.equal(t.has('x'), true);
    assert.equal(t.has('nope'), false);
  });

  it('hands out one translator per locale and time zone, so a turn does not compile messages again', () => {
    const catalogue = catalogueWith({ 'en/a.json': { x: 'a' }, 'lv/a.json': { x: 'ā' } });
    assert.equal(catalogue.translator({ locale: 'lv-LV', timeZone: 'Europe/Riga' }), catalogue.translator({ locale: 'lv-LV', timeZone: 'Europe/Riga' }));
    assert.notEqual(catalogue.translator({ locale: 'lv-LV', timeZone: 'Europe/Riga' }), catalogue.translator({ locale: 'lv-LV', timeZone: 'UTC' }));
    for (let n = 0; n < 300; n += 1) catalogue.translator({ locale: `lv-LV-x-n${n}` });
    assert.equal(say(catalogue.translator({ locale: 'lv-LV-x-n299' }), 'x'), 'ā', 'still right after many distinct locales');
  });

  it('loads the project catalogue, English first', () => {
    const catalogue = MessageCatalogue.load(projectLocalesDir());
    assert.ok(catalogue.has('common.unexpectedError'));
    assert.equal(catalogue.locales[0], 'en');
  });
});
