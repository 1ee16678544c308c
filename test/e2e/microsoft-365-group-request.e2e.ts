import { strict as assert } from 'node:assert';
import { approve, chooseApprovalsConversation, waitForApprovalCard, waitForCompletedCard } from './support/approver-steps';
import { botTexts } from './support/bot-texts';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const guestEmail = 'sam.lee@fabrikam.example';

describe('e2e: a team owner brings an external person into a Microsoft 365 group as a guest, in the Teams client', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the requester names the only matching Microsoft 365 group and confirms; the approver approves; the guest is invited and added', async function () {
    const system = await session.start(this, { withApprover: true });
    const { people, requester } = system;
    const approver = system.approverClient;
    const group = people.microsoft365Group;

    await chooseApprovalsConversation(approver, t);
    const card = await fillInRequest(requester, t, {
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
    const requestId = await confirmRequest(requester, t, card);
    assert.deepEqual(await system.tenant.usersWithMail(guestEmail), [], 'no guest exists before approval');

    const subject = { requestId, name: 'Sam Lee', group: group.displayName };
    const approvalCard = await waitForApprovalCard(approver, t, subject);
    const sinceApproval = await requester.botMessages().count();
    await approve(approver, t, approvalCard, subject);
    await waitForCompletedCard(approver, t, approvalCard, subject, people.approver.displayName);
    const finalText = (await approvalCard.innerText()).replace(/\s+/g, ' ');
    assert.ok(finalText.includes(t('card.approval.step.done', { step: t('card.approval.stepName.invite-guest') })), 'the card lists the invitation as done');
    assert.ok(finalText.includes(t('card.approval.step.done', { step: t('card.approval.stepName.add-group-member') })), 'the card lists the membership as done');

    await requester.waitForBotMessage(t('notice.requester.completed', { name: 'Sam Lee', email: guestEmail, group: group.displayName, requestId }), sinceApproval);
    await requester.shot('told the guest is in the group');

    // The simulated tenant over Graph: one guest user with the address, a member of the group.
    const guests = await system.tenant.usersWithMail(guestEmail);
    assert.equal(guests.length, 1, 'one user has the address');
    assert.equal(guests[0]!.userType, 'Guest', 'the user is a guest');
    const members = await system.tenant.groupMembers(group.id);
    assert.ok(members.some((m) => m.id === guests[0]!.id), `the guest is a member of ${group.displayName}`);
    assert.deepEqual(await system.tenant.mailContacts(guestEmail), [], 'no mail contact was created on this path');
  });
});
