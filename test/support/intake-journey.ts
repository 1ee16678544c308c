import { CardVerbs } from '../../cards/card-verbs';
import { type BotClient, sentText } from './bot-client';

/** An external person as a requester types them into the intake. */
export interface TypedPerson {
  readonly email: string;
  readonly first: string;
  readonly last: string;
}

/** The words a requester types to start the intake and to take the suggested display name, in their language. */
export interface IntakeWords {
  readonly start: string;
  readonly useDefault: string;
}

/**
 * A requester walks the whole intake (address, names, company, group, reason) and confirms the
 * summary card, over HTTP. Returns the new request's id, as the bot tells it; throws with what the
 * bot said when the journey does not end with a request.
 */
export async function submitThroughIntake(
  requester: BotClient,
  person: TypedPerson,
  group: string,
  words: IntakeWords = { start: 'add external', useDefault: 'ok' },
): Promise<string> {
  await requester.say(words.start);
  await requester.say(person.email);
  await requester.say(person.first);
  await requester.say(person.last);
  await requester.say(words.useDefault);
  await requester.say('Partner Ltd');
  await requester.say(group);
  const reason = await requester.say('Joint project');
  // Other conversations may be talking at the same time: only this requester's replies count.
  const card = requester.ownReplies(reason.sent).find((a) => sentText(a).startsWith('[card]'));
  const draftId = (card?.['attachments'] as { content: { actions?: { data?: Record<string, unknown> }[] } }[] | undefined)?.[0]?.content.actions?.[0]?.data?.[
    'draftId'
  ];
  if (typeof draftId !== 'string') throw new Error(`no confirmation card after the intake; the bot said: ${reason.sent.map(sentText).join(' | ')}`);
  const confirmed = await requester.press(CardVerbs.confirm, { draftId });
  const id = /R-[0-9A-Z]{6}/.exec(requester.ownReplies(confirmed.sent).map(sentText).join(' '))?.[0];
  if (id === undefined) throw new Error(`no request id after confirming; the bot said: ${confirmed.sent.map(sentText).join(' | ')}`);
  return id;
}
