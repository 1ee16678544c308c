import { strict as assert } from 'node:assert';
import { botTexts } from './support/bot-texts';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const guestEmail = 'sam.lee@fabrikam.example';

describe('e2e: a team owner invites an external person as a guest into a Microsoft 365 group, in the Teams client', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the requester names the only matching Microsoft 365 group; the card says a guest is invited, and confirming submits it', async function () {
    const system = await session.start(this, { withApprover: false });
    const group = system.people.microsoft365Group;

    const card = await fillInRequest(system.requester, t, {
      email: guestEmail,
      firstName: 'Sam',
      lastName: 'Lee',
      company: 'Fabrikam',
      groupQuery: 'Marketing',
      groupName: group.displayName,
      groupMail: group.mail!,
      onlyMatch: true,
      reason: 'Sam produces the spring campaign videos and needs the campaign files and mail.',
    });
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    assert.ok(cardText.includes(t('card.groupKind.microsoft-365')), 'the card says the group is a Microsoft 365 group');
    assert.ok(
      cardText.includes(t('card.summary.path.guest.invite', { name: 'Sam Lee', email: guestEmail, group: group.displayName })),
      'the card says the person is invited as a guest and added as a member',
    );

    await confirmRequest(system.requester, t, card);

    // No invitation and no membership before an admin approves.
    assert.deepEqual(await system.tenant.usersWithMail(guestEmail), [], 'no guest user exists yet');
    const members = await system.tenant.groupMembers(group.id);
    assert.ok(!members.some((m) => (m.mail ?? '').toLowerCase() === guestEmail), `${guestEmail} is not yet a member of ${group.displayName}`);
  });
});
