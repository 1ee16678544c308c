import { strict as assert } from 'node:assert';
import type { Locator } from 'playwright-core';
import type { Translator } from '../../../src/i18n/message-catalogue';
import { commandWord, countedPattern, textPattern } from './bot-texts';
import type { TeamsClient } from './teams-client';

/** What the requester answers, in the order the bot asks. */
export interface RequestAnswers {
  /** An internal address typed first by mistake (the bot must refuse it and ask again). */
  readonly mistakenEmail?: { readonly address: string; readonly domain: string };
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company: string;
  /** The first letters typed to find the group. */
  readonly groupQuery: string;
  /** The group, answered by name from the list of matching groups. */
  readonly groupName: string;
  /** The group's e-mail address (the bot shows "Name (address)"). */
  readonly groupMail: string;
  /** True when the query matches only this group of the requester's (the bot then takes it without a list). */
  readonly onlyMatch?: boolean;
  readonly reason: string;
}

/** Called with every card the person sees on the way (for the phone-width checks). */
export type CardSeen = (name: string, card: Locator) => Promise<void>;

/** The request id the bot gave, as shown to the requester (e.g. R-7K3F9Q). */
export const requestIdPattern = 'R-[A-Z0-9]+';

/**
 * The requester opens the personal chat with the bot, reads the welcome card, types "add external"
 * (in `t`'s language) and answers every question (making the one mistake if asked to), taking the suggested display
 * name with its button and naming the group from the list offered. Returns the confirmation card.
 */
export async function fillInRequest(client: TeamsClient, t: Translator, answers: RequestAnswers, onCard?: CardSeen): Promise<Locator> {
  await client.openConversation('Personal Chat');
  const welcome = await client.waitForCard(t('card.welcome.title'));
  await client.shot('personal chat with the welcome card');
  await onCard?.('welcome', welcome);

  let since = await client.say(commandWord(t, 'bot.command.addExternal'));
  await client.waitForBotMessage(t('intake.intro'), since);
  await client.waitForBotMessage(t('intake.email.ask'), since);
  await client.shot('asked for the e-mail address');

  if (answers.mistakenEmail) {
    since = await client.say(answers.mistakenEmail.address);
    await client.waitForBotMessage(t('intake.email.internal', { domain: answers.mistakenEmail.domain }), since);
    await client.waitForBotMessage(t('intake.email.ask'), since);
    await client.shot('internal address refused and asked again');
  }

  since = await client.say(answers.email);
  await client.waitForBotMessage(t('intake.firstName.ask', { email: answers.email }), since);
  await client.shot('asked for the first name');

  since = await client.say(answers.firstName);
  await client.waitForBotMessage(t('intake.lastName.ask', { firstName: answers.firstName }), since);

  since = await client.say(answers.lastName);
  const suggested = `${answers.firstName} ${answers.lastName}`;
  await client.waitForBotMessage(t('intake.displayName.ask', { suggested }), since);
  await client.shot('display name suggested');

  since = await client.answerWithSuggestion(suggested);
  await client.waitForBotMessage(t('intake.company.ask', { name: suggested }), since);

  since = await client.say(answers.company);
  await client.waitForBotMessage(t('intake.group.ask'), since);
  await client.shot('asked for the group');

  since = await client.say(answers.groupQuery);
  if (answers.onlyMatch) {
    await client.waitForBotMessage(t('intake.group.foundOne', { group: `${answers.groupName} (${answers.groupMail})` }), since);
  } else {
    const message = await client.waitForBotMessage(countedPattern(t, 'intake.group.choose', { query: answers.groupQuery }, { list: '.*' }), since);
    assert.ok((await message.innerText()).includes(`${answers.groupName} (${answers.groupMail})`), `the list of matching groups shows ${answers.groupName}`);
    // The list is the message's text; the hero card with one button per group (and "search again") comes with it.
    const choices = await client.waitForCard(t('intake.group.searchAgain'), since);
    await client.shot('groups listed');
    await onCard?.('group choice', choices);
    // The list's buttons are imBack actions, which the Playground does not send; the prompt also
    // takes the group's name typed in, as a person reading "Answer with its number or name" would.
    since = await client.say(answers.groupName);
  }
  await client.waitForBotMessage(t('intake.reason.ask', { name: suggested, group: answers.groupName }), since);
  await client.shot('group picked, asked for the reason');

  since = await client.say(answers.reason);
  await client.waitForBotMessage(t('intake.confirm.intro'), since);
  const card = await client.waitForCard(t('card.confirm.title'), since);
  for (const shown of [answers.email, suggested, answers.company, answers.groupName, answers.reason]) {
    assert.ok((await card.innerText()).replace(/\s+/g, ' ').includes(shown), `the confirmation card shows "${shown}"`);
  }
  for (const button of [t('card.confirm.confirm'), t('card.confirm.edit'), t('card.confirm.cancel')]) {
    assert.ok(await client.cardButton(card, button).isEnabled(), `the confirmation card offers "${button}"`);
  }
  await client.cardShot(card, 'confirmation card');
  await onCard?.('confirmation', card);
  return card;
}

/**
 * The requester presses Confirm: the card turns into "Submitted as request R-…", its buttons go,
 * and the bot says the request waits for an admin. Returns the request id shown.
 */
export async function confirmRequest(client: TeamsClient, t: Translator, card: Locator, onCard?: CardSeen): Promise<string> {
  const since = await client.botMessages().count();
  await client.clickCardButton(card, t('card.confirm.confirm'));
  const submitted = textPattern(t, 'bot.card.submitted', { requestId: requestIdPattern });
  const message = await client.waitForBotMessage(submitted, since);
  const requestId = submitted.exec((await message.innerText()).replace(/\s+/g, ' '))?.groups?.requestId;
  assert.ok(requestId, 'the bot names the request id');
  const status = t('card.confirm.status.submitted', { requestId });
  const updated = await client.waitForCard(status);
  await client.cardButton(updated, t('card.confirm.confirm')).waitFor({ state: 'detached' });
  await client.shot('request submitted');
  await client.cardShot(updated, 'confirmation card after confirm');
  await onCard?.('confirmation, submitted', updated);
  return requestId;
}
