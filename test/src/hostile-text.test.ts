import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardVerbs } from '../../cards/card-verbs';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator-server';
import type { TenantData } from '../../simulator/tenant-data';
import { type RunningBot, startBot } from '../../src/composition-root';
import { configFromEnv } from '../../src/config/load-config';
import { sample, sampleTenant } from '../simulator/simulator-fixture';
import { BotClient, type PostResult } from '../support/bot-client';
import { RecordingConnector } from '../support/recording-connector';
import { cardTexts, hostileValues, markupOf, renderedTexts, shownText } from '../support/teams-markdown';
import { MemoryLogger } from './support/test-logger';

/** What people type (and what the directory and Teams say about them) in one run of the scenario. */
interface Inputs {
  readonly requester: string;
  readonly approver: string;
  readonly bystander: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  readonly company: string;
  readonly newCompany: string;
  readonly groupName: string;
  readonly unknownCommand: string;
  readonly missingGroup: string;
  readonly unknownChoice: string;
  readonly reason: string;
  readonly rejectReason: string;
}

const plain: Inputs = {
  requester: 'Megan Bowen',
  approver: 'Alex Wilber',
  bystander: 'Adele Vance',
  email: 'jane.doe@partner.example',
  firstName: 'Jane',
  lastName: 'Doe',
  displayName: 'Jane Doe of Partner',
  company: 'Partner Ltd',
  newCompany: 'Partner Group',
  groupName: 'Partners',
  unknownCommand: 'hello there',
  missingGroup: 'Nothing here',
  unknownChoice: 'the third one',
  reason: 'Joint project with the partner.\nThey need the minutes.',
  rejectReason: 'Use the partner portal',
};

const [link, image, emphasis, heading, listed, numbered, quoted, code, html, mention, entities, functions, backslashes, plus] = hostileValues;

/** Every field gets markup of another kind; a reason gets several lines, each starting with markup. */
const hostileInputs: Inputs = {
  requester: `${emphasis} ${link}`,
  approver: `${mention} ${code}`,
  bystander: `${image} ${html}`,
  email: '_jane_.doe@partner.example',
  firstName: link,
  lastName: image,
  displayName: emphasis,
  company: heading,
  newCompany: listed,
  groupName: `*${link}*`,
  unknownCommand: `${quoted} ${code}`,
  missingGroup: html,
  unknownChoice: entities,
  reason: [functions, listed, numbered, heading, quoted, backslashes, plus].join('\n'),
  rejectReason: `${plus} ${link}`,
};

interface Said {
  readonly where: string;
  readonly text: string;
}

/** What an invoke answered: a card that replaces the pressed one, or a message. */
function invokeTexts(result: PostResult): string[] {
  const body = result.body as { type?: string; value?: unknown } | undefined;
  if (body?.type === 'application/vnd.microsoft.card.adaptive') return cardTexts(body.value);
  if (body?.type === 'application/vnd.microsoft.activity.message' && typeof body.value === 'string') return [body.value];
  return [];
}

/** The sample tenant, with the requester's two distribution groups renamed after `groupName`. */
function tenantWithGroups(groupName: string): TenantData {
  const tenant = sampleTenant();
  const renamed: Record<string, string> = { [sample.salesPartnersDl]: `${groupName} one`, [sample.projectFalconDl]: `${groupName} two` };
  return { ...tenant, groups: tenant.groups.map((group) => (renamed[group.id] ? { ...group, displayName: renamed[group.id] ?? group.displayName } : group)) };
}

/**
 * Runs one whole story over HTTP against the running bot and the simulated tenant, and returns
 * every text the bot showed: an unknown command, the intake with its refusals and echoes, an edit,
 * a bystander pressing the requester's card, approval cards (reason required, approved, already
 * decided, failed, retried, completed, external senders allowed, rejected), the requester's
 * notices and the pending list.
 */
async function story(inputs: Inputs): Promise<Said[]> {
  const connector = new RecordingConnector();
  const dataDir = mkdtempSync(join(tmpdir(), 'hostile-text-'));
  let simulator: RunningSimulator | undefined;
  let bot: RunningBot | undefined;
  const said: Said[] = [];
  try {
    await connector.start();
    simulator = await startSimulator({ tenant: tenantWithGroups(inputs.groupName) });
    const config = configFromEnv(
      { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', GRAPH_BASE_URL: simulator.graphBaseUrl, EXCHANGE_BASE_URL: simulator.exchangeBaseUrl, AZURE_TENANT_ID: simulator.tenantId },
      process.cwd(),
    );
    if (!config.ok) throw new Error(config.errors.join('\n'));
    const running = await startBot(config.value, { logger: new MemoryLogger() });
    bot = running;
    const chat = `a:personal-${sample.megan}`;
    const requester = new BotClient(running.url, connector, { aadObjectId: sample.megan, name: inputs.requester }, running.directory.tenantId, chat);
    const bystander = new BotClient(running.url, connector, { aadObjectId: sample.adele, name: inputs.bystander }, running.directory.tenantId, chat);
    const approver = new BotClient(running.url, connector, { aadObjectId: sample.alex, name: inputs.approver }, running.directory.tenantId, '19:approvals@thread.tacv2', 'channel');
    const pressed = (where: string, result: PostResult): PostResult => {
      said.push(...invokeTexts(result).map((text) => ({ where, text })));
      return result;
    };
    const settle = (): Promise<void> => running.jobs.drain();

    const intake = async (detours: boolean): Promise<string> => {
      await requester.say('add external');
      await requester.say(inputs.email);
      await requester.say(inputs.firstName);
      await requester.say(inputs.lastName);
      await requester.say(inputs.displayName);
      await requester.say(inputs.company);
      if (detours) await requester.say(inputs.missingGroup);
      await requester.say(inputs.groupName);
      if (detours) await requester.say(inputs.unknownChoice);
      await requester.say('1');
      const reason = await requester.say(inputs.reason);
      const draftId = JSON.stringify(reason.sent).match(/"draftId":"([^"]+)"/)?.[1];
      assert.ok(draftId, `the intake ended with a confirmation card (${inputs === plain ? 'plain' : 'hostile'} run)`);
      return draftId;
    };
    const confirm = async (draftId: string): Promise<string> => {
      const result = pressed('confirm', await requester.press(CardVerbs.confirm, { draftId }));
      const id = /R-[0-9A-Z]{6}/.exec(JSON.stringify(result.sent))?.[0];
      assert.ok(id, 'the requester is told the request id');
      await settle();
      return id;
    };

    await approver.say('approvals here');
    await requester.say(inputs.unknownCommand);

    // The first request: every detour of the intake, an edit, a bystander's press, then a failure, a retry, external senders.
    const draftId = await intake(true);
    pressed('edit', await requester.press(CardVerbs.edit, { draftId }));
    await requester.say('Company');
    const edited = await requester.say(inputs.newCompany);
    const editedDraftId = JSON.stringify(edited.sent).match(/"draftId":"([^"]+)"/)?.[1] ?? draftId;
    pressed('bystander', await bystander.press(CardVerbs.confirm, { draftId: editedDraftId }));
    const first = await confirm(editedDraftId);
    pressed('reject without a reason', await approver.press(CardVerbs.reject, { requestId: first }));
    simulator.setFaults({ forbid: ['Add-DistributionGroupMember'] });
    pressed('approve', await approver.press(CardVerbs.approve, { requestId: first }));
    await settle();
    pressed('approve again', await approver.press(CardVerbs.approve, { requestId: first }));
    simulator.setFaults({});
    pressed('retry', await approver.press(CardVerbs.retry, { requestId: first }));
    await settle();
    pressed('allow external senders', await approver.press(CardVerbs.allowExternalSenders, { requestId: first }));
    pressed('confirm external senders', await approver.press(CardVerbs.confirmAllowExternalSenders, { requestId: first }));
    await settle();

    // The second request: listed as pending, then rejected with a reason.
    const second = await confirm(await intake(false));
    await approver.say('pending');
    pressed('reject', await approver.press(CardVerbs.reject, { requestId: second, rejectReason: inputs.rejectReason }));
    await settle();

    said.push(...connector.calls.flatMap((call) => renderedTexts(call.activity).map((text) => ({ where: `${call.method} ${call.conversationId}`, text }))));
    return said;
  } finally {
    await bot?.stop();
    await simulator?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('text people type is shown literally in every message and card (the running bot, over HTTP)', function () {
  this.timeout(60_000);
  let plainRun: Said[];
  let hostileRun: Said[];

  before(async () => {
    plainRun = await story(plain);
    hostileRun = await story(hostileInputs);
  });

  it('says as much with hostile values as with plain ones (the same story in both runs)', () => {
    assert.ok(plainRun.length > 60, `the story shows many texts (${plainRun.length})`);
    assert.equal(hostileRun.length, plainRun.length);
  });

  it('no value adds markup: every text renders to the same elements as with plain values', () => {
    const signatures = (run: Said[]): string[] => run.map((said) => markupOf(said.text).join(' ')).sort();
    assert.deepEqual(signatures(hostileRun), signatures(plainRun));
    const added = hostileRun.filter((said) => markupOf(said.text).some((tag) => ['a', 'img', 'h1', 'blockquote', 'code', 's', 'del'].includes(tag)));
    assert.deepEqual(added, [], 'no link, image, heading, quote, code or strike-through from what people typed');
  });

  // The bystander's name is never shown: they are only told whose request it is.
  for (const [field, value] of Object.entries(hostileInputs).filter(([field]) => field !== 'bystander')) {
    it(`shows the ${field} as it was typed`, () => {
      const expected = field === 'reason' ? value.split('\n').map(collapsed) : [collapsed(value)];
      for (const line of expected) {
        assert.ok(
          hostileRun.some((said) => shownText(said.text).includes(line)),
          `"${line}" is shown literally somewhere; texts with the ${field}: ${hostileRun.filter((said) => said.text.includes(line.slice(0, 4))).map((said) => said.text).join(' | ')}`,
        );
      }
    });
  }

  it('is never escaped twice: apart from what people typed, no backslash shows anywhere', () => {
    const typed = Object.values(hostileInputs).flatMap((value) => value.split('\n').map(collapsed));
    for (const said of hostileRun) {
      let shown = shownText(said.text);
      for (const value of typed) shown = shown.split(value).join('');
      assert.ok(!shown.includes('\\'), `a backslash shows in ${said.where}: ${shownText(said.text)}`);
    }
  });
});
