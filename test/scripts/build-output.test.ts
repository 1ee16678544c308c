import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pruneBuildOutput } from '../../scripts/prune-build-output';

const projectRoot = join(__dirname, '..', '..', '..');

function write(root: string, path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
}

function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

describe('npm run build: incremental, and never deleting what a running bot may load', () => {
  it('removes only the compiled files of sources that are gone (and folders left empty); keeps everything else', () => {
    const root = mkdtempSync(join(tmpdir(), 'build-output-'));
    try {
      for (const source of ['src/kept.ts', 'cards/templates/card.json']) write(root, source);
      for (const output of [
        'dist/src/kept.js',
        'dist/src/kept.js.map',
        'dist/src/renamed.js',
        'dist/src/renamed.js.map',
        'dist/test/gone/old.test.js',
        'dist/cards/templates/card.json',
        'dist/cards/templates/removed.json',
        'dist/teams-app-package.zip',
        'dist/.tsbuildinfo',
      ]) {
        write(root, output);
      }
      const removed = pruneBuildOutput(root, join(root, 'dist'));
      assert.deepEqual(removed.sort(), ['cards/templates/removed.json', 'src/renamed.js', 'src/renamed.js.map', 'test/gone/old.test.js']);
      assert.deepEqual(filesUnder(join(root, 'dist')).sort(), ['.tsbuildinfo', 'cards/templates/card.json', 'src/kept.js', 'src/kept.js.map', 'teams-app-package.zip']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('only build:clean deletes dist/; every script that runs the bot or a tool builds incrementally first', () => {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['build'] ?? '', /^tsc -p tsconfig\.json && node dist\/scripts\/prune-build-output\.js$/);
    assert.match(readFileSync(join(projectRoot, 'tsconfig.json'), 'utf8'), /"incremental": true/);
    for (const [name, command] of Object.entries(scripts)) {
      if (name === 'build:clean') continue;
      assert.doesNotMatch(command, /rimraf|rm -r|rmdir|del /, `npm run ${name} deletes files`);
      if (/\bnode dist\//.test(command) && name !== 'build') assert.match(command, /^npm run build\b/, `npm run ${name} builds first`);
    }
    assert.match(scripts['build:clean'] ?? '', /^rimraf dist && npm run build$/);
  });

  it('a build with no source changed rewrites and removes nothing in dist/ (run here: `tsc` and the prune step, as npm run build does)', function () {
    this.timeout(180_000);
    const dist = join(projectRoot, 'dist');
    const before = new Map(filesUnder(dist).filter((file) => file.endsWith('.js')).map((file) => [file, statSync(join(dist, file)).mtimeMs]));
    execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: projectRoot, stdio: 'pipe' });
    execFileSync(process.execPath, [join(dist, 'scripts', 'prune-build-output.js')], { cwd: projectRoot, stdio: 'pipe' });
    const changed = [...before].filter(([file, mtime]) => {
      try {
        return statSync(join(dist, file)).mtimeMs !== mtime;
      } catch {
        return true;
      }
    });
    assert.ok(before.size > 100, `${before.size} compiled modules`);
    assert.deepEqual(changed.map(([file]) => file), []);
  });
});
