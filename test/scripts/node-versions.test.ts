import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const projectRoot = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(projectRoot, path), 'utf8');

/** The Node.js 22 move: the runtime Azure deploys, what npm accepts, the types, and CI on both versions. */
describe('Node.js 22 LTS, with Node.js 20 still supported', () => {
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string>; scripts: Record<string, string> };

  it('package.json accepts Node.js 22 (and 20.19 until the move is complete), and types the code against Node.js 22', () => {
    assert.equal(pkg.engines.node, '^20.19.0 || >=22.12.0');
    assert.match(pkg.devDependencies['@types/node'] ?? '', /^\^22\./);
  });

  it('the templates deploy Node.js 22 LTS', () => {
    assert.match(read('infra/main.bicep'), /linuxFxVersion: 'NODE\|22-lts'/);
    assert.match(read('infra/main.json'), /"linuxFxVersion": "NODE\|22-lts"/);
  });

  it('CI runs the unit suite on Node.js 22 too, with an npm-installed Node, as one of the README\'s test commands', () => {
    assert.match(pkg.scripts['test:node22'] ?? '', /npm exec --yes --package=node@22 -- node node_modules\/mocha\/bin\/mocha\.js$/);
    const ci = read('.ci/run')
      .split('\n')
      .filter((line) => /^npm (test|run )/.test(line));
    assert.deepEqual(ci, ['npm test', 'npm run test:node22', 'npm run test:e2e']);
    const readmeCommands = [...read('README.md').matchAll(/^(npm (?:test|run test:[\w-]+))\b/gm)].map((match) => match[1]);
    assert.deepEqual(readmeCommands, ci);
  });

  it(`this suite runs on a supported Node.js (now ${process.version})`, () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    assert.ok((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22, process.version);
  });
});
