import { strict as assert } from 'node:assert';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { approvalCard, approvalCardView, type ApprovalViewer } from '../../cards/approval-card';
import { confirmationCard, confirmationCardView, type ConfirmationStatus, type ConfirmationSubject } from '../../cards/confirmation-card';
import { cardDateTime } from '../../cards/card-time';
import type { AccessRequest } from '../../src/domain/access-request';
import { t } from '../support/dialog-harness';
import { cardTexts, hostileValues, markupOf, shownText } from '../support/teams-markdown';
import { approvalStates, distributionSubject, guestSubject } from './card-fixtures';

/** The values a card shows that come from people or the directory, plain or hostile. */
interface CardValues {
  readonly displayName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company: string;
  readonly email: string;
  readonly reason: string;
  readonly groupName: string;
  readonly groupMail: string;
  readonly existingName: string;
  readonly requester: string;
  readonly approver: string;
  readonly rejectReason: string;
  readonly externalSendersBy: string;
}

const plainValues: CardValues = {
  displayName: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  company: 'Fabrikam',
  email: 'jane.doe@fabrikam.com',
  reason: 'Joint tender\nwith Fabrikam',
  groupName: 'Sales Partners',
  groupMail: 'sales-partners@contoso.com',
  existingName: 'Gus Guest',
  requester: 'Megan Bowen',
  approver: 'Adele Vance',
  rejectReason: 'Use the partner portal',
  externalSendersBy: 'Alex Wilber',
};

const [link, image, emphasis, heading, listed, numbered, quoted, code, html, mention, entities, functions, backslashes, plus] = hostileValues;

const hostileCardValues: CardValues = {
  displayName: link,
  firstName: emphasis,
  lastName: image,
  company: heading,
  email: '_jane_.doe@fabrikam.com',
  reason: [listed, numbered, quoted, functions].join('\n'),
  groupName: `${code} ${html}`,
  groupMail: '_sales_@contoso.com',
  existingName: `${mention} ${entities}`,
  requester: backslashes,
  approver: plus,
  rejectReason: `${numbered} ${link}`,
  externalSendersBy: `${listed} ${emphasis}`,
};

function subjectWith(values: CardValues, base: ConfirmationSubject): ConfirmationSubject {
  const existing = base.assessment.existingRecipient;
  return {
    person: { email: values.email, firstName: values.firstName, lastName: values.lastName, displayName: values.displayName, company: values.company },
    group: { ...base.group, displayName: values.groupName, mail: values.groupMail },
    assessment: { ...base.assessment, ...(existing ? { existingRecipient: { ...existing, displayName: values.existingName } } : {}) },
    reason: values.reason,
  };
}

function requestWith(values: CardValues, base: AccessRequest): AccessRequest {
  const subject = subjectWith(values, { ...guestSubject, assessment: base.assessment, reason: base.reason });
  return {
    ...base,
    requester: { ...base.requester, name: values.requester },
    person: subject.person,
    group: { ...base.group, displayName: values.groupName, mail: values.groupMail },
    reason: values.reason,
    assessment: subject.assessment,
    ...(base.decision
      ? { decision: { ...base.decision, by: { ...base.decision.by, name: values.approver }, ...(base.decision.reason !== undefined ? { reason: values.rejectReason } : {}) } }
      : {}),
    ...(base.externalSenders ? { externalSenders: { ...base.externalSenders, by: { ...base.externalSenders.by, name: values.externalSendersBy } } } : {}),
  };
}

/** Every card a user can see, in every state and for every kind of viewer, filled with `values`. */
function everyCard(values: CardValues): [string, AdaptiveCardJson][] {
  const statuses: ConfirmationStatus[] = [
    { kind: 'open' },
    { kind: 'submitted', requestId: 'R-7K3F9Q' },
    { kind: 'cancelled' },
    { kind: 'editing' },
    { kind: 'not-submitted', reason: t('intake.group.refused.notOwner', { group: values.groupName }) },
  ];
  const confirmations = [distributionSubject, guestSubject].flatMap((base, index) =>
    statuses.map((status): [string, AdaptiveCardJson] => [
      `confirmation ${index === 0 ? 'distribution' : 'guest'} ${status.kind}`,
      confirmationCard(confirmationCardView('draft-1', subjectWith(values, base), status, t)),
    ]),
  );
  const [, pending] = approvalStates[0] ?? [];
  assert.ok(pending);
  const moreStates: [string, AccessRequest][] = [
    ['cancelled', { ...pending, status: 'cancelled' }],
    ['expired', { ...pending, status: 'expired' }],
    ['external senders failed', { ...pending, status: 'completed', externalSenders: { status: 'failed', by: pending.requester, at: pending.createdAt, errorCode: 'permission-denied' } }],
  ];
  const viewers: ApprovalViewer[] = ['approver', 'observer'];
  const notice = { text: t('card.approval.notice.alreadyDecided', { outcome: 'approved', by: values.approver, at: cardDateTime('2026-11-22T09:30:00.000Z') }), color: 'Warning' as const };
  const approvals = [...approvalStates.map(([name, request, options]): [string, AccessRequest, boolean] => [name, request, options.confirmingExternalSenders === true]), ...moreStates.map(([name, request]): [string, AccessRequest, boolean] => [name, request, false])].flatMap(
    ([name, request, confirming]) =>
      viewers.map((viewer): [string, AdaptiveCardJson] => [
        `approval ${name} for an ${viewer}`,
        approvalCard(approvalCardView(requestWith(values, request), { viewer, refreshUserIds: ['29:requester-1'], notice, confirmingExternalSenders: confirming }, t)),
      ]),
  );
  return [...confirmations, ...approvals];
}

const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('cards show what people typed literally, in every state and for every viewer', () => {
  const plainCards = everyCard(plainValues);
  const hostileCards = everyCard(hostileCardValues);

  it('covers every card variant', () => assert.ok(plainCards.length >= 30, `${plainCards.length} cards`));

  plainCards.forEach(([name, plainCard], index) => {
    const hostileCard = hostileCards[index]?.[1];
    it(`${name}: every text has the same markup as with plain values, and nothing typed is escaped twice`, () => {
      const plainTexts = cardTexts(plainCard);
      const hostileTexts = cardTexts(hostileCard);
      assert.equal(hostileTexts.length, plainTexts.length);
      hostileTexts.forEach((text, at) => assert.deepEqual(markupOf(text), markupOf(plainTexts[at] ?? ''), `${text}`));
      const typed = Object.values(hostileCardValues).flatMap((value) => value.split('\n').map(collapsed));
      for (const text of hostileTexts) {
        const rest = typed.reduce((shown, value) => shown.split(value).join(''), shownText(text));
        assert.ok(!rest.includes('\\'), `a stray backslash in: ${shownText(text)}`);
      }
    });
  });

  for (const [field, value] of Object.entries(hostileCardValues)) {
    it(`the ${field} shows as it was typed`, () => {
      const shown = hostileCards.flatMap(([, card]) => cardTexts(card).map(shownText));
      for (const line of value.split('\n').map(collapsed)) assert.ok(shown.some((text) => text.includes(line)), `"${line}" is shown somewhere`);
    });
  }
});
