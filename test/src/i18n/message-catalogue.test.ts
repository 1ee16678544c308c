import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trustedMarkdown } from '../../../src/i18n/literal-text';
import { MessageCatalogue, projectLocalesDir } from '../../../src/i18n/message-catalogue';

function catalogueWith(files: Record<string, Record<string, unknown>>): MessageCatalogue {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content));
  }
  return MessageCatalogue.load(dir);
}

describe('MessageCatalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = catalogueWith({ 'en/a.json': { hello: 'Hello {name}, {missing}' } }).translator('en-US');
    assert.equal(t('hello', { name: 'Ada' }), 'Hello Ada, {missing}');
  });

  it('for Teams, shows string parameters literally and passes numbers and trusted markdown as they are', () => {
    const catalogue = catalogueWith({ 'en/a.json': { line: '**{name}** has {count}: {list}' } });
    const t = catalogue.translator('en');
    assert.equal(t('line', { name: '[x](https://evil.example)', count: 2, list: trustedMarkdown('- a\n- b') }), '**\\[x\\](https://evil.example)** has 2: - a\n- b');
  });

  it('for a terminal (the doctor), inserts parameters as they are', () => {
    const t = catalogueWith({ 'en/a.json': { fix: 'Run {command}' } }).plainTranslator('en');
    assert.equal(t('fix', { command: 'Add-RoleGroupMember -Identity "*_admins"' }), 'Run Add-RoleGroupMember -Identity "*_admins"');
  });

  it('serves the language of the Teams locale and falls back to English per key', () => {
    const catalogue = catalogueWith({
      'en/a.json': { hello: 'Hello', bye: 'Bye' },
      'nl/a.json': { hello: 'Hallo' },
    });
    const t = catalogue.translator('nl-NL');
    assert.equal(t.locale, 'nl');
    assert.equal(t('hello'), 'Hallo');
    assert.equal(t('bye'), 'Bye');
    assert.equal(catalogue.translator('fr-FR')('hello'), 'Hello');
  });

  it('refuses a key defined twice across the files of one language', () => {
    assert.throws(() => catalogueWith({ 'en/a.json': { x: 'a' }, 'en/b.json': { x: 'b' } }), /"x" is defined twice/);
  });

  it('throws for a key that no catalogue has, so a typo cannot reach a user silently', () => {
    const t = catalogueWith({ 'en/a.json': { x: 'a' } }).translator('en');
    assert.throws(() => t('nope'), /No message "nope"/);
  });

  it('loads the project catalogue', () => {
    const catalogue = MessageCatalogue.load(projectLocalesDir());
    assert.ok(catalogue.has('common.unexpectedError'));
  });
});
