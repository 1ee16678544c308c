import { strict as assert } from 'node:assert';
import type { JournalEntry } from '../../../src/domain/access-request';
import { readJournal, remainingSteps } from '../../../src/domain/provisioning-journal';
import type { ProvisioningStep } from '../../../src/domain/provisioning-plan';

const at = '2026-11-22T10:00:00.000Z';
const contactSteps: ProvisioningStep[] = [
  { kind: 'create-mail-contact' },
  { kind: 'hide-mail-contact' },
  { kind: 'add-distribution-group-member' },
];

describe('provisioning journal', () => {
  it('an empty journal leaves every step to run', () => {
    assert.deepEqual(remainingSteps(contactSteps, readJournal([])), contactSteps);
  });

  it('after the contact was created, only the later steps remain and the contact is known', () => {
    const journal: JournalEntry[] = [
      { step: 'create-mail-contact', outcome: 'done', at, objectIds: { recipientId: 'c1', recipientIdentity: 'jane@partner.example' } },
    ];
    const progress = readJournal(journal);
    assert.equal(progress.recipientId, 'c1');
    assert.equal(progress.recipientIdentity, 'jane@partner.example');
    assert.deepEqual(remainingSteps(contactSteps, progress), [{ kind: 'hide-mail-contact' }, { kind: 'add-distribution-group-member' }]);
  });

  it('a failed step is run again, a failure after success does not undo the success', () => {
    const journal: JournalEntry[] = [
      { step: 'create-mail-contact', outcome: 'done', at, objectIds: { recipientId: 'c1' } },
      { step: 'add-distribution-group-member', outcome: 'failed', at, errorCode: 'throttled' },
    ];
    assert.deepEqual(remainingSteps(contactSteps, readJournal(journal)), [
      { kind: 'hide-mail-contact' },
      { kind: 'add-distribution-group-member' },
    ]);
  });

  it('a step that failed and then succeeded on retry counts as done', () => {
    const journal: JournalEntry[] = [
      { step: 'invite-guest', outcome: 'failed', at, errorCode: 'service-unavailable' },
      { step: 'invite-guest', outcome: 'done', at, objectIds: { recipientId: 'u9' } },
    ];
    const steps: ProvisioningStep[] = [{ kind: 'invite-guest' }, { kind: 'add-group-member' }];
    assert.deepEqual(remainingSteps(steps, readJournal(journal)), [{ kind: 'add-group-member' }]);
  });

  it('recording an existing recipient is skipped when an earlier run already recorded one', () => {
    const recipient = { kind: 'guest' as const, id: 'u9', displayName: 'Jane', email: 'jane@partner.example' };
    const steps: ProvisioningStep[] = [{ kind: 'use-existing-recipient', recipient }, { kind: 'add-group-member' }];
    const journal: JournalEntry[] = [{ step: 'invite-guest', outcome: 'done', at, objectIds: { recipientId: 'u9' } }];
    assert.deepEqual(remainingSteps(steps, readJournal(journal)), [{ kind: 'add-group-member' }]);
    assert.deepEqual(remainingSteps(steps, readJournal([])), steps);
  });

  it('ignores journal entries of other features', () => {
    const journal: JournalEntry[] = [{ step: 'allow-external-senders', outcome: 'done', at }];
    assert.deepEqual(readJournal(journal).completed.size, 0);
  });
});
