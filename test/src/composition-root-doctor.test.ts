import { strict as assert } from 'node:assert';
import { freePort } from '../support/free-port';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doctorExitCode, renderDoctorReport } from '../../src/app/doctor/doctor-report';
import { runDoctor } from '../../src/composition-root';
import { configFromEnv } from '../../src/config/load-config';
import { ConversationDirectory } from '../../src/bot/proactive/conversation-directory';
import { MessageCatalogue, projectLocalesDir } from '../../src/i18n/message-catalogue';
import { createStorage } from '../../src/infrastructure/storage/create-storage';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { ScriptedHttpServer } from './support/scripted-http-server';
import { startEmbeddedTenant } from '../../scripts/embedded-tenant';

const approversGroupId = '7896c217-1928-4f2e-a984-e50cc4ab967e';
const t = MessageCatalogue.load(projectLocalesDir()).plainTranslator('en');


describe('npm run doctor: the checks against a simulated tenant (runDoctor)', function () {
  this.timeout(20000);
  let sim: RunningSimulator;
  let dataDir: string;
  let scripted: ScriptedHttpServer | undefined;

  beforeEach(async () => {
    sim = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'bot-doctor-'));
  });

  afterEach(async () => {
    await sim.stop();
    await scripted?.stop();
    scripted = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  function env(extra: Record<string, string> = {}): Record<string, string> {
    return { GRAPH_BASE_URL: sim.graphBaseUrl, EXCHANGE_BASE_URL: sim.exchangeBaseUrl, AZURE_TENANT_ID: sim.tenantId, DATA_DIR: dataDir, ...extra };
  }

  async function registerApprovals(values: Record<string, string> = env()): Promise<void> {
    const config = configFromEnv(values, dataDir);
    if (!config.ok) throw new Error(config.errors.join('\n'));
    await new ConversationDirectory(createStorage(config.value.storage)).setApprovals({ reference: { conversation: { id: '19:approvers@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'Approvals' } } });
  }

  async function doctor(values: Record<string, string>): Promise<{ output: string; exitCode: number }> {
    const run = await runDoctor(configFromEnv(values, dataDir), { probeId: 'test', timeoutMs: 10000 });
    return { output: renderDoctorReport(run.intro, run.results, t, { color: false }), exitCode: doctorExitCode(run.results) };
  }

  function redLine(output: string, title: string): string {
    const lines = output.split('\n');
    const index = lines.findIndex((line) => line.startsWith(`✘ ${title}`));
    assert.ok(index >= 0, `no red line for "${title}" in:\n${output}`);
    return lines.slice(index, index + 2).join('\n');
  }

  it('with everything in place prints a green line per check and exit code 0', async () => {
    await registerApprovals();
    const { output, exitCode } = await doctor(env());
    assert.equal(exitCode, 0, output);
    const lines = output.trimEnd().split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^Checking tenant ${sim.tenantId} \\(Graph ${sim.graphBaseUrl}`));
    assert.deepEqual(
      lines.slice(1, -1),
      [
        '✔ Configuration: valid',
        '✔ Tenant and verified domains (GET /organization): reachable; verified domains contoso.com, contoso.onmicrosoft.com',
        `✔ Approvers group ${approversGroupId} (GET /groups/{id}): "External Access Approvers" exists and has members`,
        '✔ User lookup (GET /users): users are readable',
        '✔ Exchange Online admin endpoint (Get-Recipient): answers; a made-up address is reported as not found, as expected',
        '✔ Exchange roles of the bot (Get-ManagementRoleAssignment): it holds "Mail Recipient Creation", "Mail Recipients", "Distribution Groups", "Security Group Creation and Membership", "View-Only Configuration"',
        `✔ Storage (${join(dataDir, 'state')}): a probe item was written, read back and deleted`,
        '✔ Approvals conversation: registered (conversation 19:approvers@thread.tacv2)',
      ],
    );
    assert.equal(lines.at(-1), 'All 8 checks passed.');
    assert.ok(!/\u001b\[/.test(output), 'plain text when colours are off');
    const operations = sim.requestLog().map((request) => request.operation);
    assert.deepEqual(
      [...new Set(operations)].sort(),
      ['GET /groups/{id}', 'GET /groups/{id}/transitiveMembers', 'GET /organization', 'GET /users', 'Get-Recipient', 'Get-ManagementRoleAssignment'].sort(),
      'only harmless reads',
    );
  });

  it('leaves nothing behind in the store: the probe item is deleted', async () => {
    await registerApprovals();
    await doctor(env());
    const config = configFromEnv(env(), dataDir);
    if (!config.ok) throw new Error('bad config');
    const items = await createStorage(config.value.storage).read(['doctor/probe-test']);
    assert.deepEqual(items, {});
  });

  it('when Graph refuses GET /organization, names Organization.Read.All and how to grant it', async () => {
    await registerApprovals();
    sim.setFaults({ forbid: ['GET /organization'] });
    const { output, exitCode } = await doctor(env());
    assert.equal(exitCode, 1);
    assert.equal(
      redLine(output, 'Tenant and verified domains'),
      "✘ Tenant and verified domains (GET /organization): Microsoft Graph refused the read (403 Forbidden): the bot's identity lacks Organization.Read.All\n" +
        "    Fix: grant the Microsoft Graph application permission Organization.Read.All to the bot's directory identity (docs/admin-setup.md, step 1: New-MgServicePrincipalAppRoleAssignment, or the az rest loop there); with an app registration, then run az ad app permission admin-consent --id <AZURE_CLIENT_ID>. Restart the bot afterwards: a managed identity caches its tokens.",
    );
    assert.match(output, /^1 of 8 checks failed: apply the fixes above, then run npm run doctor again\.$/m);
  });

  it('when Graph refuses GET /groups/{id}, names Group.Read.All', async () => {
    await registerApprovals();
    sim.setFaults({ forbid: ['GET /groups/{id}'] });
    const { output } = await doctor(env());
    assert.match(redLine(output, 'Approvers group'), /the bot's identity lacks Group\.Read\.All\n {4}Fix: grant the Microsoft Graph application permission Group\.Read\.All to the bot's directory identity/);
  });

  it('when the approvers group does not exist, says so and how to set or create it', async () => {
    await registerApprovals();
    const missing = '00000000-0000-4000-8000-00000000dead';
    const { output } = await doctor(env({ APPROVERS_GROUP_ID: missing }));
    assert.equal(
      redLine(output, 'Approvers group'),
      `✘ Approvers group ${missing} (GET /groups/{id}): there is no group with id ${missing} in this tenant\n` +
        '    Fix: set APPROVERS_GROUP_ID to the object id of the approvers group, or create it (docs/admin-setup.md, step 3): az ad group create --display-name "External Access Approvers" --mail-nickname external-access-approvers --query id -o tsv',
    );
  });

  it('when the approvers group has no members, says how to add approvers', async () => {
    await registerApprovals();
    for (const member of ['fa87908e-7a2e-4bed-9075-6c28dbb016b4', 'd739b704-2799-499a-bfd5-437d3bf57787']) {
      const response = await fetch(`${sim.graphBaseUrl}/groups/${approversGroupId}/members/${member}/$ref`, { method: 'DELETE' });
      assert.equal(response.status, 204);
    }
    const { output } = await doctor(env());
    assert.equal(
      redLine(output, 'Approvers group'),
      `✘ Approvers group ${approversGroupId} (GET /groups/{id}): "External Access Approvers" has no members, so nobody can approve requests\n` +
        `    Fix: add the approvers to the group (docs/admin-setup.md, step 3): az ad group member add --group ${approversGroupId} --member-id <object id of the approver>, or New-MgGroupMember -GroupId ${approversGroupId} -DirectoryObjectId <object id of the approver>`,
    );
  });

  it('when Graph refuses GET /users, names User.Read.All', async () => {
    await registerApprovals();
    sim.setFaults({ forbid: ['GET /users'] });
    const { output } = await doctor(env());
    assert.match(redLine(output, 'User lookup'), /^✘ User lookup \(GET \/users\): Microsoft Graph refused the read \(403 Forbidden\): the bot's identity lacks User\.Read\.All\n {4}Fix: grant the Microsoft Graph application permission User\.Read\.All/);
  });

  it('when Exchange refuses Get-Recipient (403, empty body), names the role and gives the role-group commands', async () => {
    await registerApprovals();
    sim.setFaults({ forbid: ['Get-Recipient'] });
    const { output } = await doctor(env());
    const line = redLine(output, 'Exchange Online admin endpoint');
    assert.match(line, /^✘ Exchange Online admin endpoint \(Get-Recipient\): Exchange Online refused Get-Recipient \(403 Forbidden\): the bot's identity lacks the Exchange role "Mail Recipients"\n/);
    assert.ok(
      line.includes(
        'New-RoleGroup -Name "External Access bot roles" -Roles "Mail Recipient Creation","Mail Recipients","Distribution Groups","Security Group Creation and Membership","View-Only Configuration"; Add-RoleGroupMember -Identity "External Access bot roles" -Member (Get-ServicePrincipal -Identity "External Access bot").Identity',
      ),
      line,
    );
    assert.ok(!line.includes('New-ManagementRoleAssignment -App'), 'not the -App route, which takes application roles only');
  });

  it('reads the bot\'s Exchange role assignments and names each missing role, with the command that adds it', async () => {
    await registerApprovals();
    sim.setFaults({ exchangeRoles: ['Mail Recipient Creation', 'Mail Recipients', 'View-Only Configuration'] });
    const { output, exitCode } = await doctor(env());
    assert.equal(exitCode, 1);
    assert.equal(
      redLine(output, 'Exchange roles of the bot'),
      '✘ Exchange roles of the bot (Get-ManagementRoleAssignment): it lacks "Distribution Groups", "Security Group Creation and Membership", so provisioning stops where that role is needed\n' +
        '    Fix: as an Exchange Administrator (Connect-ExchangeOnline), add the missing roles to the bot\'s role group (docs/admin-setup.md, step 2c; use your role group\'s name if it is not "External Access bot roles"): ' +
        'New-ManagementRoleAssignment -SecurityGroup "External Access bot roles" -Role "Distribution Groups"; New-ManagementRoleAssignment -SecurityGroup "External Access bot roles" -Role "Security Group Creation and Membership". Role changes can take up to an hour to apply.',
    );
    assert.ok(output.includes('✔ Exchange Online admin endpoint (Get-Recipient)'), 'the connection itself is fine');
  });

  it('without the read-only role to list them, says which role lets the doctor see the roles', async () => {
    await registerApprovals();
    sim.setFaults({ exchangeRoles: ['Mail Recipient Creation', 'Mail Recipients', 'Distribution Groups', 'Security Group Creation and Membership'] });
    const { output } = await doctor(env());
    assert.match(redLine(output, 'Exchange roles of the bot'), /the bot lacks the read-only role "View-Only Configuration".*\n {4}Fix: .*New-ManagementRoleAssignment -SecurityGroup "External Access bot roles" -Role "View-Only Configuration"/);
  });

  it('when Exchange answers 401, names Exchange.ManageAsApp and New-ServicePrincipal for the identity', async () => {
    await registerApprovals();
    scripted = await ScriptedHttpServer.start(() => ({ status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' }));
    const { output } = await doctor(env({ EXCHANGE_BASE_URL: `${scripted.baseUrl}/adminapi/beta` }));
    const line = redLine(output, 'Exchange Online admin endpoint');
    assert.match(line, /Exchange Online refused the bot's identity \(401 Unauthorized\)\n {4}Fix: grant the Office 365 Exchange Online application permission Exchange\.ManageAsApp to the bot's directory identity \(docs\/admin-setup\.md, step 2a/);
    assert.ok(line.includes('New-ServicePrincipal -AppId <client id of the bot directory identity> -ObjectId <its service principal object id>'), line);
  });

  it('when Graph cannot be reached, names GRAPH_BASE_URL', async () => {
    await registerApprovals();
    const closed = `http://127.0.0.1:${await freePort()}/v1.0`;
    const { output } = await doctor(env({ GRAPH_BASE_URL: closed }));
    assert.equal(
      redLine(output, 'Tenant and verified domains'),
      `✘ Tenant and verified domains (GET /organization): Microsoft Graph at ${closed} could not be reached\n` +
        `    Fix: check GRAPH_BASE_URL (${closed}; the default is https://graph.microsoft.com/v1.0) and that this machine reaches it over HTTPS (proxy, firewall).`,
    );
  });

  it('when the store cannot be written, names the folder and how to fix it; the approvals check says to fix storage first', async () => {
    const notAFolder = join(dataDir, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const { output, exitCode } = await doctor(env({ DATA_DIR: notAFolder }));
    assert.equal(exitCode, 1);
    const folder = join(notAFolder, 'state');
    assert.match(redLine(output, 'Storage'), new RegExp(`^✘ Storage \\(${folder.replace(/[/.-]/g, '\\$&')}\\): a probe item could not be written, read back and deleted \\(\\w+\\)\n`));
    assert.ok(redLine(output, 'Storage').endsWith(`    Fix: make ${folder} a folder the bot's user can create and write (mkdir -p ${folder}), or set DATA_DIR to one that is.`));
    assert.match(redLine(output, 'Approvals conversation'), /\n {4}Fix: fix the storage check first\.$/);
  });

  it('when no approvals conversation is registered, says an approver types "approvals here"', async () => {
    const { output, exitCode } = await doctor(env());
    assert.equal(exitCode, 1);
    assert.equal(
      redLine(output, 'Approvals conversation'),
      '✘ Approvals conversation: none is registered, so approval cards have nowhere to go\n' +
        "    Fix: an approver types 'approvals here' in the channel that should receive approval cards (in a channel: @Group Gatekeeper approvals here).",
    );
  });

  it('with a broken configuration lists every problem and runs nothing else', async () => {
    const { output, exitCode } = await doctor({ AZURE_TENANT_ID: sim.tenantId, GRAPH_BASE_URL: 'not a url', STORAGE: 'floppy', DATA_DIR: dataDir });
    assert.equal(exitCode, 1);
    const lines = output.trimEnd().split('\n');
    assert.equal(lines[0], 'Checking the configuration from the environment.');
    assert.match(lines[1] ?? '', /^✘ Configuration: \d+ problems?, the other checks cannot run$/);
    assert.ok(lines.includes('    - STORAGE "floppy" is not supported: set it to file (the default, a local folder) or blob (Azure Blob storage).'), output);
    assert.ok(lines.some((line) => line.startsWith('    - GRAPH_BASE_URL "not a url" is not a URL')), output);
    assert.ok(lines.includes('    Fix: set or correct each key named above (every setting is described in .env.example), then run npm run doctor again.'), output);
    assert.equal(lines.at(-1), '1 of 1 checks failed: apply the fixes above, then run npm run doctor again.');
    assert.deepEqual(sim.requestLog(), [], 'nothing was called');
  });

  it('with nothing configured, in a local run (npm run doctor starts the simulated tenant), checks that tenant and says so first', async () => {
    const config = configFromEnv({ DATA_DIR: dataDir, SIMULATOR_PORT: '0' }, dataDir);
    assert.ok(config.ok);
    const embedded = await startEmbeddedTenant(config.value);
    assert.ok(embedded);
    try {
      const run = await runDoctor(config, { probeId: 'test', timeoutMs: 10000, embeddedDirectory: embedded.directory });
      const lines = renderDoctorReport(run.intro, run.results, t, { color: false }).split('\n');
      assert.match(lines[0] ?? '', /^Checking the simulated Microsoft 365 tenant embedded in the bot: no tenant is configured, so this is what npm start uses/);
      assert.equal(lines.filter((line) => line.startsWith('✔')).length, 7, lines.join('\n'));
    } finally {
      await embedded.stop();
    }
  });

  it('with nothing configured and no local run, says that no directory is configured (the service never falls back to a simulated tenant)', async () => {
    const { output, exitCode } = await doctor({ DATA_DIR: dataDir });
    assert.equal(exitCode, 1);
    assert.match(output, /no Microsoft 365 directory is configured/);
  });
});
