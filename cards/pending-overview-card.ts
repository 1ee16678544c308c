import type { AccessRequest } from '../src/domain/access-request';
import type { AgeGroup } from '../src/domain/approval-timers';
import type { Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, CardTemplate } from './adaptive-card';
import { cardDateTime } from './card-time';
import { elapsedSpan, spanText } from './time-span';
import template from './templates/pending-overview-card.json';

const overviewTemplate = new CardTemplate(template);

/** One waiting request as the overview lists it. */
export interface OverviewEntry {
  readonly request: AccessRequest;
  readonly waitedMs: number;
  readonly age: AgeGroup;
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly escalated: boolean;
}

export interface PendingOverviewView {
  readonly lang: string;
  readonly title: string;
  readonly intro: string;
  readonly groups: readonly { readonly heading: string; readonly items: readonly { readonly title: string; readonly timing: string }[] }[];
  readonly more: string;
  readonly cardsFollow: string;
}

/** At most this many requests are listed (the card stays well under Teams' 28 KB). */
export const overviewLimit = 40;

const ageOrder: readonly AgeGroup[] = ['week', 'days', 'today'];

/**
 * The approvers' overview of what waits for a decision ("pending"): grouped by age, oldest first,
 * each with how long it has waited and when it expires; `cardsShown` approval cards follow it.
 */
export function pendingOverviewView(entries: readonly OverviewEntry[], cardsShown: number, t: Translator, escalatedOnly = false): PendingOverviewView {
  const listed = entries.slice(0, overviewLimit);
  const groups = ageOrder
    .map((age) => listed.filter((entry) => entry.age === age))
    .filter((group) => group.length > 0)
    .map((group) => ({
      heading: t('card.pending.group', { age: group[0]?.age ?? 'today', count: group.length }),
      items: group.map(({ request, waitedMs, expiresAt, escalated }) => ({
        title: t('card.pending.item', { requestId: request.id, name: request.person.displayName, group: request.group.displayName, requester: request.requester.name }),
        timing: t('card.pending.itemTiming', { escalated: escalated ? 'yes' : 'no', waited: spanText(elapsedSpan(waitedMs), t), at: cardDateTime(expiresAt) }),
      })),
    }));
  return {
    lang: t.locale,
    title: t('card.pending.title', { count: entries.length }),
    intro: escalatedOnly ? t('card.pending.escalatedOnly') : '',
    groups,
    more: entries.length > listed.length ? t('card.pending.more', { count: entries.length - listed.length }) : '',
    cardsFollow: cardsShown > 0 ? t('card.pending.cardsFollow', { count: cardsShown }) : '',
  };
}

export function pendingOverviewCard(view: PendingOverviewView): AdaptiveCardJson {
  return overviewTemplate.expand(view);
}
