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

/** Someone talking to the bot from a Teams client in one language, and the words they type. */
export interface Speaker {
  readonly locale: string;
  readonly t: Translator;
  readonly typed: {
    readonly addExternal: string;
    readonly help: string;
    readonly cancel: string;
    readonly useDefault: string;
    readonly skip: string;
    readonly searchAgain: string;
  };
}

function firstWord(entry: string): string {
  return entry.split('|')[0] ?? entry;
}

function speaker(locale: string, typed: Partial<Speaker['typed']> = {}): Speaker {
  const said = catalogue.translator(locale);
  return {
    locale,
    t: said,
    typed: {
      addExternal: firstWord(said('bot.command.addExternal')),
      help: firstWord(said('bot.command.help')),
      cancel: firstWord(said('bot.command.cancel')),
      useDefault: firstWord(said('intake.displayName.useDefaultWords')),
      skip: said('intake.company.skip'),
      searchAgain: said('intake.group.searchAgain'),
      ...typed,
    },
  };
}

/** An English, a Dutch and a Latvian Teams user; the Latvian one types without diacritics, as many do. */
export const speakers: readonly Speaker[] = [
  speaker('en-US'),
  speaker('nl-NL'),
  speaker('lv-LV', { addExternal: 'pievienot arejo', searchAgain: 'meklet velreiz' }),
];

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
    private readonly locale = 'en-US',
  ) {
    this.client = new DialogTestClient('msteams', dialog, options);
  }

  static main(deps: IntakeDialogDependencies, options?: unknown, user?: Actor, locale?: string): DialogConversation {
    return new DialogConversation(new MainDialog(deps.catalogue, deps, new RecordingApproverCommands()), options, user, locale);
  }

  /** Sends what the user types; returns the bot's replies as text. */
  async say(text: string): Promise<string[]> {
    const activity: Partial<Activity> = {
      type: 'message',
      text,
      locale: this.locale,
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
