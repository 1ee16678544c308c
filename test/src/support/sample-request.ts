import type { AccessRequest } from '../../../src/domain/access-request';

/** A pending request to add Jane (partner.example) to the Sales distribution group; fixed dates. */
export function sampleRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: 'R-7K3F9Q',
    tenantId: 'tenant-1',
    requester: { aadObjectId: 'requester-1', name: 'Megan Bowen' },
    person: { email: 'jane@partner.example', firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe', company: 'Partner' },
    group: { id: 'group-1', displayName: 'Sales', mail: 'sales@contoso.com', kind: 'distribution' },
    reason: 'Joint project',
    assessment: { groupKind: 'distribution', path: 'mail-contact', alreadyMember: false, internalSendersOnly: true },
    status: 'pending-approval',
    createdAt: '2026-11-02T09:00:00.000Z',
    journal: [],
    ...overrides,
  };
}
