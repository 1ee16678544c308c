import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder whose package.json names this project), from src or dist. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'external-access-bot') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${__dirname}`);
    dir = parent;
  }
}
