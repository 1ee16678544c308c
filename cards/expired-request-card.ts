import type { AccessRequest } from '../src/domain/access-request';
import type { Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, CardTemplate } from './adaptive-card';
import type { Fact, TextColor } from './request-summary';
import { expiredWithin } from './request-timing';
import template from './templates/expired-request-card.json';

const expiredTemplate = new CardTemplate(template);

/** Where asking again stands: not yet (the button), done as a new request, or refused with the reason (translated). */
export type ResubmitStatus =
  | { readonly kind: 'open' }
  | { readonly kind: 'resubmitted'; readonly requestId: string }
  | { readonly kind: 'resubmitting' }
  | { readonly kind: 'not-resubmitted'; readonly reason: string };

export interface ExpiredRequestCardView {
  readonly lang: string;
  readonly requestId: string;
  readonly title: string;
  readonly text: string;
  readonly facts: readonly Fact[];
  readonly status: string;
  readonly statusColor: TextColor;
  readonly showAskAgain: boolean;
  readonly askAgainLabel: string;
}

function statusLine(status: ResubmitStatus, t: Translator): { status: string; statusColor: TextColor } {
  switch (status.kind) {
    case 'open':
      return { status: '', statusColor: 'Default' };
    case 'resubmitted':
      return { status: t('card.expired.status.resubmitted', { requestId: status.requestId }), statusColor: 'Good' };
    case 'resubmitting':
      return { status: t('card.expired.status.resubmitting'), statusColor: 'Default' };
    case 'not-resubmitted':
      return { status: t('card.expired.status.notResubmitted', { reason: status.reason }), statusColor: 'Attention' };
  }
}

/**
 * The requester's notice that nobody decided their request in time: what it was, that nothing was
 * changed, and Ask again, which sends the same details for approval once more (one tap).
 */
export function expiredRequestCardView(request: AccessRequest, status: ResubmitStatus, t: Translator): ExpiredRequestCardView {
  const params = { requestId: request.id, name: request.person.displayName, group: request.group.displayName };
  return {
    lang: t.locale,
    requestId: request.id,
    title: t('card.expired.title', params),
    text: t('notice.requester.expired', { ...params, within: expiredWithin(request, t) }),
    facts: [
      { title: t('card.summary.fact.displayName'), value: request.person.displayName },
      { title: t('card.summary.fact.email'), value: request.person.email },
      { title: t('card.expired.fact.group'), value: request.group.displayName },
      { title: t('card.summary.fact.reason'), value: request.reason },
    ],
    ...statusLine(status, t),
    showAskAgain: status.kind === 'open' || status.kind === 'not-resubmitted',
    askAgainLabel: t('card.expired.askAgain'),
  };
}

export function expiredRequestCard(view: ExpiredRequestCardView): AdaptiveCardJson {
  return expiredTemplate.expand(view);
}
