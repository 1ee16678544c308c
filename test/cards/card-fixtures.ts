import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { confirmationCard, confirmationCardView, type ConfirmationStatus, type ConfirmationSubject } from '../../cards/confirmation-card';
import { welcomeCard, welcomeCardView } from '../../cards/welcome-card';
import { approvalCard, approvalCardView, type ApprovalCardOptions } from '../../cards/approval-card';
import type { AccessRequest } from '../../src/domain/access-request';
import type { Translator } from '../../src/i18n/message-catalogue';

/** A distribution group that only takes internal senders, for a brand-new mail contact. */
export const distributionSubject: ConfirmationSubject = {
  person: { email: 'jane.doe@fabrikam.com', firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe', company: 'Fabrikam' },
  group: {
    id: 'g-sales',
    displayName: 'Sales Partners',
    mail: 'sales-partners@contoso.com',
    classification: { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' },
  },
  assessment: { groupKind: 'distribution', path: 'mail-contact', alreadyMember: false, internalSendersOnly: true },
  reason: 'Joint tender with Fabrikam',
};

/** A Microsoft 365 group, an existing guest who is already a member, guests currently not allowed. */
export const guestSubject: ConfirmationSubject = {
  person: { email: 'gus@northwind.com', firstName: 'Gus', lastName: 'Guest', displayName: 'Gus Guest' },
  group: {
    id: 'g-falcon',
    displayName: 'Project Falcon',
    mail: 'falcon@contoso.com',
    classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
  },
  assessment: {
    groupKind: 'microsoft-365',
    path: 'guest',
    existingRecipient: { kind: 'guest', id: 'u-gus', displayName: 'Gus Guest', email: 'gus@northwind.com' },
    alreadyMember: true,
    internalSendersOnly: false,
    guestsAllowed: false,
  },
  reason: 'Falcon launch <b>&amp; "quotes"</b>',
};

const statuses: readonly [string, ConfirmationStatus][] = [
  ['open', { kind: 'open' }],
  ['submitted', { kind: 'submitted', requestId: 'R-7K3F9Q' }],
  ['cancelled', { kind: 'cancelled' }],
  ['editing', { kind: 'editing' }],
  ['not-submitted', { kind: 'not-submitted', reason: 'You are not an owner of Sales Partners.' }],
];

/** Every card the requester can be sent, filled as a reader of `t`'s language sees it, by golden file name. */
export function renderedCards(t: Translator): readonly [string, AdaptiveCardJson][] {
  return [
    ['welcome', welcomeCard(welcomeCardView(t))],
    ...statuses.map(([name, status]): [string, AdaptiveCardJson] => [
      `confirmation-distribution-${name}`,
      confirmationCard(confirmationCardView('draft-1', distributionSubject, status, t)),
    ]),
    ['confirmation-guest-open', confirmationCard(confirmationCardView('draft-2', guestSubject, { kind: 'open' }, t))],
  ];
}


const adele = { aadObjectId: 'approver-1', name: 'Adele Vance' };

/** A request for Jane Doe to join the Sales Partners distribution group (internal senders only). */
export const pendingRequest: AccessRequest = {
  id: 'R-7K3F9Q',
  tenantId: 'tenant-1',
  requester: { aadObjectId: 'requester-1', name: 'Megan Bowen' },
  person: distributionSubject.person,
  group: { id: 'g-sales', displayName: 'Sales Partners', mail: 'sales-partners@contoso.com', kind: 'distribution' },
  reason: distributionSubject.reason,
  assessment: distributionSubject.assessment,
  status: 'pending-approval',
  createdAt: '2026-11-22T09:00:00.000Z',
  journal: [],
  timers: {
    counting: 'working-hours',
    expireAfterDays: 10,
    expiresAt: '2026-12-04T17:00:00.000Z',
    nextReminderAt: '2026-11-23T17:00:00.000Z',
    reminders: [],
    escalateAt: '2026-11-25T17:00:00.000Z',
  },
};

/** Never used: pendingRequest has timers (the fallback only satisfies the type checker). */
const scheduleless: NonNullable<AccessRequest['timers']> = { counting: 'hours', expireAfterDays: 1, expiresAt: '2026-11-23T09:00:00.000Z', reminders: [] };

const approvedAt = '2026-11-22T09:30:00.000Z';
const decision = { outcome: 'approved' as const, by: adele, at: approvedAt };
const journal: AccessRequest['journal'] = [
  { step: 'create-mail-contact', outcome: 'done', at: approvedAt, objectIds: { recipientId: 'c-1' } },
  { step: 'add-distribution-group-member', outcome: 'done', at: approvedAt },
];

export const approvalStates: readonly [string, AccessRequest, Omit<ApprovalCardOptions, 'refreshUserIds'>][] = [
  ['pending', pendingRequest, { viewer: 'approver' }],
  ['pending-observer', pendingRequest, { viewer: 'observer' }],
  [
    'pending-escalated',
    { ...pendingRequest, timers: { ...(pendingRequest.timers ?? scheduleless), reminders: [{ number: 1, at: '2026-11-23T17:00:00.000Z' }], escalatedAt: '2026-11-25T17:00:00.000Z' } },
    { viewer: 'approver' },
  ],
  ['expired', { ...pendingRequest, status: 'expired', updatedAt: '2026-12-04T17:00:00.000Z' }, { viewer: 'approver' }],
  ['expired-plain-days', { ...pendingRequest, status: 'expired', timers: { ...(pendingRequest.timers ?? scheduleless), counting: 'hours', expireAfterDays: 1 } }, { viewer: 'observer' }],
  ['provisioning', { ...pendingRequest, status: 'provisioning', decision, journal: journal.slice(0, 1) }, { viewer: 'approver' }],
  ['completed', { ...pendingRequest, status: 'completed', decision, journal }, { viewer: 'approver' }],
  ['completed-confirming', { ...pendingRequest, status: 'completed', decision, journal }, { viewer: 'approver', confirmingExternalSenders: true }],
  [
    'completed-allowed',
    { ...pendingRequest, status: 'completed', decision, journal, externalSenders: { status: 'allowed', by: adele, at: '2026-11-22T10:00:00.000Z' } },
    { viewer: 'approver' },
  ],
  [
    'failed',
    {
      ...pendingRequest,
      status: 'failed',
      decision,
      journal: journal.slice(0, 1),
      failure: { step: 'add-distribution-group-member', errorCode: 'throttled', at: approvedAt, attempts: 1 },
    },
    { viewer: 'approver' },
  ],
  [
    'waiting-for-directory',
    {
      ...pendingRequest,
      status: 'waiting-for-directory',
      decision,
      journal: journal.slice(0, 1),
      directoryWait: {
        step: 'add-distribution-group-member',
        attempt: 2,
        since: '2026-11-22T09:30:05.000Z',
        dueAt: '2026-11-22T09:30:50.000Z',
        until: '2026-11-22T09:45:05.000Z',
      },
    },
    { viewer: 'approver' },
  ],
  [
    'failed-missing-role',
    {
      ...pendingRequest,
      status: 'failed',
      decision,
      journal: journal.slice(0, 1),
      failure: {
        step: 'add-distribution-group-member',
        errorCode: 'permission-denied',
        rolesToGrant: ['Security Group Creation and Membership'],
        at: approvedAt,
        attempts: 1,
      },
    },
    { viewer: 'approver' },
  ],
  [
    'rejected',
    { ...pendingRequest, status: 'rejected', decision: { outcome: 'rejected', by: adele, at: approvedAt, reason: 'Use the partner portal' } },
    { viewer: 'approver' },
  ],
];

/** The approval card in each of its states, as a reader of `t`'s language sees it, by golden file name. */
export function renderedApprovalCards(t: Translator): readonly [string, AdaptiveCardJson][] {
  return approvalStates.map(([name, request, options]) => [
    `approval-${name}`,
    approvalCard(approvalCardView(request, { ...options, refreshUserIds: ['29:requester-1', '29:approver-1'] }, t)),
  ]);
}

/** Every card in every language: the language, the golden file's path under test/cards/golden, the card. */
export function everyCardInEveryLanguage(catalogue: { readonly locales: readonly string[]; translator(locale: string): Translator }): readonly [string, string, AdaptiveCardJson][] {
  return catalogue.locales.flatMap((language) => {
    const t = catalogue.translator(language);
    // English golden files stay at the top of golden/, the others in a folder per language.
    const folder = language === 'en' ? '' : `${language}/`;
    return [...renderedCards(t), ...renderedApprovalCards(t)].map(([name, card]): [string, string, AdaptiveCardJson] => [language, `${folder}${name}.json`, card]);
  });
}
