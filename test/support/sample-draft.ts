import type { PendingDraft } from '../../dialogs/intake-values';
import { ada, tenantId } from './contoso-fake-tenant';

/** Ada's draft to bring Jane Doe into the Project Falcon Microsoft 365 group, ready to confirm. */
export function sampleDraft(overrides: Partial<PendingDraft> = {}): PendingDraft {
  return {
    id: 'draft-1',
    tenantId,
    requester: ada,
    subject: {
      person: { email: 'jane.doe@fabrikam.com', firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe' },
      group: { id: 'g-falcon', displayName: 'Project Falcon', mail: 'falcon@contoso.com', classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' } },
      assessment: { groupKind: 'microsoft-365', path: 'guest', alreadyMember: false, internalSendersOnly: false, guestsAllowed: true },
      reason: 'Falcon launch',
    },
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}
