import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageCatalogue } from '../../../src/i18n/message-catalogue';

/** A catalogue from files written for one test, e.g. `{ 'en/a.json': { hello: 'Hello' } }`. */
export function catalogueWith(files: Record<string, Record<string, unknown>>): MessageCatalogue {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content));
  }
  return MessageCatalogue.load(dir);
}
