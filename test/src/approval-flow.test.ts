import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningBot, startBot } from '../../src/composition-root';
import { type AppConfig, configFromEnv } from '../../src/config/load-config';
import { CardVerbs } from '../../cards/card-verbs';
import { cardDateTime } from '../../cards/card-time';
import { BotClient, sentText } from '../support/bot-client';
import { catalogue, t } from '../support/dialog-harness';
import { ConversationDirectory } from '../../src/bot/proactive/conversation-directory';
import { RecordingConnector } from '../support/recording-connector';
import { type IntakeWords, submitThroughIntake, type TypedPerson } from '../support/intake-journey';
import { createStorage } from '../../src/infrastructure/storage/create-storage';
import { StorageRequestStore } from '../../src/infrastructure/storage/storage-request-store';
import { StorageAuditLog } from '../../src/infrastructure/audit/storage-audit-log';
import type { AccessRequest } from '../../src/domain/access-request';
import { MemoryLogger } from './support/test-logger';
import { ManualClock } from './support/manual-clock';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';

/** People of the sample tenant (docs/simulator.md). */
const megan = { aadObjectId: '1bdf6ebe-100d-4a76-af06-e24d23e91909', name: 'Megan Bowen' };
const alex = { aadObjectId: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4', name: 'Alex Wilber' };
const adele = { aadObjectId: 'd739b704-2799-499a-bfd5-437d3bf57787', name: 'Adele Vance' };
const diego = { aadObjectId: 'f86ce0e7-7d95-4a89-9570-3b9a35341f19', name: 'Diego Siciliani' };
const approvalsChannel = '19:approvals@thread.tacv2';

function configFor(dataDir: string, simulator: RunningSimulator): AppConfig {
  const result = configFromEnv(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      GRAPH_BASE_URL: simulator.graphBaseUrl,
      EXCHANGE_BASE_URL: simulator.exchangeBaseUrl,
      AZURE_TENANT_ID: simulator.tenantId,
    },
    process.cwd(),
  );
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

interface CardJson {
  body: { type: string; text?: string; items?: unknown[] }[];
  actions: { verb: string; title: string; data: Record<string, string> }[];
}

/** Everything one scenario needs: the bot with its embedded simulated tenant, a recording connector, people. */
class ApprovalWorld {
  readonly connector = new RecordingConnector();
  readonly logger = new MemoryLogger();
  readonly dataDir = mkdtempSync(join(tmpdir(), 'approval-flow-'));
  bot!: RunningBot;
  /** The tenant outlives the bot, so a restart of the bot finds what it had created. */
  simulator!: RunningSimulator;

  /** With a clock, the bot and the simulated tenant (its replication delay) run on it. */
  constructor(private readonly clock?: ManualClock) {}

  async start(): Promise<void> {
    await this.connector.start();
    const clock = this.clock;
    this.simulator = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), ...(clock ? { now: () => clock.epochMs() } : {}) });
    await this.restart();
  }

  async restart(): Promise<void> {
    this.bot = await startBot(configFor(this.dataDir, this.simulator), { logger: this.logger, ...(this.clock ? { clock: this.clock } : {}) });
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    await this.simulator?.stop();
    await this.connector.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  personal(user: { aadObjectId: string; name: string }): BotClient {
    return new BotClient(this.bot.url, this.connector, user, this.bot.directory.tenantId, `a:personal-${user.aadObjectId}`);
  }

  inApprovals(user: { aadObjectId: string; name: string }): BotClient {
    return new BotClient(this.bot.url, this.connector, user, this.bot.directory.tenantId, approvalsChannel, 'channel');
  }

  store(): StorageRequestStore {
    return new StorageRequestStore({ storage: createStorage({ kind: 'file', dataDir: this.dataDir }), logger: new MemoryLogger() });
  }

  async request(id: string): Promise<AccessRequest> {
    const stored = await this.store().get(id);
    assert.ok(stored, `request ${id} is stored`);
    return stored.request;
  }

  /**
   * Leaves the stored request as a crash after its first step would have: provisioning, with only
   * that step journaled as done (the test made the next step fail first).
   */
  async interruptAfter(id: string, firstStep: string): Promise<void> {
    const store = this.store();
    const stored = await store.get(id);
    assert.ok(stored);
    assert.deepEqual(stored.request.journal.filter((e) => e.outcome !== 'failed').map((e) => e.step), [firstStep]);
    const { failure: _failure, ...interrupted } = stored.request;
    assert.equal((await store.update({ ...interrupted, status: 'provisioning' }, stored.eTag)).kind, 'saved');
  }

  /** Waits for the bot's background work (routing, provisioning, notices). */
  settle(): Promise<void> {
    return this.bot.jobs.drain();
  }

  /** The requester walks the intake (typing `words` in their language) and confirms; returns the new request's id. */
  async submit(requester: BotClient, person: TypedPerson, group: string, words?: IntakeWords): Promise<string> {
    const id = await submitThroughIntake(requester, person, group, words);
    await this.settle();
    return id;
  }

  /** Activities the bot sent to a conversation (posts and updates), oldest first. */
  sentTo(conversationId: string): { method: string; path: string; activity: Record<string, unknown> }[] {
    return this.connector.calls.filter((c) => c.conversationId === conversationId);
  }

  texts(conversationId: string): string[] {
    return this.sentTo(conversationId).map((c) => sentText(c.activity));
  }

  /** The approval card as everyone sees it now: the last post or update of it in the approvals channel. */
  approvalCard(requestId: string): CardJson {
    const calls = this.sentTo(approvalsChannel).filter((c) => JSON.stringify(c.activity).includes(`"requestId":"${requestId}"`));
    const last = calls.at(-1);
    const card = (last?.activity['attachments'] as { content: CardJson }[] | undefined)?.[0]?.content;
    assert.ok(card, `an approval card for ${requestId} in the approvals channel`);
    return card;
  }

  async graph(path: string): Promise<{ value: Record<string, unknown>[] }> {
    const simulator = this.simulator;
    const response = await fetch(`${simulator.graphBaseUrl}${path}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as { value: Record<string, unknown>[] };
  }

  async exchange(cmdlet: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const simulator = this.simulator;
    const response = await fetch(`${simulator.exchangeBaseUrl}/${simulator.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { value: Record<string, unknown>[] }).value;
  }
}

function invokeCard(result: { body: unknown }): CardJson {
  const body = result.body as { type?: string; value?: unknown };
  assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
  return body.value as CardJson;
}

function cardText(card: CardJson): string {
  return JSON.stringify(card);
}

function buttons(card: CardJson): string[] {
  return card.actions.map((a) => a.title);
}

const jane = { email: 'jane.doe@partner.example', first: 'Jane', last: 'Doe' };
const salesPartners = '696d6903-e19f-44d8-b0de-32ed4fe1bf54';
const marketingCampaigns = '8826b76f-dc5d-483f-a737-541bdb030609';

describe('approval and provisioning over HTTP (the running bot, the simulated tenant, a recording connector)', () => {
  let world: ApprovalWorld;

  beforeEach(async () => {
    world = new ApprovalWorld();
    await world.start();
  });

  afterEach(async () => {
    await world.stop();
  });

  it('distribution group: approvals registered, request approved, contact created and added, everyone told', async () => {
    const registered = await world.inApprovals(alex).say('approvals here');
    assert.deepEqual(registered.sent.map(sentText), [t('bot.approvals.registered', { count: 0 })]);

    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    const posted = world.approvalCard(id);
    assert.deepEqual(buttons(posted), [t('card.approval.approve'), t('card.approval.reject')]);
    assert.ok(cardText(posted).includes(t('card.approval.status.pending-approval')));
    assert.ok(cardText(posted).includes('jane.doe@partner.example'));

    const pressed = await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    const answer = invokeCard(pressed);
    assert.ok(cardText(answer).includes(t('card.approval.notice.decided', { outcome: 'approved' })));
    assert.deepEqual(buttons(answer), [], 'no more decision buttons once approved');

    await world.settle();
    const request = await world.request(id);
    assert.equal(request.status, 'completed');
    assert.deepEqual(request.journal.map((e) => e.step), ['create-mail-contact', 'add-distribution-group-member']);

    const final = world.approvalCard(id);
    assert.ok(cardText(final).includes('Done: Jane Doe is now in Sales Partners.'), cardText(final));
    assert.deepEqual(buttons(final), [t('card.approval.allowExternalSenders')], 'the group takes internal senders only');
    const updates = world.sentTo(approvalsChannel).filter((c) => c.method === 'PUT');
    assert.ok(updates.length >= 2, 'the posted card is updated in place, for everyone');

    const megansChat = world.texts(`a:personal-${megan.aadObjectId}`);
    assert.ok(megansChat.some((text) => text.startsWith(`Good news: Alex Wilber approved request ${id}`)), megansChat.join('\n'));
    assert.ok(megansChat.some((text) => text.startsWith(`Done: Jane Doe (jane.doe@partner.example) is now in Sales Partners (request ${id})`)));

    const contacts = await world.graph(`/contacts?$filter=mail eq 'jane.doe@partner.example'`);
    assert.equal(contacts.value.length, 1, 'one mail contact exists for Jane');
    const members = await world.exchange('Get-DistributionGroupMember', { Identity: 'sales-partners@contoso.com' });
    assert.ok(members.some((m) => String(m['PrimarySmtpAddress']).toLowerCase() === 'jane.doe@partner.example'), 'Jane is a member of the group');

    const trail = await new StorageAuditLog(createStorage({ kind: 'file', dataDir: world.dataDir })).list(id);
    assert.deepEqual(
      trail.map((e) => e.action),
      ['request.submit', 'request.approve', 'provisioning.start', 'provisioning.create-mail-contact', 'provisioning.add-distribution-group-member', 'provisioning.complete'],
    );
  });

  it('Microsoft 365 group: the guest is invited and added; the simulated tenant shows the guest as a member', async () => {
    await world.inApprovals(adele).say('approvals here');
    const id = await world.submit(world.personal(megan), { email: 'sam@fabrikam.example', first: 'Sam', last: 'Lee' }, 'Marketing Campaigns');
    await world.inApprovals(adele).press(CardVerbs.approve, { requestId: id });
    await world.settle();

    const request = await world.request(id);
    assert.equal(request.status, 'completed', JSON.stringify(request.failure));
    assert.deepEqual(request.journal.map((e) => e.step), ['invite-guest', 'add-group-member']);
    const guests = await world.graph(`/users?$filter=mail eq 'sam@fabrikam.example'&$select=id,mail,userType`);
    assert.equal(guests.value.length, 1);
    assert.equal(guests.value[0]?.['userType'], 'Guest');
    const members = await world.graph(`/groups/${marketingCampaigns}/members?$select=id`);
    assert.ok(members.value.some((m) => m['id'] === guests.value[0]?.['id']), 'the guest is a member of Marketing Campaigns');
  });

  it('who approves is known from memory: card refreshes and Approve ask Graph nothing about the approvers group', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    const from = world.simulator.requestLog().length;
    const refreshed = invokeCard(await world.inApprovals(adele).press(CardVerbs.refresh, { requestId: id }));
    assert.deepEqual(buttons(refreshed), [t('card.approval.approve'), t('card.approval.reject')], 'an approver sees the buttons');
    const observer = invokeCard(await world.inApprovals(diego).press(CardVerbs.refresh, { requestId: id }));
    assert.deepEqual(buttons(observer), [], 'someone else reads only');
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();
    assert.equal((await world.request(id)).status, 'completed');
    const asked = world.simulator.requestLog().slice(from).map((r) => r.operation);
    assert.deepEqual(
      asked.filter((op) => op.includes('checkMemberGroups') || op.includes('transitiveMembers')),
      [],
      `Graph calls after the card was shown: ${asked.join(', ')}`,
    );
  });

  it('a rejection needs a reason; with one, the requester gets it and nothing is created', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');

    const blank = invokeCard(await world.inApprovals(alex).press(CardVerbs.reject, { requestId: id, rejectReason: '  ' }));
    assert.ok(cardText(blank).includes(t('card.approval.notice.reasonRequired')));
    assert.equal((await world.request(id)).status, 'pending-approval');

    await world.inApprovals(alex).press(CardVerbs.reject, { requestId: id, rejectReason: 'Please use the partner portal' });
    await world.settle();
    assert.equal((await world.request(id)).status, 'rejected');
    assert.ok(cardText(world.approvalCard(id)).includes('Rejected by Alex Wilber'));
    assert.ok(
      world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.includes('Their reason: \\"Please use the partner portal\\"') || text.includes('Their reason: "Please use the partner portal"')),
    );
    assert.equal((await world.graph(`/contacts?$filter=mail eq 'jane.doe@partner.example'`)).value.length, 0);
  });

  it('a user who is not an approver cannot decide, and the request stays pending', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    const pressed = invokeCard(await world.inApprovals(diego).press(CardVerbs.approve, { requestId: id }));
    assert.ok(cardText(pressed).includes(t('card.approval.notice.denied.not-approver')));
    assert.deepEqual(buttons(pressed), [], 'a non-approver sees no buttons');
    assert.equal((await world.request(id)).status, 'pending-approval');
    const refusedApprovalsHere = await world.inApprovals(diego).say('approvals here');
    assert.deepEqual(refusedApprovalsHere.sent.map(sentText), [t('bot.approvals.notApprover')]);
  });

  it('an approver cannot approve their own request', async () => {
    await world.inApprovals(adele).say('approvals here');
    // Alex manages "All Company News" in the sample tenant, and is an approver.
    const id = await world.submit(world.personal(alex), jane, 'All Company News');
    const pressed = invokeCard(await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id }));
    assert.ok(cardText(pressed).includes(t('card.approval.notice.denied.own-request')));
    assert.equal((await world.request(id)).status, 'pending-approval');
  });

  it('a double click and a second approver get the first decision, and provisioning runs once', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    const [first, second, third] = await Promise.all([
      world.inApprovals(alex).press(CardVerbs.approve, { requestId: id }),
      world.inApprovals(alex).press(CardVerbs.approve, { requestId: id }),
      world.inApprovals(adele).press(CardVerbs.reject, { requestId: id, rejectReason: 'No' }),
    ]);
    const notices = [first, second, third].map((r) => cardText(invokeCard(r)));
    const winners = notices.filter((n) => n.includes('You approved') || n.includes('You rejected'));
    assert.equal(winners.length, 1, notices.join('\n'));
    assert.equal(notices.filter((n) => n.includes('This request was already')).length, 2);
    await world.settle();
    const request = await world.request(id);
    const contacts = await world.graph(`/contacts?$filter=mail eq 'jane.doe@partner.example'`);
    assert.equal(contacts.value.length, request.status === 'completed' ? 1 : 0, 'never two contacts');
    const creates = world.simulator.requestLog().filter((r) => r.cmdlet === 'New-MailContact') ?? [];
    assert.ok(creates.length <= 1, 'New-MailContact ran at most once');
  });

  it('a failure shows where it stopped; Retry after the fault is gone completes without repeating the done step', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    world.simulator.setFaults({ forbid: ['Add-DistributionGroupMember'] });
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();

    const failed = await world.request(id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure?.step, 'add-distribution-group-member');
    const failedCard = world.approvalCard(id);
    assert.deepEqual(buttons(failedCard), [t('card.approval.retry')]);
    assert.ok(world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.startsWith(`Request ${id} (Jane Doe → Sales Partners) was approved, but adding Jane Doe stopped`)));

    world.simulator.setFaults({});
    const retried = invokeCard(await world.inApprovals(alex).press(CardVerbs.retry, { requestId: id }));
    assert.ok(cardText(retried).includes(t('card.approval.notice.retrying')));
    await world.settle();
    const done = await world.request(id);
    assert.equal(done.status, 'completed');
    const creates = world.simulator.requestLog().filter((r) => r.cmdlet === 'New-MailContact') ?? [];
    assert.equal(creates.length, 1, 'the contact was created once, not again on retry');
  });

  it('a missing Exchange role reaches the approval card as the role to grant: one refused call, no retry; Retry once granted completes', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    // The role group lacks the role of -BypassSecurityGroupManagerCheck (it keeps the read-only one to look).
    world.simulator.setFaults({ exchangeRoles: ['Mail Recipient Creation', 'Mail Recipients', 'Distribution Groups', 'View-Only Configuration'] });
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();

    const failed = await world.request(id);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.failure?.rolesToGrant, ['Security Group Creation and Membership']);
    const grant = t('error.permission-denied.exchangeRoles', { count: 1, roles: '"Security Group Creation and Membership"' });
    assert.ok(cardText(world.approvalCard(id)).includes(JSON.stringify(grant).slice(1, -1)), cardText(world.approvalCard(id)));
    assert.deepEqual(buttons(world.approvalCard(id)), [t('card.approval.retry')]);
    const adds = world.simulator.requestLog().filter((r) => r.cmdlet === 'Add-DistributionGroupMember');
    assert.deepEqual(adds.map((r) => r.status), [403], 'asked once, refused once');
    assert.ok(!world.logger.records.some((r) => /retry/i.test(r.msg)), `no retry in the log: ${world.logger.records.filter((r) => /retry/i.test(r.msg)).map((r) => r.msg).join('; ')}`);
    assert.ok(world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.includes(grant)), 'the requester is told why too');

    world.simulator.setFaults({});
    await world.inApprovals(alex).press(CardVerbs.retry, { requestId: id });
    await world.settle();
    assert.equal((await world.request(id)).status, 'completed');
  });

  it('"Allow external senders" asks to confirm, then changes the group, and the card says so', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();

    const confirm = invokeCard(await world.inApprovals(alex).press(CardVerbs.allowExternalSenders, { requestId: id }));
    assert.deepEqual(buttons(confirm), [t('card.approval.confirmExternalSenders'), t('card.approval.back')]);
    const [before] = await world.exchange('Get-DistributionGroup', { Identity: salesPartners });
    assert.equal(before?.['RequireSenderAuthenticationEnabled'], true, 'nothing changes before the approver confirms');

    await world.inApprovals(alex).press(CardVerbs.confirmAllowExternalSenders, { requestId: id });
    await world.settle();
    const [after] = await world.exchange('Get-DistributionGroup', { Identity: salesPartners });
    assert.equal(after?.['RequireSenderAuthenticationEnabled'], false);
    assert.ok(cardText(world.approvalCard(id)).includes('External senders allowed on Sales Partners by Alex Wilber'));
    assert.deepEqual(buttons(world.approvalCard(id)), []);
    assert.ok(world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.startsWith('Sales Partners now accepts mail from outside the organisation')));
  });

  it('without an approvals conversation the request waits, the requester is told, and it is posted once one is registered', async () => {
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    assert.ok(world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.startsWith(`Request ${id} (Jane Doe → Sales Partners) is saved.`)));
    assert.equal(world.sentTo(approvalsChannel).length, 0);
    const registered = await world.inApprovals(alex).say('approvals here');
    assert.ok(registered.sent.map(sentText).includes(t('bot.approvals.registered', { count: 1 })));
    assert.deepEqual(buttons(world.approvalCard(id)), [t('card.approval.approve'), t('card.approval.reject')]);
  });

  it('"pending" lists the waiting requests for an approver', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    const listed = await world.personal(adele).say('pending');
    assert.deepEqual(listed.sent.map(sentText), [
      t('bot.approvals.pendingList', { count: 1 }),
      `[card] ${t('card.approval.title', { requestId: id, name: 'Jane Doe', group: 'Sales Partners' })}`,
    ]);
  });

  it('a requester the bot can no longer reach is recorded on the request; the request still completes', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    world.connector.refuse(`a:personal-${megan.aadObjectId}`, 403);
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();
    const request = await world.request(id);
    assert.equal(request.status, 'completed');
    assert.deepEqual(
      request.undelivered?.map((u) => [u.notice, u.reason]),
      [
        ['approved', 'bot-not-allowed'],
        ['completed', 'bot-not-allowed'],
      ],
    );
  });

  it('a restart during provisioning resumes from the journal: no second contact', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    // The second step cannot get through: the run stops after the contact was created.
    world.simulator.setFaults({ latencyMs: 0, forbid: ['Add-DistributionGroupMember'] });
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();
    // Put the stored request back to where a crash would have left it: provisioning, contact journaled.
    await world.interruptAfter(id, 'create-mail-contact');

    await world.bot.stop();
    world.simulator.setFaults({});
    await world.restart();
    await world.settle();
    const request = await world.request(id);
    assert.equal(request.status, 'completed');
    assert.equal((await world.graph(`/contacts?$filter=mail eq 'jane.doe@partner.example'`)).value.length, 1);
  });

  it('a restart during guest provisioning resumes from the journal: no second invitation', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), { email: 'sam@fabrikam.example', first: 'Sam', last: 'Lee' }, 'Marketing Campaigns');
    world.simulator.setFaults({ forbid: ['POST /groups/{id}/members/$ref'] });
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();
    await world.interruptAfter(id, 'invite-guest');

    await world.bot.stop();
    world.simulator.setFaults({});
    await world.restart();
    await world.settle();
    assert.equal((await world.request(id)).status, 'completed');
    const invitations = world.simulator.requestLog().filter((r) => r.method === 'POST' && r.path.endsWith('/invitations'));
    assert.equal(invitations.length, 1, 'one invitation, before and after the restart');
    assert.equal((await world.graph(`/users?$filter=mail eq 'sam@fabrikam.example'`)).value.length, 1);
  });

  it('speaks each reader\'s language: a Latvian requester, a Dutch approvals channel, a Latvian approver\'s own view', async () => {
    const lv = catalogue.translator('lv-LV');
    const nl = catalogue.translator('nl-NL');
    const registered = await world.inApprovals(adele).speaking('nl-NL', 'Europe/Amsterdam').say('goedkeuringen hier');
    assert.deepEqual(registered.sent.map(sentText), [nl('bot.approvals.registered', { count: 0 })]);

    const megansChat = `a:personal-${megan.aadObjectId}`;
    const requester = world.personal(megan).speaking('lv-LV', 'Europe/Riga');
    const id = await world.submit(requester, jane, 'Sales Partners', { start: 'pievienot arejo', useDefault: 'labi' });
    const intake = world.texts(megansChat);
    assert.ok(intake.includes(lv('intake.email.ask')), intake.join('\n'));
    assert.ok(intake.includes(`[card] ${lv('card.confirm.title')}`), 'the confirmation card is in Latvian');
    assert.ok(intake.some((text) => text.startsWith(lv('bot.card.submitted', { requestId: id }))));

    const stored = await new ConversationDirectory(createStorage({ kind: 'file', dataDir: world.dataDir })).forRequest(id);
    assert.equal(stored?.locale, 'lv-LV', 'the requester\'s language is kept with the conversation reference');
    assert.equal(stored?.timeZone, 'Europe/Riga');

    const posted = world.approvalCard(id) as CardJson & { lang?: string };
    assert.equal(posted.lang, 'nl', 'the shared card is in the approvals conversation\'s language');
    assert.deepEqual(buttons(posted), [nl('card.approval.approve'), nl('card.approval.reject')]);
    assert.ok(cardText(posted).includes(nl('card.approval.status.pending-approval')));

    const latvianView = invokeCard(await world.inApprovals(alex).speaking('lv-LV', 'Europe/Riga').press(CardVerbs.refresh, { requestId: id })) as CardJson & { lang?: string };
    assert.equal(latvianView.lang, 'lv', 'a Latvian approver\'s refresh renders the card in Latvian');
    assert.deepEqual(buttons(latvianView), [lv('card.approval.approve'), lv('card.approval.reject')]);

    const decided = invokeCard(await world.inApprovals(adele).speaking('nl-NL', 'Europe/Amsterdam').press(CardVerbs.approve, { requestId: id }));
    assert.ok(cardText(decided).includes(nl('card.approval.notice.decided', { outcome: 'approved' })), cardText(decided));
    await world.settle();

    const notices = world.texts(megansChat).slice(intake.length);
    const subject = { requestId: id, name: 'Jane Doe', group: 'Sales Partners', email: 'jane.doe@partner.example' };
    assert.deepEqual(notices, [lv('notice.requester.approved', { ...subject, by: 'Adele Vance' }), lv('notice.requester.completedInternalOnly', subject)]);
    const final = world.approvalCard(id);
    const at = cardDateTime((await world.request(id)).decision?.at ?? '');
    assert.ok(cardText(final).includes(nl('card.approval.status.completed', { name: 'Jane Doe', group: 'Sales Partners', by: 'Adele Vance', at })), cardText(final));
    assert.deepEqual(buttons(final), [nl('card.approval.allowExternalSenders')]);
  });
});

describe('waiting for Exchange to catch up, across a restart (the running bot, the simulated tenant on one clock)', () => {
  let world: ApprovalWorld;
  const clock = new ManualClock();

  beforeEach(async () => {
    world = new ApprovalWorld(clock);
    await world.start();
  });

  afterEach(async () => {
    await world.stop();
  });

  it('the request waits (card and requester told, never "failed"), the bot restarts, and the due wait resumes by itself: one contact', async () => {
    await world.inApprovals(alex).say('approvals here');
    const id = await world.submit(world.personal(megan), jane, 'Sales Partners');
    world.simulator.setFaults({ replicationDelayMs: 60_000 });
    await world.inApprovals(alex).press(CardVerbs.approve, { requestId: id });
    await world.settle();

    const waiting = await world.request(id);
    assert.equal(waiting.status, 'waiting-for-directory');
    assert.equal(waiting.directoryWait?.step, 'add-distribution-group-member');
    assert.equal(waiting.directoryWait?.dueAt, new Date(clock.epochMs() + 15_000).toISOString(), 'the first wait is 15 s');
    const card = cardText(world.approvalCard(id));
    assert.ok(card.includes('Waiting for Exchange to catch up'), card);
    assert.deepEqual(buttons(world.approvalCard(id)), [], 'nothing to press while it waits');
    const megansChat = world.texts(`a:personal-${megan.aadObjectId}`);
    assert.ok(megansChat.some((text) => text.startsWith('Exchange is still catching up with what was just created for Jane Doe')), megansChat.join('\n'));
    assert.ok(!megansChat.some((text) => text.includes('stopped at')), 'never told it failed');

    // The bot stops; a minute later Exchange has caught up; the bot starts and finds the due wait.
    await world.bot.stop();
    clock.advance(60_000);
    await world.restart();
    await world.settle();
    const done = await world.request(id);
    assert.equal(done.status, 'completed', JSON.stringify(done.failure));
    assert.equal(done.directoryWait, undefined);
    assert.equal((await world.graph(`/contacts?$filter=mail eq 'jane.doe@partner.example'`)).value.length, 1, 'one contact');
    assert.equal(world.simulator.requestLog().filter((r) => r.cmdlet === 'New-MailContact').length, 1);
    assert.ok(world.texts(`a:personal-${megan.aadObjectId}`).some((text) => text.startsWith(`Done: Jane Doe (jane.doe@partner.example) is now in Sales Partners (request ${id})`)));
  });
});
