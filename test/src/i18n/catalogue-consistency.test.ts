import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueProblems } from '../../../src/i18n/catalogue-consistency';
import { MessageCatalogue, projectLocalesDir } from '../../../src/i18n/message-catalogue';
import { catalogueWith } from '../support/temporary-catalogue';

const english = { 'en/a.json': { hello: 'Hello {name}', n: '{count, plural, one {# request} other {# requests}}', 'doctor.title': 'x' } };

describe('catalogue consistency', () => {
  it('every language has exactly the texts English has, with the same arguments and all its plural forms', () => {
    const catalogue = MessageCatalogue.load(projectLocalesDir());
    assert.deepEqual(catalogue.locales, ['en', 'lv', 'nl']);
    assert.deepEqual(catalogueProblems(catalogue), []);
  });

  it('every English catalogue file is part of the MessageKey type, so its keys compile', () => {
    // dist/test/src/i18n -> the source tree
    const source = readFileSync(join(__dirname, '..', '..', '..', '..', 'src', 'i18n', 'message-keys.ts'), 'utf8');
    for (const file of readdirSync(join(projectLocalesDir(), 'en')).filter((f) => f.endsWith('.json'))) {
      assert.ok(source.includes(`'../../locales/en/${file}'`), `src/i18n/message-keys.ts does not import locales/en/${file}`);
    }
  });

  it('is satisfied by a faithful translation', () => {
    const catalogue = catalogueWith({
      ...english,
      'lv/a.json': { hello: 'Sveiki, {name}', n: '{count, plural, zero {# pieprasījumu} one {# pieprasījums} other {# pieprasījumi}}' },
    });
    assert.deepEqual(catalogueProblems(catalogue), []);
  });

  it('fails when a language lacks a key English has (console-only doctor texts aside)', () => {
    const catalogue = catalogueWith({ 'en/a.json': { hello: 'Hello', 'doctor.title': 'Doctor' }, 'nl/a.json': {} });
    assert.deepEqual(catalogueProblems(catalogue), ['nl: lacks "hello"']);
  });

  it('fails when a language has a key English lacks', () => {
    const catalogue = catalogueWith({ 'en/a.json': { hello: 'Hello' }, 'nl/a.json': { hello: 'Hallo', extra: 'Extra' } });
    assert.deepEqual(catalogueProblems(catalogue), ['nl: has "extra", which English does not']);
  });

  it('fails when a translation uses a placeholder English does not, or drops one', () => {
    const catalogue = catalogueWith({ 'en/a.json': { hello: 'Hello {name}' }, 'nl/a.json': { hello: 'Hallo {naam}' } });
    assert.deepEqual(catalogueProblems(catalogue), ['nl: "hello" uses {naam}, which English does not', 'nl: "hello" leaves out {name}, which English uses']);
  });

  it('fails when a translation counts with an argument English only shows as text', () => {
    const catalogue = catalogueWith({
      'en/a.json': { n: 'Requests: {count}' },
      'nl/a.json': { n: '{count, plural, one {# aanvraag} other {# aanvragen}}' },
    });
    assert.deepEqual(catalogueProblems(catalogue), ['nl: "n" uses {count} as plural, English only as text']);
  });

  it('fails when a plural lacks a form of its language, or has one the language does not use', () => {
    const catalogue = catalogueWith({
      ...english,
      'lv/a.json': { hello: 'Sveiki, {name}', n: '{count, plural, one {# pieprasījums} other {# pieprasījumi}}' },
      'nl/a.json': { hello: 'Hallo {name}', n: '{count, plural, zero {geen} one {# aanvraag} other {# aanvragen}}' },
    });
    assert.deepEqual(catalogueProblems(catalogue), [
      'lv: "n" lacks the plural form "zero" for {count}',
      'nl: "n" has the plural form "zero" for {count}, which nl does not use (it has one, other)',
    ]);
  });

  it('fails when English itself lacks a plural form', () => {
    const catalogue = catalogueWith({ 'en/a.json': { n: '{count, plural, other {# requests}}' } });
    assert.deepEqual(catalogueProblems(catalogue), ['en: "n" lacks the plural form "one" for {count}']);
  });

  it('accepts a translation that folds select cases into "other" where its grammar allows', () => {
    const catalogue = catalogueWith({
      'en/a.json': { k: '{kind, select, guest {a guest} group {a group} other {a contact}}' },
      'lv/a.json': { k: '{kind, select, guest {viesim} other {adresātam}}' },
    });
    assert.deepEqual(catalogueProblems(catalogue), []);
  });

  it('fails when a translation chooses among other cases than English', () => {
    const catalogue = catalogueWith({
      'en/a.json': { k: '{kind, select, guest {a guest} other {a contact}}' },
      'lv/a.json': { k: '{kind, select, viesis {viesim} other {kontaktpersonai}}' },
    });
    assert.deepEqual(catalogueProblems(catalogue), ['lv: "k" selects on {kind} with viesis, which English does not have (it has guest, other)']);
  });
});
