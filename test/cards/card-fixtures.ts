import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { confirmationCard, confirmationCardView, type ConfirmationStatus, type ConfirmationSubject } from '../../cards/confirmation-card';
import { welcomeCard, welcomeCardView } from '../../cards/welcome-card';
import { t } from '../support/dialog-harness';

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

/** Every card the bot can send, filled as a user would see it, by golden file name. */
export const renderedCards: readonly [string, AdaptiveCardJson][] = [
  ['welcome', welcomeCard(welcomeCardView(t))],
  ...statuses.map(([name, status]): [string, AdaptiveCardJson] => [
    `confirmation-distribution-${name}`,
    confirmationCard(confirmationCardView('draft-1', distributionSubject, status, t)),
  ]),
  ['confirmation-guest-open', confirmationCard(confirmationCardView('draft-2', guestSubject, { kind: 'open' }, t))],
];

