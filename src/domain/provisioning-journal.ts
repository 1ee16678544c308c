import type { JournalEntry } from './access-request';
import type { ProvisioningStep, ProvisioningStepName } from './provisioning-plan';

/** Keys of JournalEntry.objectIds written by the provisioning steps. */
export const JournalObjectKeys = {
  /** Entra object id of the recipient created or reused (guest user id, org contact id). */
  recipientId: 'recipientId',
  /** Exchange identity of the recipient (primary SMTP address), usable as -Member. */
  recipientIdentity: 'recipientIdentity',
  /** The group the step changed. */
  groupId: 'groupId',
} as const;

/** What earlier runs already achieved, read from a request's journal. */
export interface JournalProgress {
  /** Steps whose latest entry is done or reused. */
  readonly completed: ReadonlySet<ProvisioningStepName>;
  /** The recipient the journal knows about (from the latest step that recorded one). */
  readonly recipientId?: string;
  readonly recipientIdentity?: string;
}

const stepNames: ReadonlySet<string> = new Set<ProvisioningStepName>([
  'use-existing-recipient',
  'create-mail-contact',
  'hide-mail-contact',
  'add-distribution-group-member',
  'invite-guest',
  'add-group-member',
]);

export function readJournal(journal: readonly JournalEntry[]): JournalProgress {
  const latest = new Map<ProvisioningStepName, JournalEntry>();
  let recipientId: string | undefined;
  let recipientIdentity: string | undefined;
  for (const entry of journal) {
    if (!stepNames.has(entry.step)) continue;
    latest.set(entry.step as ProvisioningStepName, entry);
    if (entry.outcome === 'failed') continue;
    recipientId = entry.objectIds?.[JournalObjectKeys.recipientId] ?? recipientId;
    recipientIdentity = entry.objectIds?.[JournalObjectKeys.recipientIdentity] ?? recipientIdentity;
  }
  const completed = new Set<ProvisioningStepName>();
  for (const [step, entry] of latest) if (entry.outcome !== 'failed') completed.add(step);
  return {
    completed,
    ...(recipientId !== undefined ? { recipientId } : {}),
    ...(recipientIdentity !== undefined ? { recipientIdentity } : {}),
  };
}

/**
 * The planned steps an interrupted run still has to do. A step that wrote something
 * (create, hide, invite, add) and is journaled as done is never repeated; recording an existing
 * recipient costs nothing and is repeated only when no earlier step recorded a recipient.
 */
export function remainingSteps(steps: readonly ProvisioningStep[], progress: JournalProgress): ProvisioningStep[] {
  return steps.filter((step) => {
    if (step.kind === 'use-existing-recipient') return progress.recipientId === undefined && progress.recipientIdentity === undefined;
    return !progress.completed.has(step.kind);
  });
}
