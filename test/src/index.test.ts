import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';

const projectRoot = join(__dirname, '..', '..', '..');

describe('the production entry point (node dist/src/index.js)', function () {
  this.timeout(20000);

  it('with no directory configured, exits with 78 and says what to set (and that npm start is the local trial), listening on nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bot-index-'));
    const port = await freePort();
    try {
      const child = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'index.js')], {
        cwd: projectRoot,
        env: { HOME: homedir(), PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      assert.equal(code, 78);
      assert.match(stderr, /The bot cannot start: no Microsoft 365 directory is configured\. Set AZURE_TENANT_ID, APPROVERS_GROUP_ID and a credential/);
      assert.match(stderr, /run `npm start`/);
      await assert.rejects(fetch(`http://127.0.0.1:${port}/livez`));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
