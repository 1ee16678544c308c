import { strict as assert } from 'node:assert';
import { botTexts } from './support/bot-texts';
import { e2eSession } from './support/e2e-session';
import { confirmRequest, fillInRequest } from './support/requester-steps';

const externalEmail = 'jane.doe@partner.example';

describe('e2e: a team owner adds an external person to a distribution group, in the Teams client', function () {
  const session = e2eSession();
  const t = botTexts();

  it('the requester answers every prompt, corrects an internal address, picks the group and confirms on the card', async function () {
    const system = await session.start(this, { withApprover: false });
    const { people } = system;
    const group = people.distributionGroup;

    const card = await fillInRequest(system.requester, t, {
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
    const cardText = await card.innerText();
    assert.ok(cardText.includes(t('card.groupKind.distribution')), 'the card says the group is a distribution group');
    assert.ok(
      cardText.replace(/\s+/g, ' ').includes(t('card.confirm.path.mailContact.create', { name: 'Jane Doe', email: externalEmail, group: group.displayName })),
      'the card says a mail contact will be created and added',
    );

    const requestId = await confirmRequest(system.requester, t, card);
    assert.match(requestId, /^R-/);

    // Nothing changes in the directory before an admin approves.
    assert.deepEqual(await system.tenant.mailContacts(externalEmail), [], 'no mail contact exists yet');
    const members = await system.tenant.distributionGroupMembers(group.mail!);
    assert.ok(!JSON.stringify(members).toLowerCase().includes(externalEmail), `${externalEmail} is not yet a member of ${group.displayName}`);
  });
});
