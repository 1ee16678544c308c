import type { AccessRequest } from '../src/domain/access-request';
import type { Translator } from '../src/i18n/message-catalogue';
import { cardDateTime } from './card-time';
import { elapsedSpan, expirySpan, spanWithinText } from './time-span';

/**
 * What a card says about time for a request nobody has decided yet: when it expires, and that it
 * went to the escalation approvers. Lines for the card's status box (empty once it is decided).
 */
export function timingLines(request: AccessRequest, t: Translator): string[] {
  const timers = request.timers;
  if (request.status !== 'pending-approval' || timers === undefined) return [];
  const lines: string[] = [];
  if (timers.escalatedAt !== undefined) lines.push(t('card.approval.timing.escalated', { at: cardDateTime(timers.escalatedAt) }));
  lines.push(t('card.approval.timing.expires', { at: cardDateTime(timers.expiresAt) }));
  return lines;
}

/** "in 10 working days": how long nobody decided an expired request, as its policy said when it was submitted. */
export function expiredWithin(request: AccessRequest, t: Translator): string {
  const span = request.timers
    ? expirySpan(request.timers)
    : elapsedSpan(Date.parse(request.updatedAt ?? request.createdAt) - Date.parse(request.createdAt));
  return spanWithinText(span, t);
}
