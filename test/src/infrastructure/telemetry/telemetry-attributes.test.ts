import { strict as assert } from 'node:assert';
import { lifecycleEventAttributes } from '../../../../src/infrastructure/telemetry/audit-log-with-events';
import { telemetryPath } from '../../../../src/infrastructure/telemetry/traced-fetch';
import { turnTelemetry } from '../../../../src/bot/turn-span';

describe('what telemetry keeps: ids and codes, never what people typed', () => {
  it('a call\'s path groups by operation: object ids and addresses become placeholders', () => {
    assert.equal(telemetryPath('/v1.0/groups/696d6903-e19f-44d8-b0de-32ed4fe1bf54/members/$ref'), '/v1.0/groups/{id}/members/$ref');
    assert.equal(telemetryPath('/v1.0/users/jane.doe%40contoso.com'), '/v1.0/users/{address}');
    assert.equal(telemetryPath("/v1.0/users('jane@contoso.com')"), '/v1.0/{address}');
    assert.equal(telemetryPath('/adminapi/beta/2c9b95af-a741-4a63-8025-5fbea3369fd5/InvokeCommand'), '/adminapi/beta/{id}/InvokeCommand');
  });

  it('a turn is named by its kind and card verb, with the tenant, the conversation kind and the user\'s object id; not its text', () => {
    const { name, attributes } = turnTelemetry({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { verb: 'approval.reject', data: { rejectReason: 'Not a partner of ours' } } },
      from: { id: '29:1', name: 'Alex Wilber', aadObjectId: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4' },
      conversation: { id: '19:x', conversationType: 'channel' },
      channelData: { tenant: { id: '2c9b95af-a741-4a63-8025-5fbea3369fd5' } },
      text: 'hello',
    });
    assert.equal(name, 'invoke adaptiveCard/action approval.reject');
    assert.deepEqual(attributes, {
      'bot.activity.type': 'invoke',
      'bot.invoke.name': 'adaptiveCard/action',
      'bot.card.verb': 'approval.reject',
      'bot.tenant.id': '2c9b95af-a741-4a63-8025-5fbea3369fd5',
      'bot.conversation.type': 'channel',
      'enduser.id': 'fa87908e-7a2e-4bed-9075-6c28dbb016b4',
    });
  });

  it('a lifecycle event carries the action, the request id, the outcome, object ids and codes; never a reason typed by a person or an address', () => {
    const rejected = lifecycleEventAttributes({
      at: '2026-11-22T09:30:00.000Z',
      who: { kind: 'person', aadObjectId: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4', name: 'Alex Wilber' },
      action: 'request.reject',
      outcome: 'succeeded',
      requestId: 'R-7K3F9Q',
      objectIds: { groupId: '696d6903-e19f-44d8-b0de-32ed4fe1bf54', recipientIdentity: 'jane@partner.example' },
      details: { reason: 'We do not work with them', step: 'plan' },
    });
    assert.deepEqual(rejected, {
      'microsoft.custom_event.name': 'request.reject',
      requestId: 'R-7K3F9Q',
      outcome: 'succeeded',
      actorKind: 'person',
      actorId: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4',
      groupId: '696d6903-e19f-44d8-b0de-32ed4fe1bf54',
      step: 'plan',
    });
    const refused = lifecycleEventAttributes({ at: '2026-11-22T09:30:00.000Z', who: { kind: 'bot' }, action: 'request.approve', outcome: 'refused', requestId: 'R-1', details: { reason: 'not-approver' } });
    assert.equal(refused['reason'], 'not-approver', 'a refusal\'s reason is a code');
  });
});
