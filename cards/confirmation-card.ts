import type { Assessment } from '../src/domain/assessment';
import type { ExternalPerson } from '../src/domain/external-person';
import type { GroupSummary } from '../src/domain/group-summary';
import type { RecipientKind } from '../src/domain/recipient';
import type { Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, expandCardTemplate } from './adaptive-card';
import template from './templates/confirmation-card.json';

/** What the requester is about to submit. */
export interface ConfirmationSubject {
  readonly person: ExternalPerson;
  readonly group: GroupSummary;
  readonly assessment: Assessment;
  readonly reason: string;
}

/** Where the card stands: open shows the buttons; every other state is final for this copy of the card. */
export type ConfirmationStatus =
  | { readonly kind: 'open' }
  | { readonly kind: 'submitted'; readonly requestId: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'editing' }
  /** Submission was refused (something changed since the card was shown); `reason` is translated text. */
  | { readonly kind: 'not-submitted'; readonly reason: string };

interface Fact {
  readonly title: string;
  readonly value: string;
}

type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention';

export interface ConfirmationCardView {
  readonly draftId: string;
  readonly title: string;
  readonly status: string;
  readonly statusColor: TextColor;
  readonly personHeading: string;
  readonly personFacts: readonly Fact[];
  readonly groupHeading: string;
  readonly groupFacts: readonly Fact[];
  readonly pathHeading: string;
  readonly path: string;
  readonly checksHeading: string;
  readonly checks: readonly { readonly text: string; readonly color: TextColor }[];
  readonly showActions: boolean;
  readonly confirmLabel: string;
  readonly editLabel: string;
  readonly cancelLabel: string;
}

function recipientKindLabel(kind: RecipientKind, t: Translator): string {
  return t(`card.recipientKind.${kind}`);
}

function pathText(subject: ConfirmationSubject, t: Translator): string {
  const { assessment, group, person } = subject;
  const existing = assessment.existingRecipient;
  const params = { group: group.displayName, name: person.displayName, email: person.email };
  if (assessment.path === 'mail-contact') {
    return existing
      ? t('card.confirm.path.mailContact.reuse', { ...params, kind: recipientKindLabel(existing.kind, t), existing: existing.displayName })
      : t('card.confirm.path.mailContact.create', params);
  }
  return existing
    ? t('card.confirm.path.guest.reuse', { ...params, existing: existing.displayName })
    : t('card.confirm.path.guest.invite', params);
}

function checks(subject: ConfirmationSubject, t: Translator): ConfirmationCardView['checks'] {
  const { assessment, group, person } = subject;
  const params = { group: group.displayName, name: person.displayName, email: person.email };
  const found: { text: string; color: TextColor }[] = [];
  if (assessment.existingRecipient) {
    found.push({
      text: t('card.confirm.check.existingRecipient', {
        ...params,
        kind: recipientKindLabel(assessment.existingRecipient.kind, t),
        existing: assessment.existingRecipient.displayName,
      }),
      color: 'Default',
    });
  }
  if (assessment.alreadyMember) found.push({ text: t('card.confirm.check.alreadyMember', params), color: 'Warning' });
  if (assessment.internalSendersOnly) found.push({ text: t('card.confirm.check.internalSendersOnly', params), color: 'Warning' });
  if (assessment.guestsAllowed === false) found.push({ text: t('card.confirm.check.guestsNotAllowed', params), color: 'Attention' });
  if (!assessment.alreadyMember && !assessment.internalSendersOnly && assessment.guestsAllowed !== false) {
    found.push({ text: t('card.confirm.check.allClear'), color: 'Good' });
  }
  return found;
}

function statusLine(status: ConfirmationStatus, t: Translator): { status: string; statusColor: TextColor } {
  switch (status.kind) {
    case 'open':
      return { status: '', statusColor: 'Default' };
    case 'submitted':
      return { status: t('card.confirm.status.submitted', { requestId: status.requestId }), statusColor: 'Good' };
    case 'cancelled':
      return { status: t('card.confirm.status.cancelled'), statusColor: 'Attention' };
    case 'editing':
      return { status: t('card.confirm.status.editing'), statusColor: 'Default' };
    case 'not-submitted':
      return { status: t('card.confirm.status.notSubmitted', { reason: status.reason }), statusColor: 'Attention' };
  }
}

/** The translated view model of the confirmation card. */
export function confirmationCardView(
  draftId: string,
  subject: ConfirmationSubject,
  status: ConfirmationStatus,
  t: Translator,
): ConfirmationCardView {
  const { person, group, reason } = subject;
  const groupKind =
    group.classification.kind === 'supported' ? t(`card.groupKind.${group.classification.groupKind}`) : t('card.groupKind.unsupported');
  return {
    draftId,
    title: t('card.confirm.title'),
    ...statusLine(status, t),
    personHeading: t('card.confirm.personHeading'),
    personFacts: [
      { title: t('card.confirm.fact.displayName'), value: person.displayName },
      { title: t('card.confirm.fact.email'), value: person.email },
      { title: t('card.confirm.fact.firstName'), value: person.firstName },
      { title: t('card.confirm.fact.lastName'), value: person.lastName },
      { title: t('card.confirm.fact.company'), value: person.company ?? t('card.confirm.fact.none') },
      { title: t('card.confirm.fact.reason'), value: reason },
    ],
    groupHeading: t('card.confirm.groupHeading'),
    groupFacts: [
      { title: t('card.confirm.fact.groupName'), value: group.displayName },
      { title: t('card.confirm.fact.groupMail'), value: group.mail ?? t('card.confirm.fact.none') },
      { title: t('card.confirm.fact.groupKind'), value: groupKind },
    ],
    pathHeading: t('card.confirm.pathHeading'),
    path: pathText(subject, t),
    checksHeading: t('card.confirm.checksHeading'),
    checks: checks(subject, t),
    showActions: status.kind === 'open' || status.kind === 'not-submitted',
    confirmLabel: t('card.confirm.confirm'),
    editLabel: t('card.confirm.edit'),
    cancelLabel: t('card.confirm.cancel'),
  };
}

/** The card that shows a draft request before it is submitted, with Confirm, Edit and Cancel. */
export function confirmationCard(view: ConfirmationCardView): AdaptiveCardJson {
  return expandCardTemplate(template, view);
}
