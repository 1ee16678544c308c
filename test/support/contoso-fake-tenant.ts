import type { FakeTenant } from './fake-request-intake';

/** The requester of the fake tenant: owns most of its groups. */
export const ada = { aadObjectId: '00000000-0000-0000-0000-00000000a0a0', name: 'Ada Owner' } as const;
/** Another member of the organisation: owns nothing relevant. */
export const bob = { aadObjectId: '00000000-0000-0000-0000-00000000b0b0', name: 'Bob Bystander' } as const;

export const tenantId = '11111111-2222-3333-4444-555555555555';

/** A small tenant with a group of every kind, for the dialog and router tests. */
export function contosoFakeTenant(): FakeTenant {
  const owners = [ada.aadObjectId];
  return {
    tenantId,
    verifiedDomains: ['contoso.com', 'contoso.onmicrosoft.com'],
    recipients: [
      { kind: 'mail-contact', id: 'c-jane', displayName: 'Jane Contact', email: 'jane@fabrikam.com', exchangeIdentity: 'jane@fabrikam.com' },
      { kind: 'guest', id: 'u-gus', displayName: 'Gus Guest', email: 'gus@northwind.com' },
      { kind: 'member-user', id: 'u-tom', displayName: 'Tom Member', email: 'tom@litware.com' },
      { kind: 'group', id: 'g-alias', displayName: 'Partner Alias', email: 'partners@litware.com' },
    ],
    groups: [
      {
        summary: {
          id: 'g-sales',
          displayName: 'Sales Partners',
          mail: 'sales-partners@contoso.com',
          classification: { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' },
        },
        owners,
        internalSendersOnly: true,
        memberEmails: ['jane@fabrikam.com'],
      },
      {
        summary: {
          id: 'g-sales-dyn',
          displayName: 'Sales Dynamic',
          mail: 'sales-dynamic@contoso.com',
          classification: { kind: 'unsupported', reason: 'dynamic-membership' },
        },
        owners,
      },
      {
        summary: {
          id: 'g-sales-legacy',
          displayName: 'Sales Legacy',
          mail: 'sales-legacy@contoso.com',
          classification: { kind: 'unsupported', reason: 'synced-from-on-premises' },
        },
        owners,
      },
      {
        summary: {
          id: 'g-falcon',
          displayName: 'Project Falcon',
          mail: 'falcon@contoso.com',
          classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
        },
        owners,
      },
      {
        summary: {
          id: 'g-hawk',
          displayName: 'Project Hawk',
          mail: 'hawk@contoso.com',
          classification: { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
        },
        owners,
        guestsRefusedBy: 'group',
      },
      {
        summary: { id: 'g-secure', displayName: 'Secure Files', classification: { kind: 'unsupported', reason: 'security-group' } },
        owners,
      },
      {
        summary: {
          id: 'g-finance',
          displayName: 'Finance Vendors',
          mail: 'finance-vendors@contoso.com',
          classification: { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' },
        },
        owners: [bob.aadObjectId],
      },
    ],
  };
}
