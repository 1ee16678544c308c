import assert from 'node:assert/strict';
import { safeKeyName } from '../../../../src/infrastructure/storage/safe-key-name';

describe('safeKeyName', () => {
  it('keeps lower-case letters, digits and hyphens as they are', () => {
    assert.equal(safeKeyName('access-requests-2026'), 'access-requests-2026');
  });

  it('escapes everything else, upper case included, as _ and UTF-8 hex', () => {
    assert.equal(safeKeyName('A/b'), '_41_2fb');
    assert.equal(safeKeyName('..'), '_2e_2e');
    assert.equal(safeKeyName('ā'), '_c4_81');
    assert.equal(safeKeyName('_'), '_5f');
  });

  it('produces names with no path separator, dot, percent sign or upper-case letter', () => {
    for (const key of ['../../etc/passwd', 'C:\\Windows', 'x%2F', 'CON', 'a b', '19:abc@thread.tacv2']) {
      assert.match(safeKeyName(key), /^[a-z0-9_~-]+$/, key);
      assert.equal(encodeURIComponent(safeKeyName(key)), safeKeyName(key));
    }
  });

  it('shortens long keys to a bounded length with a hash, so keys that differ only at the end stay apart', () => {
    const one = safeKeyName(`${'x'.repeat(2000)}1`);
    const two = safeKeyName(`${'x'.repeat(2000)}2`);
    assert.notEqual(one, two);
    assert.ok(one.length <= 120 + 1 + 64, String(one.length));
    assert.match(one, /~[0-9a-f]{64}$/);
  });

  it('refuses an empty key', () => {
    assert.throws(() => safeKeyName(''), /must not be empty/);
  });
});
