import { basename, dirname, join } from 'node:path';

/** The project folder, from either the compiled (dist/scripts) or the source (scripts) tree. */
export function projectDir(): string {
  const here = __dirname;
  return basename(dirname(here)) === 'dist' ? join(here, '..', '..') : join(here, '..');
}
