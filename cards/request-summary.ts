import type { Assessment } from '../src/domain/assessment';
import type { ExternalPerson } from '../src/domain/external-person';
import type { SupportedGroupKind } from '../src/domain/group-kind';
import { literalText } from '../src/i18n/literal-text';
import type { Translator } from '../src/i18n/message-catalogue';
import { CardTemplate } from './adaptive-card';
import fragment from './templates/fragments/request-summary.json';

const summaryTemplate = new CardTemplate({ items: fragment });

/** What a request is about: shown the same way to the requester (confirmation) and to approvers. */
export interface RequestSubject {
  readonly person: ExternalPerson;
  readonly group: { readonly displayName: string; readonly mail?: string; readonly kind?: SupportedGroupKind };
  readonly assessment: Assessment;
  readonly reason: string;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention';

export interface RequestSummaryView {
  readonly personHeading: string;
  readonly personFacts: readonly Fact[];
  readonly groupHeading: string;
  readonly groupFacts: readonly Fact[];
  readonly pathHeading: string;
  readonly path: string;
  readonly checksHeading: string;
  readonly checks: readonly { readonly text: string; readonly color: TextColor }[];
}

function pathText(subject: RequestSubject, t: Translator, stage: SummaryStage): string {
  const { assessment, group, person } = subject;
  const existing = assessment.existingRecipient;
  const params = { group: group.displayName, name: person.displayName, email: person.email };
  const prefix = stage === 'done' ? 'card.summary.pathDone' : 'card.summary.path';
  if (assessment.path === 'mail-contact') {
    return existing
      ? t(`${prefix}.mailContact.reuse`, { ...params, kind: existing.kind, existing: existing.displayName })
      : t(`${prefix}.mailContact.create`, params);
  }
  return existing ? t(`${prefix}.guest.reuse`, { ...params, existing: existing.displayName }) : t(`${prefix}.guest.invite`, params);
}

function checks(subject: RequestSubject, t: Translator): RequestSummaryView['checks'] {
  const { assessment, group, person } = subject;
  const params = { group: group.displayName, name: person.displayName, email: person.email };
  const found: { text: string; color: TextColor }[] = [];
  if (assessment.existingRecipient) {
    found.push({
      text: t('card.summary.check.existingRecipient', {
        ...params,
        kind: assessment.existingRecipient.kind,
        existing: assessment.existingRecipient.displayName,
      }),
      color: 'Default',
    });
  }
  if (assessment.alreadyMember) found.push({ text: t('card.summary.check.alreadyMember', params), color: 'Warning' });
  if (assessment.internalSendersOnly) found.push({ text: t('card.summary.check.internalSendersOnly', params), color: 'Warning' });
  if (assessment.guestsAllowed === false) found.push({ text: t('card.summary.check.guestsNotAllowed', params), color: 'Attention' });
  if (!assessment.alreadyMember && !assessment.internalSendersOnly && assessment.guestsAllowed !== false) {
    found.push({ text: t('card.summary.check.allClear'), color: 'Good' });
  }
  return found;
}

/**
 * Before a request is carried out the summary says what will happen and lists the pre-checks;
 * once it is done, the pre-checks are moot and the path is told in the past.
 */
export type SummaryStage = 'before' | 'done';

/** The translated summary of a request: the person, the group, what will happen and the pre-checks. */
export function requestSummaryView(subject: RequestSubject, t: Translator, stage: SummaryStage = 'before'): RequestSummaryView {
  const { person, group, reason } = subject;
  return {
    personHeading: t('card.summary.personHeading'),
    // Fact values are card text too: what people typed and what the directory holds shows literally.
    personFacts: [
      { title: t('card.summary.fact.displayName'), value: literalText(person.displayName) },
      { title: t('card.summary.fact.email'), value: literalText(person.email) },
      { title: t('card.summary.fact.firstName'), value: literalText(person.firstName) },
      { title: t('card.summary.fact.lastName'), value: literalText(person.lastName) },
      { title: t('card.summary.fact.company'), value: person.company !== undefined ? literalText(person.company) : t('card.summary.fact.none') },
      { title: t('card.summary.fact.reason'), value: literalText(reason) },
    ],
    groupHeading: t('card.summary.groupHeading'),
    groupFacts: [
      { title: t('card.summary.fact.groupName'), value: literalText(group.displayName) },
      { title: t('card.summary.fact.groupMail'), value: group.mail !== undefined ? literalText(group.mail) : t('card.summary.fact.none') },
      { title: t('card.summary.fact.groupKind'), value: group.kind ? t(`card.groupKind.${group.kind}`) : t('card.groupKind.unsupported') },
    ],
    pathHeading: t(stage === 'done' ? 'card.summary.pathHeadingDone' : 'card.summary.pathHeading'),
    path: pathText(subject, t, stage),
    checksHeading: t('card.summary.checksHeading'),
    checks: stage === 'done' ? [] : checks(subject, t),
  };
}

/** The summary as card elements, ready to place in a card template's `"items": "${summary}"`. */
export function requestSummaryElements(view: RequestSummaryView): unknown[] {
  const expanded: unknown = summaryTemplate.expand(view)['items'];
  if (!Array.isArray(expanded)) throw new Error('The request summary fragment did not expand to a list of elements');
  return expanded;
}
