import { RecordingApproverCommands } from './recording-approver-commands';
import type { Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { Actor } from '../../src/domain/access-request';
import { MessageCatalogue, projectLocalesDir, type Translator } from '../../src/i18n/message-catalogue';
import { MainDialog } from '../../dialogs/main-dialog';
import type { IntakeDialogDependencies } from '../../dialogs/intake-dialog';
import { FakeRequestIntake } from './fake-request-intake';
import { ada, contosoFakeTenant, tenantId } from './contoso-fake-tenant';
import { ManualClock } from '../src/support/manual-clock';
import { InMemoryPendingDrafts } from './in-memory-pending-drafts';

export const catalogue = MessageCatalogue.load(projectLocalesDir());
export const t: Translator = catalogue.translator('en-US');

/** A reply as a test reads it: its text (with a hero card of buttons, or a hero card's own text), or an Adaptive Card's title. */
export function replyText(activity: Partial<Activity>): string {
  const attachment = activity.attachments?.[0];
  if (attachment?.contentType === 'application/vnd.microsoft.card.hero') {
    return String((attachment.content as { text?: string }).text ?? activity.text ?? '');
  }
  if (attachment?.contentType === 'application/vnd.microsoft.card.adaptive') {
    const body = (attachment.content as { body?: { text?: string }[] }).body ?? [];
    return `[card] ${body[0]?.text ?? ''}`;
  }
  return activity.text ?? '';
}

/** Fresh fakes and dependencies for one test. */
export function intakeDependencies(): IntakeDialogDependencies & { intake: FakeRequestIntake; drafts: InMemoryPendingDrafts; clock: ManualClock } {
  const clock = new ManualClock();
  let next = 0;
  return {
    intake: new FakeRequestIntake(contosoFakeTenant(), clock),
    catalogue,
    drafts: new InMemoryPendingDrafts(),
    clock,
    newDraftId: () => `draft-${++next}`,
  };
}

/** Drives a dialog as one Teams user, collecting every reply of each turn. */
export class DialogConversation {
  readonly client: DialogTestClient;
  readonly transcript: string[] = [];

  constructor(
    dialog: Dialog,
    options?: unknown,
    private readonly user: Actor = ada,
  ) {
    this.client = new DialogTestClient('msteams', dialog, options);
  }

  static main(deps: IntakeDialogDependencies, options?: unknown, user?: Actor): DialogConversation {
    return new DialogConversation(new MainDialog(deps.catalogue, deps, new RecordingApproverCommands()), options, user);
  }

  /** Sends what the user types; returns the bot's replies as text. */
  async say(text: string): Promise<string[]> {
    const activity: Partial<Activity> = {
      type: 'message',
      text,
      locale: 'en-US',
      from: { id: `29:${this.user.aadObjectId}`, name: this.user.name, aadObjectId: this.user.aadObjectId },
      conversation: { id: 'personal-chat', tenantId, isGroup: false, name: '', conversationType: 'personal' },
    };
    const replies: Partial<Activity>[] = [];
    let reply: Partial<Activity> | undefined = await this.client.sendActivity(activity);
    while (reply) {
      replies.push(reply);
      reply = this.client.getNextReply();
    }
    this.lastReplies = replies;
    const texts = replies.map(replyText);
    this.transcript.push(`> ${text}`, ...texts);
    return texts;
  }

  lastReplies: Partial<Activity>[] = [];
}
