import { strict as assert } from 'node:assert';
import { approve, chooseApprovalsConversation, waitForApprovalCard, waitForCompletedCard, waitForWaitingCard } from './support/approver-steps';
import { botTexts, textPattern } from './support/bot-texts';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const externalEmail = 'jane.doe@partner.example';
/** As on a real tenant, a new contact takes a while to be visible everywhere: tens of seconds here. */
const replicationDelayMs = 20_000;

describe('e2e: a team owner adds an external person to a distribution group, in the Teams client', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the requester fills in and confirms (correcting an internal address); an approver approves on the card; the bot waits for Exchange to catch up with the new contact, then adds it', async function () {
    // The waits for Exchange are real time (about 20 s): more room than the suite's default.
    this.timeout(300_000);
    const system = await session.start(this, {
      withApprover: true,
      faults: { replicationDelayMs },
      // Short waits so the scenario stays quick: 3 s, then 6, 12... (15 s doubling on a real tenant).
      botEnv: { DIRECTORY_WAIT_FIRST_SECONDS: '3', DIRECTORY_WAIT_CHECK_SECONDS: '1', DIRECTORY_WAIT_LIMIT_MINUTES: '3' },
    });
    const { people, requester } = system;
    const approver = system.approverClient;
    const group = people.distributionGroup;

    await chooseApprovalsConversation(approver, t);

    const card = await fillInRequest(requester, t, {
      mistakenEmail: { address: `someone@${people.internalDomain}`, domain: people.internalDomain },
      email: externalEmail,
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Partner Ltd',
      groupQuery: 'Sales',
      groupName: group.displayName,
      groupMail: group.mail!,
      reason: 'Jane runs the joint sales pipeline with us and needs the partner announcements.',
    });
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    assert.ok(cardText.includes(t('card.groupKind.distribution')), 'the card says the group is a distribution group');
    assert.ok(
      cardText.includes(t('card.summary.path.mailContact.create', { name: 'Jane Doe', email: externalEmail, group: group.displayName })),
      'the card says a mail contact will be created and added',
    );
    const requestId = await confirmRequest(requester, t, card);

    // Nothing changes in the directory before an admin approves.
    assert.deepEqual(await system.tenant.mailContacts(externalEmail), [], 'no mail contact exists before approval');

    const subject = { requestId, name: 'Jane Doe', group: group.displayName };
    const approvalCard = await waitForApprovalCard(approver, t, subject);
    const approvalText = (await approvalCard.innerText()).replace(/\s+/g, ' ');
    for (const shown of [externalEmail, 'Partner Ltd', people.requester.displayName, 'Jane runs the joint sales pipeline']) {
      assert.ok(approvalText.includes(shown), `the approval card shows "${shown}"`);
    }

    const sinceApproval = await requester.botMessages().count();
    await approve(approver, t, approvalCard, subject);

    // The contact exists, but Exchange cannot resolve it yet: the request waits, and says so.
    await waitForWaitingCard(approver, t, approvalCard, subject, people.approver.displayName);
    const waitingText = (await approvalCard.innerText()).replace(/\s+/g, ' ');
    assert.ok(waitingText.includes(t('card.approval.step.done', { step: t('card.approval.stepName.create-mail-contact') })), 'the contact is already created');
    assert.ok(!(await approver.cardButton(approvalCard, t('card.approval.retry')).isVisible()), 'a wait is not a failure: no Retry');
    await requester.waitForBotMessage(
      t('notice.requester.waiting-for-directory', { service: t('card.approval.waitService.exchange'), ...subject }),
      sinceApproval,
    );
    await requester.shot('told the request waits for Exchange');

    await waitForCompletedCard(approver, t, approvalCard, subject, people.approver.displayName, replicationDelayMs * 3);
    const finalText = (await approvalCard.innerText()).replace(/\s+/g, ' ');
    assert.ok(finalText.includes(t('card.approval.step.done', { step: t('card.approval.stepName.create-mail-contact') })), 'the card lists the contact as created');
    assert.ok(finalText.includes(t('card.approval.step.done', { step: t('card.approval.stepName.add-distribution-group-member') })), 'the card lists the membership as done');
    assert.ok(await approver.cardButton(approvalCard, t('card.approval.allowExternalSenders')).isEnabled(), 'the approver is offered to allow external senders');

    await requester.waitForBotMessage(t('notice.requester.approved', { by: people.approver.displayName, ...subject }), sinceApproval);
    await requester.waitForBotMessage(
      t('notice.requester.completedInternalOnly', { name: 'Jane Doe', email: externalEmail, group: group.displayName, requestId }),
      sinceApproval,
    );
    await requester.shot('told the request is done');
    const failedNotice = textPattern(t, 'notice.requester.failed', { step: '.+?', reason: '.+?' }, subject);
    assert.ok(!(await requester.botMessages().allInnerTexts()).some((text) => failedNotice.test(text.replace(/\s+/g, ' '))), 'the requester was never told it failed');

    // The simulated tenant, read back over its Exchange and Graph APIs.
    const contacts = await system.tenant.mailContacts(externalEmail);
    assert.equal(contacts.length, 1, 'exactly one mail contact has the address');
    assert.equal(contacts[0]!['DisplayName'], 'Jane Doe');
    assert.equal(contacts[0]!['Name'], `Jane Doe (${externalEmail})`, 'a Name unique on the first try');
    assert.equal(contacts[0]!['Alias'], 'jane.doe_partner.example', 'a clean alias');
    assert.equal(system.simulator.requestLog().filter((r) => r.cmdlet === 'New-MailContact').length, 1, 'created once, whatever the waits');
    const members = await system.tenant.distributionGroupMembers(group.mail!);
    assert.ok(members.some((m) => JSON.stringify(m).toLowerCase().includes(externalEmail)), `${externalEmail} is a member of ${group.displayName}`);
    const graphContacts = await system.tenant.contactsWithMail(externalEmail);
    assert.equal(graphContacts.length, 1, 'Graph sees the contact too');
    assert.ok((await system.tenant.groupMembers(group.id)).some((m) => m.id === graphContacts[0]!.id), 'Graph lists the contact among the group members');
    assert.equal((await system.tenant.distributionGroup(group.mail!))?.['RequireSenderAuthenticationEnabled'], true, 'external senders stay refused until separately allowed');
  });
});
