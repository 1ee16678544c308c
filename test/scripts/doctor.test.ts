import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { ConversationDirectory } from '../../src/bot/proactive/conversation-directory';
import { createStorage } from '../../src/infrastructure/storage/create-storage';

const projectRoot = join(__dirname, '..', '..', '..');

/** Runs dist/scripts/doctor.js with exactly this environment (plus PATH); resolves with its exit code and output. */
function runDoctorScript(env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'dist', 'scripts', 'doctor.js')], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run doctor (dist/scripts/doctor.js) as a process', function () {
  this.timeout(30000);
  let sim: RunningSimulator;
  let dataDir: string;

  beforeEach(async () => {
    sim = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'bot-doctor-script-'));
  });

  afterEach(async () => {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('against a healthy simulator with an approvals conversation registered: exit code 0 and eight green lines', async () => {
    await new ConversationDirectory(createStorage({ kind: 'file', dataDir })).setApprovals({
      reference: { conversation: { id: '19:approvers@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'Approvals' } },
    });
    const result = await runDoctorScript(
      { GRAPH_BASE_URL: sim.graphBaseUrl, EXCHANGE_BASE_URL: sim.exchangeBaseUrl, AZURE_TENANT_ID: sim.tenantId, DATA_DIR: dataDir },
      dataDir,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((line) => line.startsWith('✔ ')).length, 8, result.stdout);
    assert.equal(lines.at(-1), 'All 8 checks passed.');
  });

  it('against a simulator told to refuse Get-Recipient: exit code 1, a plain-text report with the red line and its fix', async () => {
    sim.setFaults({ forbid: ['Get-Recipient'] });
    const result = await runDoctorScript(
      { GRAPH_BASE_URL: sim.graphBaseUrl, EXCHANGE_BASE_URL: sim.exchangeBaseUrl, AZURE_TENANT_ID: sim.tenantId, DATA_DIR: dataDir },
      dataDir,
    );
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^Checking tenant 2c9b95af-a741-4a63-8025-5fbea3369fd5 /);
    assert.ok(lines.includes('✔ Tenant and verified domains (GET /organization): reachable; verified domains contoso.com, contoso.onmicrosoft.com'), result.stdout);
    assert.ok(
      lines.includes('✘ Exchange Online admin endpoint (Get-Recipient): Exchange Online refused Get-Recipient (403 Forbidden): the bot\'s identity lacks the Exchange role "Mail Recipients"'),
      result.stdout,
    );
    assert.ok(lines.some((line) => line.startsWith('    Fix: as an Exchange Administrator (Connect-ExchangeOnline)')), result.stdout);
    assert.ok(lines.includes('✘ Approvals conversation: none is registered, so approval cards have nowhere to go'), result.stdout);
    assert.equal(lines.at(-1), '2 of 8 checks failed: apply the fixes above, then run npm run doctor again.');
    assert.ok(!result.stdout.includes('\u001b['), 'no colours when standard output is not a terminal');
    assert.equal(result.stderr, '');
  });

  it('with a configuration error: exit code 1 and every problem listed', async () => {
    const result = await runDoctorScript({ MicrosoftAppId: 'not-a-guid', DATA_DIR: dataDir }, dataDir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^✘ Configuration: \d+ problems?, the other checks cannot run$/m);
    assert.match(result.stdout, /^ {4}- MicrosoftAppId "not-a-guid" is malformed/m);
  });
});
