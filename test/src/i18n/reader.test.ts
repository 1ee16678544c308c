import { strict as assert } from 'node:assert';
import { readerOf } from '../../../src/i18n/reader';

describe('readerOf', () => {
  it("takes the activity's locale and time zone", () => {
    assert.deepEqual(readerOf({ locale: 'lv-LV', localTimezone: 'Europe/Riga' }), { locale: 'lv-LV', timeZone: 'Europe/Riga' });
  });

  it('normalises the locale and falls back to the clientInfo entity Teams also sends', () => {
    assert.deepEqual(readerOf({ locale: 'nl-nl', entities: [{ type: 'clientInfo', timezone: 'Europe/Amsterdam' }] }), {
      locale: 'nl-NL',
      timeZone: 'Europe/Amsterdam',
    });
    assert.deepEqual(readerOf({ entities: [{ type: 'clientInfo', locale: 'lv', timezone: 'Europe/Riga' }] }), { locale: 'lv', timeZone: 'Europe/Riga' });
  });

  it('leaves out what is missing or not valid, so the catalogue uses its defaults', () => {
    assert.deepEqual(readerOf({}), {});
    assert.deepEqual(readerOf({ locale: 'not a locale!', localTimezone: 'Mars/Olympus' }), {});
  });
});
