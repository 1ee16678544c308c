import { strict as assert } from 'node:assert';
import type { Locator } from 'playwright-core';
import { approve, chooseApprovalsConversation, waitForApprovalCard, waitForCompletedCard } from './support/approver-steps';
import { botTexts } from './support/bot-texts';
import { checkCardLayout, type CardLayoutReport } from './support/card-layout';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';
import { phoneCardWidth, phoneViewport, type TeamsClient } from './support/teams-client';

describe('e2e: every card reads well at a phone width (375 px)', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the welcome, group choice, confirmation and approval cards keep all their text and buttons inside a phone-wide card', async function () {
    const system = await session.start(this, { withApprover: true, phone: true });
    const approver = system.approverClient;
    const group = system.people.distributionGroup;
    const reports = new Map<string, CardLayoutReport>();
    const check = (client: TeamsClient) => async (name: string, card: Locator): Promise<void> => {
      await client.cardShot(card, `${name} card at ${phoneViewport.width} px`);
      reports.set(name, await checkCardLayout(card));
    };

    await chooseApprovalsConversation(approver, t);
    const card = await fillInRequest(
      system.requester,
      t,
      {
        email: 'jane.doe@partner.example',
        firstName: 'Jane',
        lastName: 'Doe',
        company: 'Partner Ltd',
        groupQuery: 'Sales',
        groupName: group.displayName,
        groupMail: group.mail!,
        reason: 'Jane runs the joint sales pipeline with us and needs the partner announcements.',
      },
      check(system.requester),
    );
    const requestId = await confirmRequest(system.requester, t, card, check(system.requester));
    const subject = { requestId, name: 'Jane Doe', group: group.displayName };
    const approvalCard = await waitForApprovalCard(approver, t, subject, check(approver));
    await approve(approver, t, approvalCard, subject);
    await waitForCompletedCard(approver, t, approvalCard, subject, system.people.approver.displayName);
    await check(approver)('approval, completed', approvalCard);

    assert.deepEqual([...reports.keys()], ['welcome', 'group choice', 'confirmation', 'confirmation, submitted', 'approval, pending', 'approval, completed']);
    for (const [name, report] of reports) {
      assert.equal(report.viewportWidth, phoneViewport.width, `${name}: the screen is a phone's`);
      assert.ok(report.cardWidth <= phoneCardWidth, `${name}: the card is ${report.cardWidth} px wide, at most ${phoneCardWidth}`);
      assert.ok(report.checked > 3, `${name}: the check saw the card's elements`);
    }
    const problems = [...reports].flatMap(([name, report]) => report.problems.map((p) => `${name} card: ${p}`));
    assert.deepEqual(problems, [], `cut off at ${phoneViewport.width} px:\n${problems.join('\n')}`);
  });
});
