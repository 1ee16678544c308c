import { type Activity, type ChannelAccount, type ConversationAccount, MemoryStorage, TestAdapter } from 'botbuilder';
import type { Actor } from '../../src/domain/access-request';
import { createBotApplication } from '../../src/bot/bot-application';
import type { RequestIntake } from '../../src/app/request-intake';
import { catalogue } from './dialog-harness';
import { ada, contosoFakeTenant, tenantId } from './contoso-fake-tenant';
import { FakeRequestIntake } from './fake-request-intake';
import { createApprovalWorkflow } from '../../src/app/approval-workflow';
import { sampleTimerPolicy } from './sample-timer-policy';
import { InProcessJobs } from '../../src/infrastructure/jobs/in-process-jobs';
import { InMemoryRequestStore } from '../src/support/in-memory-request-store';
import { MemoryAuditLog } from '../src/support/memory-audit-log';
import { RecordingNotifier } from '../src/support/recording-notifier';
import { ManualClock } from '../src/support/manual-clock';
import { MemoryLogger } from '../src/support/test-logger';

export const botAccount: ChannelAccount = { id: '28:external-access-bot', name: 'Group Gatekeeper' };

export const personalChat: ConversationAccount = {
  id: 'a:personal-ada',
  conversationType: 'personal',
  tenantId,
  isGroup: false,
  name: '',
};

export const teamChannel: ConversationAccount = {
  id: '19:general@thread.tacv2',
  conversationType: 'channel',
  tenantId,
  isGroup: true,
  name: 'General',
};

export function userAccount(actor: Actor): ChannelAccount {
  return { id: `29:${actor.aadObjectId}`, name: actor.name, aadObjectId: actor.aadObjectId };
}

/** The whole bot (handler, dialogs, router, state) on botbuilder's TestAdapter, with fakes behind it. */
export class BotHarness {
  readonly clock = new ManualClock();
  readonly logger = new MemoryLogger();
  readonly storage = new MemoryStorage();
  readonly intake: FakeRequestIntake;
  readonly adapter: TestAdapter;
  private draftCount = 0;

  readonly store = new InMemoryRequestStore();
  readonly notifier = new RecordingNotifier();
  readonly auditLog = new MemoryAuditLog();
  readonly jobs = new InProcessJobs(this.logger);
  /** Entra object ids of the approvers group members. */
  readonly approverIds = new Set<string>();
  /** Entra object ids of the escalation approvers group members. */
  readonly escalationApproverIds = new Set<string>();

  constructor(intake?: RequestIntake) {
    this.intake = new FakeRequestIntake(contosoFakeTenant(), this.clock);
    const directory = {
      isApprover: async (id: string) => this.approverIds.has(id),
      isEscalationApprover: async (id: string) => this.escalationApproverIds.has(id),
    };
    const workflow = createApprovalWorkflow({
      store: this.store,
      directory,
      notifier: this.notifier,
      provisioner: { provision: async () => ({ kind: 'completed' }) },
      externalSenders: { allowExternalSenders: async () => 'changed' },
      auditLog: this.auditLog,
      jobs: this.jobs,
      clock: this.clock,
      logger: this.logger,
      approvalTimers: { policy: sampleTimerPolicy },
      intake: intake ?? this.intake,
    });
    const app = createBotApplication({
      approvals: { workflow, store: this.store, directory, jobs: this.jobs },
      intake: intake ?? this.intake,
      storage: this.storage,
      catalogue,
      logger: this.logger,
      clock: this.clock,
      newDraftId: () => `draft-${++this.draftCount}`,
    });
    this.adapter = new TestAdapter((context) => app.bot.run(context));
    this.adapter.onTurnError = app.onTurnError;
  }

  /** Processes one incoming activity; returns everything the bot sent during that turn. */
  async receive(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity({
      channelId: 'msteams',
      locale: 'en-US',
      recipient: botAccount,
      conversation: personalChat,
      ...activity,
    });
    return this.adapter.activeQueue.splice(0);
  }

  say(text: string, actor: Actor = ada, conversation: ConversationAccount = personalChat): Promise<Partial<Activity>[]> {
    return this.receive({ type: 'message', text, from: userAccount(actor), conversation });
  }

  /** An Action.Execute press; returns the invoke response body and the other activities sent. */
  async press(
    verb: string,
    data: Record<string, unknown>,
    actor: Actor = ada,
    conversation: ConversationAccount = personalChat,
  ): Promise<{ status: number | undefined; body: { statusCode: number; type: string; value: unknown } | undefined; sent: Partial<Activity>[] }> {
    const activities = await this.receive({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: userAccount(actor),
      conversation,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    const response = activities.find((activity) => activity.type === 'invokeResponse');
    const value = response?.value as { status?: number; body?: { statusCode: number; type: string; value: unknown } } | undefined;
    return { status: value?.status, body: value?.body, sent: activities.filter((activity) => activity.type !== 'invokeResponse') };
  }
}
