import type { Assessment } from '../src/domain/assessment';
import type { ExternalPerson } from '../src/domain/external-person';
import type { GroupSummary } from '../src/domain/group-summary';
import { trustedMarkdown } from '../src/i18n/literal-text';
import type { Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, CardTemplate } from './adaptive-card';
import { requestSummaryElements, requestSummaryView, type TextColor } from './request-summary';
import template from './templates/confirmation-card.json';

const confirmationTemplate = new CardTemplate(template);

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

export interface ConfirmationCardView {
  /** The language of the card's texts (also how Teams words its dates). */
  readonly lang: string;
  readonly draftId: string;
  readonly title: string;
  readonly status: string;
  readonly statusColor: TextColor;
  readonly summary: unknown[];
  readonly showActions: boolean;
  readonly confirmLabel: string;
  readonly editLabel: string;
  readonly cancelLabel: string;
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
      return { status: t('card.confirm.status.notSubmitted', { reason: trustedMarkdown(status.reason) }), statusColor: 'Attention' };
  }
}

/** The translated view model of the confirmation card. */
export function confirmationCardView(
  draftId: string,
  subject: ConfirmationSubject,
  status: ConfirmationStatus,
  t: Translator,
): ConfirmationCardView {
  const { person, group, assessment, reason } = subject;
  const kind = group.classification.kind === 'supported' ? group.classification.groupKind : undefined;
  const summary = requestSummaryView(
    { person, assessment, reason, group: { displayName: group.displayName, ...(group.mail ? { mail: group.mail } : {}), ...(kind ? { kind } : {}) } },
    t,
  );
  return {
    lang: t.locale,
    draftId,
    title: t('card.confirm.title'),
    ...statusLine(status, t),
    summary: requestSummaryElements(summary),
    showActions: status.kind === 'open' || status.kind === 'not-submitted',
    confirmLabel: t('card.confirm.confirm'),
    editLabel: t('card.confirm.edit'),
    cancelLabel: t('card.confirm.cancel'),
  };
}

/** The card that shows a draft request before it is submitted, with Confirm, Edit and Cancel. */
export function confirmationCard(view: ConfirmationCardView): AdaptiveCardJson {
  return confirmationTemplate.expand(view);
}
