import { strict as assert } from 'node:assert';
import { MessageCatalogue, projectLocalesDir } from '../../src/i18n/message-catalogue';
import { approve, chooseApprovalsConversation, waitForApprovalCard, waitForCompletedCard } from './support/approver-steps';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const externalEmail = 'janis.berzins@partneris.example';
const latvian = { locale: 'lv-LV', timeZone: 'Europe/Riga' };
const dutch = { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' };

describe('e2e: each person reads the bot in their own language, in the Teams client', function () {
  const session = e2eSession();
  const catalogue = MessageCatalogue.load(projectLocalesDir());
  const lv = catalogue.translator(latvian);
  const nl = catalogue.translator(dutch);

  it('a requester in Latvian asks, an approver in Dutch approves; each sees every question, card and notice in their language', async function () {
    const system = await session.start(this, { withApprover: true, languages: { requester: latvian, approver: dutch } });
    const { people, requester } = system;
    const approver = system.approverClient;
    const group = people.distributionGroup;

    // The approver types "goedkeuringen hier": the approvals conversation speaks Dutch from then on.
    await chooseApprovalsConversation(approver, nl);

    const card = await fillInRequest(requester, lv, {
      email: externalEmail,
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      company: 'Partneris SIA',
      groupQuery: 'Sales',
      groupName: group.displayName,
      groupMail: group.mail!,
      reason: 'Jānis vada kopīgo pārdošanas projektu ar mums un saņem partneru paziņojumus.',
    });
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    assert.ok(cardText.includes(lv('card.groupKind.distribution')), 'the confirmation card says "Adresātu grupa"');
    assert.ok(cardText.includes(lv('card.summary.path.mailContact.create', { name: 'Jānis Bērziņš', email: externalEmail, group: group.displayName })), cardText);
    const requestId = await confirmRequest(requester, lv, card);

    const subject = { requestId, name: 'Jānis Bērziņš', group: group.displayName };
    const approvalCard = await waitForApprovalCard(approver, nl, subject);
    const approvalText = (await approvalCard.innerText()).replace(/\s+/g, ' ');
    assert.ok(approvalText.includes(nl('card.groupKind.distribution')), 'the approval card says "Distributiegroep"');
    assert.ok(approvalText.includes(nl('card.summary.path.mailContact.create', { name: 'Jānis Bērziņš', email: externalEmail, group: group.displayName })), approvalText);

    const sinceApproval = await requester.botMessages().count();
    await approve(approver, nl, approvalCard, subject);
    await waitForCompletedCard(approver, nl, approvalCard, subject, people.approver.displayName);

    await requester.waitForBotMessage(lv('notice.requester.approved', { by: people.approver.displayName, ...subject }), sinceApproval);
    await requester.waitForBotMessage(
      lv('notice.requester.completedInternalOnly', { name: 'Jānis Bērziņš', email: externalEmail, group: group.displayName, requestId }),
      sinceApproval,
    );
    await requester.shot('told in Latvian that the request is done');

    const contacts = await system.tenant.mailContacts(externalEmail);
    assert.equal(contacts.length, 1, 'one mail contact has the address');
    assert.equal(contacts[0]!['DisplayName'], 'Jānis Bērziņš');
  });
});
