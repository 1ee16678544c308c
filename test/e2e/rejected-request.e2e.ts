import { strict as assert } from 'node:assert';
import { chooseApprovalsConversation, rejectWithReason, waitForApprovalCard } from './support/approver-steps';
import { botTexts } from './support/bot-texts';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const externalEmail = 'max.mustermann@competitor.example';
const reason = 'Competitors may not receive our partner announcements.';

describe('e2e: an approver rejects a request with a reason, in the Teams client', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the approver writes a reason and rejects; the card shows it, the requester reads it, and nothing changes in the tenant', async function () {
    const system = await session.start(this, { withApprover: true });
    const { people, requester } = system;
    const approver = system.approverClient;
    const group = people.distributionGroup;

    await chooseApprovalsConversation(approver, t);
    const card = await fillInRequest(requester, t, {
      email: externalEmail,
      firstName: 'Max',
      lastName: 'Mustermann',
      company: 'Competitor GmbH',
      groupQuery: 'Sales',
      groupName: group.displayName,
      groupMail: group.mail!,
      reason: 'Max wants to follow our partner programme announcements.',
    });
    const requestId = await confirmRequest(requester, t, card);

    const subject = { requestId, name: 'Max Mustermann', group: group.displayName };
    const approvalCard = await waitForApprovalCard(approver, t, subject);
    const sinceDecision = await requester.botMessages().count();
    await rejectWithReason(approver, t, approvalCard, reason, people.approver.displayName);
    await approver.cardShot(approvalCard, 'approval card, rejected');

    await requester.waitForBotMessage(t('notice.requester.rejected', { by: people.approver.displayName, reason, ...subject }), sinceDecision);
    await requester.shot('told the request was rejected');

    assert.deepEqual(await system.tenant.mailContacts(externalEmail), [], 'no mail contact was created');
    const members = await system.tenant.distributionGroupMembers(group.mail!);
    assert.ok(!members.some((m) => JSON.stringify(m).toLowerCase().includes(externalEmail)), `${externalEmail} is not a member of ${group.displayName}`);
  });
});
