import { strict as assert } from 'node:assert';
import type { Locator } from 'playwright-core';
import type { Translator } from '../../../src/i18n/message-catalogue';
import { commandWord, countedPattern, textPattern } from './bot-texts';
import type { TeamsClient } from './teams-client';

/** What the approval card is about, as its title shows it. */
export interface ApprovalSubject {
  readonly requestId: string;
  /** The external person's display name. */
  readonly name: string;
  readonly group: string;
}

/** Any text in place of a date and time (each reader sees their own time zone). */
const anyTime = '.+?';

/**
 * The approver opens the personal chat with the bot and types "approvals here": from then on the
 * bot posts approval cards to this chat.
 */
export async function chooseApprovalsConversation(client: TeamsClient, t: Translator): Promise<void> {
  await client.openConversation('Personal Chat');
  await client.waitForCard(t('card.welcome.title'));
  const since = await client.say(commandWord(t, 'bot.command.approvalsHere'));
  await client.waitForBotMessage(countedPattern(t, 'bot.approvals.registered'), since);
  await client.shot('approvals conversation chosen');
}

/** The approval card for this request, once it has arrived in the approvals conversation. */
export async function waitForApprovalCard(client: TeamsClient, t: Translator, subject: ApprovalSubject, onCard?: (name: string, card: Locator) => Promise<void>): Promise<Locator> {
  const card = await client.waitForCard(t('card.approval.title', { ...subject }));
  assert.ok((await card.innerText()).includes(t('card.approval.status.pending-approval')), 'the card says it waits for an approver');
  for (const button of [t('card.approval.approve'), t('card.approval.reject')]) {
    assert.ok(await client.cardButton(card, button).isEnabled(), `the approver can press "${button}"`);
  }
  await client.shot('approval card arrived');
  await client.cardShot(card, 'approval card, pending');
  await onCard?.('approval, pending', card);
  return card;
}

/** The approver presses Approve; the card answers at once and its decision buttons go. */
export async function approve(client: TeamsClient, t: Translator, card: Locator, subject: ApprovalSubject): Promise<void> {
  await client.clickCardButton(card, t('card.approval.approve'));
  await client.waitForCard(t('card.approval.title', { ...subject }));
  await client.cardButton(card, t('card.approval.approve')).waitFor({ state: 'detached' });
  await client.cardButton(card, t('card.approval.reject')).waitFor({ state: 'detached' });
  await client.shot('approved');
}

/** The approver types a reason into the card's box and presses Reject. */
export async function rejectWithReason(client: TeamsClient, t: Translator, card: Locator, reason: string, approverName: string): Promise<void> {
  const box = card.locator('textarea, input[type="text"]').first();
  await box.click();
  await box.fill(reason);
  await client.shot('rejection reason written');
  await client.clickCardButton(card, t('card.approval.reject'));
  await waitForCardStatus(client, card, textPattern(t, 'card.approval.status.rejected', { at: anyTime }, { by: approverName, reason }));
  await client.cardButton(card, t('card.approval.approve')).waitFor({ state: 'detached' });
  await client.cardButton(card, t('card.approval.reject')).waitFor({ state: 'detached' });
  await client.shot('rejected');
}

/** Waits until the (updated-in-place) card shows the expected status. */
export async function waitForCardStatus(client: TeamsClient, card: Locator, status: RegExp, timeoutMs?: number): Promise<void> {
  try {
    await card.filter({ hasText: status }).waitFor({ state: 'visible', ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) });
  } catch (error) {
    throw new Error(`${client.who}: the card never showed ${status}; it shows:\n${(await card.innerText().catch(() => '(gone)')).slice(0, 1500)}`, { cause: error });
  }
}

/** While the directory catches up: "Approved by ... Waiting for Exchange to catch up ...". */
export async function waitForWaitingCard(client: TeamsClient, t: Translator, card: Locator, subject: ApprovalSubject, approverName: string): Promise<void> {
  const service = t('card.approval.waitService.exchange');
  const step = t('card.approval.stepName.add-distribution-group-member');
  await waitForCardStatus(
    client,
    card,
    textPattern(t, 'card.approval.status.waiting-for-directory', { at: anyTime, next: anyTime, until: anyTime }, { name: subject.name, by: approverName, service, step }),
  );
  await client.shot('approver sees the request wait for Exchange');
  await client.cardShot(card, 'approval card, waiting for Exchange to catch up');
}

/** The final state of an approved request on the approval card: "Done: ... Approved by ...". */
export async function waitForCompletedCard(client: TeamsClient, t: Translator, card: Locator, subject: ApprovalSubject, approverName: string, timeoutMs?: number): Promise<void> {
  await waitForCardStatus(client, card, textPattern(t, 'card.approval.status.completed', { at: anyTime }, { name: subject.name, group: subject.group, by: approverName }), timeoutMs);
  await client.shot('approver sees the request done');
  await client.cardShot(card, 'approval card, completed');
}

/** A regular expression for a date and time as the bot writes it in messages. */
export const timePattern = anyTime;
