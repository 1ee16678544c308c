import type { GroupCheck } from '../../src/app/request-intake';
import type { Assessment } from '../../src/domain/assessment';
import type { GroupSummary } from '../../src/domain/group-summary';
import { foldForMatching } from './text-validators';
import { type Verdict, type Problem, accept, reject } from './verdict';

/** The label a group is offered under: its name, and its address where it has one. */
export function groupChoiceLabel(group: GroupSummary): string {
  return group.mail ? `${group.displayName} (${group.mail})` : group.displayName;
}

export type GroupChoice = { readonly kind: 'group'; readonly group: GroupSummary } | { readonly kind: 'search-again' };

/**
 * Matches an answer to the offered groups: by its number in the list, by its label, or by its name
 * when that name is unique in the list. `searchAgainWords` ask for a new search.
 */
export function matchGroupChoice(text: string, groups: readonly GroupSummary[], searchAgainWords: readonly string[]): Verdict<GroupChoice> {
  const answer = text.trim().replace(/\s+/g, ' ');
  const lowered = foldForMatching(answer);
  if (lowered === '') return reject('intake.group.choice.empty', { count: groups.length });
  if (searchAgainWords.includes(lowered)) return accept({ kind: 'search-again' });
  if (/^\d+$/.test(answer)) {
    const group = groups[Number(answer) - 1];
    return group ? accept({ kind: 'group', group }) : reject('intake.group.choice.outOfRange', { number: answer, count: groups.length });
  }
  const byLabel = groups.find((group) => foldForMatching(groupChoiceLabel(group)) === lowered);
  if (byLabel) return accept({ kind: 'group', group: byLabel });
  const byName = groups.filter((group) => foldForMatching(group.displayName) === lowered);
  if (byName.length === 1 && byName[0]) return accept({ kind: 'group', group: byName[0] });
  if (byName.length > 1) return reject('intake.group.choice.ambiguous', { name: answer });
  return reject('intake.group.choice.unknown', { answer, count: groups.length });
}

export interface PickedGroup {
  readonly group: GroupSummary;
  readonly assessment: Assessment;
}

/** Why a group check refused the group, with what to do instead, as a catalogue message. */
export function groupRefusal(check: Exclude<GroupCheck, { kind: 'ok' }>, fallbackName: string): Problem {
  switch (check.kind) {
    case 'not-found':
      return { key: 'intake.group.refused.notFound', params: { group: fallbackName } };
    case 'not-owner':
      return { key: 'intake.group.refused.notOwner', params: { group: check.group.displayName } };
    case 'unsupported':
      return { key: `intake.group.refused.${check.reason}`, params: { group: check.group.displayName } };
    case 'guests-not-allowed':
      return { key: `intake.group.refused.guestsNotAllowed.${check.scope}`, params: { group: check.group.displayName } };
    case 'recipient-conflict':
      return {
        key: `intake.group.refused.recipientConflict.${check.reason}`,
        params: { group: check.group.displayName, email: check.existingRecipient.email, name: check.existingRecipient.displayName },
      };
  }
}

/** Turns the application's verdict on a group into the group to record or the refusal to explain. */
export function interpretGroupCheck(check: GroupCheck, fallbackName: string): Verdict<PickedGroup> {
  if (check.kind === 'ok') return accept({ group: check.group, assessment: check.assessment });
  const problem = groupRefusal(check, fallbackName);
  return problem.params ? reject(problem.key, problem.params) : reject(problem.key);
}
