import { strict as assert } from 'node:assert';
import { exchangeErrorParts, sample, SimulatorClient } from './simulator-fixture';

describe('simulator: fault knobs', () => {
  let client: SimulatorClient;
  afterEach(() => client.stop());

  it('throttles with 429 and Retry-After in Graph shape', async () => {
    client = await SimulatorClient.start({ faults: { errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 7 } });
    const r = await client.graph('GET', '/organization');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '7');
    assert.equal(r.body.error.code, 'TooManyRequests');
    assert.ok(r.body.error.innerError['request-id']);
  });

  it('answers 503 with Retry-After when asked for unavailability', async () => {
    client = await SimulatorClient.start({ faults: { errorRate: 1, errorKinds: ['unavailable'] } });
    const r = await client.graph('GET', `/groups/${sample.marketingM365}`);
    assert.equal(r.status, 503);
    assert.equal(r.headers.get('retry-after'), '1');
    assert.equal(r.body.error.code, 'serviceNotAvailable');
  });

  it('throttles Exchange with a plain-text body, as Exchange does', async () => {
    client = await SimulatorClient.start({ faults: { errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 2 } });
    const r = await client.exchange('Get-Recipient', { Identity: 'megan' });
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '2');
    assert.equal(r.headers.get('rate-limit-remaining'), '0');
    assert.equal(r.body, 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again');
  });

  it('draws faults from the seed: the same seed repeats the same statuses, another seed differs', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const c = await SimulatorClient.start({ seed, faults: { errorRate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i += 1) statuses.push((await c.graph('GET', '/organization')).status);
      await c.stop();
      return statuses;
    };
    const first = await run(42);
    const again = await run(42);
    const other = await run(7);
    assert.deepEqual(first, again);
    assert.notDeepEqual(first, other);
    assert.ok(first.includes(200) && first.some((s) => s === 429 || s === 503), `mixed statuses expected: ${first.join(',')}`);
    client = await SimulatorClient.start();
  });

  it('adds latency to every answer', async () => {
    client = await SimulatorClient.start({ latencyMs: 150 });
    const started = Date.now();
    await client.graph('GET', '/organization');
    assert.ok(Date.now() - started >= 140, 'start option latency');
    client.sim.setFaults({ latencyMs: 0 });
    const quick = Date.now();
    await client.graph('GET', '/organization');
    assert.ok(Date.now() - quick < 140, 'faults.latencyMs overrides the start option');
  });

  it('turns away Exchange commands over the tenant\'s concurrency limit with the concurrent-requests text; Graph is not limited', async () => {
    client = await SimulatorClient.start({ latencyMs: 100, faults: { exchangeConcurrencyLimit: 2, retryAfterSeconds: 3 } });
    const answers = await Promise.all([
      ...[1, 2, 3, 4].map(() => client.exchange('Get-Recipient', { Identity: 'megan' })),
      ...[1, 2, 3].map(() => client.graph('GET', '/organization')),
    ]);
    const exchangeStatuses = answers.slice(0, 4).map((r) => r.status).sort();
    assert.deepEqual(exchangeStatuses, [200, 200, 429, 429]);
    const throttled = answers.find((r) => r.status === 429)!;
    assert.equal(throttled.headers.get('retry-after'), '3');
    assert.equal(throttled.body, 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again');
    assert.deepEqual(answers.slice(4).map((r) => r.status), [200, 200, 200]);
    const again = await client.exchange('Get-Recipient', { Identity: 'megan' });
    assert.equal(again.status, 200, 'a finished command frees its place');
  });

  it('limits random faults to the named operations when errorOperations is set', async () => {
    client = await SimulatorClient.start({ faults: { errorRate: 1, errorKinds: ['throttle'], errorOperations: ['New-MailContact', 'GET /groups/{id}'] } });
    assert.equal((await client.exchange('New-MailContact', { Name: 'Jane', ExternalEmailAddress: 'jane@partner.example' })).status, 429);
    assert.equal((await client.graph('GET', `/groups/${sample.marketingM365}`)).status, 429);
    assert.equal((await client.exchange('Get-Recipient', { Identity: 'megan' })).status, 200);
    assert.equal((await client.graph('GET', '/organization')).status, 200);
  });

  it('logs when each request arrived and when it was answered', async () => {
    client = await SimulatorClient.start({ latencyMs: 20 });
    await client.graph('GET', '/organization');
    await client.exchange('Get-Recipient', { Identity: 'megan' });
    const log = client.sim.requestLog();
    assert.deepEqual(log.map((r) => r.operation), ['GET /organization', 'Get-Recipient']);
    for (const entry of log) assert.ok(entry.answered >= entry.time, JSON.stringify(entry));
    assert.ok(log[1]!.time >= log[0]!.answered, 'the second request was sent after the first was answered');
  });

  it('forbids named operations with 403, Graph and Exchange alike', async () => {
    client = await SimulatorClient.start({ faults: { forbid: ['GET /organization', 'POST /groups/{id}/members/$ref', 'New-MailContact'] } });
    const org = await client.graph('GET', '/organization');
    assert.equal(org.status, 403);
    assert.equal(org.body.error.code, 'Authorization_RequestDenied');
    const add = await client.graph('POST', `/groups/${sample.laptopSecurity}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${sample.diego}` });
    assert.equal(add.status, 403);
    const users = await client.graph('GET', '/users');
    assert.equal(users.status, 200);
    const contact = await client.exchange('New-MailContact', { Name: 'Jane', ExternalEmailAddress: 'jane@partner.example' });
    assert.equal(contact.status, 403);
    assert.equal(contact.body, undefined, 'Exchange refuses a cmdlet outside the roles with an empty body');
    const recipient = await client.exchange('Get-Recipient', { Identity: 'megan' });
    assert.equal(recipient.status, 200);
  });

  describe('replication delay', () => {
    let clock: number;
    const now = (): number => clock;

    it('keeps an invited guest invisible to Graph and Exchange reads until the delay has passed', async () => {
      clock = 1_000_000;
      client = await SimulatorClient.start({ now, faults: { replicationDelayMs: 5000 } });
      const invited = await client.graph('POST', '/invitations', { invitedUserEmailAddress: 'jane.doe@partner.example', inviteRedirectUrl: 'https://myapps.microsoft.com' });
      const id: string = invited.body.invitedUser.id;
      assert.equal((await client.graph('GET', `/users/${id}`)).status, 404);
      assert.deepEqual((await client.graph('GET', `/users?$filter=${encodeURIComponent("mail eq 'jane.doe@partner.example'")}`)).body.value, []);
      assert.equal((await client.exchange('Get-Recipient', { Identity: 'jane.doe@partner.example' })).status, 404);
      const early = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
      assert.equal(early.status, 400);
      assert.equal(early.body.error.message, "The source resource object or one of the objects being referenced don't exist.");
      clock += 5000;
      assert.equal((await client.graph('GET', `/users/${id}`)).status, 200);
      assert.equal((await client.exchange('Get-Recipient', { Identity: 'jane.doe@partner.example' })).status, 200);
      const later = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
      assert.equal(later.status, 204);
    });

    it('keeps a new mail contact out of Graph /contacts and -Member resolution until replicated, but blocks its address at once', async () => {
      clock = 1_000_000;
      client = await SimulatorClient.start({ now, faults: { replicationDelayMs: 3000 } });
      const created = await client.exchange('New-MailContact', { Name: 'Jane Doe', ExternalEmailAddress: 'jane.doe@partner.example' });
      assert.equal(created.status, 200);
      assert.deepEqual((await client.graph('GET', `/contacts?$filter=${encodeURIComponent("mail eq 'jane.doe@partner.example'")}`)).body.value, []);
      const add = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'jane.doe@partner.example', BypassSecurityGroupManagerCheck: true });
      assert.equal(add.status, 404);
      assert.match(exchangeErrorParts(add.body)[1]!, /ManagementObjectNotFoundException$/);
      const duplicate = await client.exchange('New-MailContact', { Name: 'Jane Doe 2', ExternalEmailAddress: 'jane.doe@partner.example' });
      assert.match(exchangeErrorParts(duplicate.body)[1]!, /ProxyAddressExistsException$/);
      clock += 3000;
      assert.equal((await client.graph('GET', `/contacts?$filter=${encodeURIComponent("mail eq 'jane.doe@partner.example'")}`)).body.value.length, 1);
      const retry = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'jane.doe@partner.example', BypassSecurityGroupManagerCheck: true });
      assert.equal(retry.status, 200);
    });
  });
});

describe('simulator: $batch', () => {
  let client: SimulatorClient;
  afterEach(() => client.stop());

  it('answers each request on its own, inside an outer 200', async () => {
    client = await SimulatorClient.start();
    const r = await client.graph('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/groups/${sample.salesPartnersDl}?$select=displayName` },
        { id: '2', method: 'GET', url: '/groups/00000000-0000-4000-8000-000000000000' },
        { id: '3', method: 'POST', url: `/users/${sample.alex}/checkMemberGroups`, headers: { 'Content-Type': 'application/json' }, body: { groupIds: [sample.approvers] } },
        { id: '4', method: 'GET', url: '/groups?$search="displayName:fal"&$select=displayName', headers: { ConsistencyLevel: 'eventual' } },
      ],
    });
    assert.equal(r.status, 200);
    const byId = new Map(r.body.responses.map((x: { id: string }) => [x.id, x]));
    const one = byId.get('1') as { status: number; headers: Record<string, string>; body: { displayName: string } };
    assert.equal(one.status, 200);
    assert.equal(one.body.displayName, 'Sales Partners');
    assert.match(one.headers['Content-Type']!, /^application\/json/);
    const two = byId.get('2') as { status: number; body: { error: { code: string } } };
    assert.equal(two.status, 404);
    assert.equal(two.body.error.code, 'Request_ResourceNotFound');
    assert.deepEqual((byId.get('3') as { body: { value: string[] } }).body.value, [sample.approvers]);
    assert.deepEqual((byId.get('4') as { body: { value: unknown[] } }).body.value, [{ displayName: 'Project Falcon' }]);
  });

  it('refuses more than 20 requests with 400 BadRequest', async () => {
    client = await SimulatorClient.start();
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/organization' }));
    const r = await client.graph('POST', '/$batch', { requests });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'BadRequest');
    const twenty = await client.graph('POST', '/$batch', { requests: requests.slice(0, 20) });
    assert.equal(twenty.status, 200);
    assert.equal(twenty.body.responses.length, 20);
  });

  it('throttles inner requests on their own: inner 429 with Retry-After inside an outer 200', async () => {
    client = await SimulatorClient.start({ seed: 3, faults: { errorRate: 0.5, errorKinds: ['throttle'], retryAfterSeconds: 4 } });
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/organization' }));
    const r = await client.graph('POST', '/$batch', { requests });
    assert.equal(r.status, 200);
    const throttled = r.body.responses.filter((x: { status: number }) => x.status === 429);
    const fine = r.body.responses.filter((x: { status: number }) => x.status === 200);
    assert.ok(throttled.length > 0 && fine.length > 0, `mixed inner statuses expected, got ${throttled.length} throttled`);
    assert.equal(throttled[0].headers['Retry-After'], '4');
    assert.equal(throttled[0].body.error.code, 'TooManyRequests');
  });

  it('honours dependsOn: a request whose dependency failed is 424', async () => {
    client = await SimulatorClient.start();
    const r = await client.graph('POST', '/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: '/users/00000000-0000-4000-8000-000000000000' },
        { id: 'b', method: 'GET', url: '/organization', dependsOn: ['a'] },
      ],
    });
    assert.equal(r.body.responses[1].status, 424);
  });

  it('refuses absolute URLs inside the batch', async () => {
    client = await SimulatorClient.start();
    const r = await client.graph('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/organization' }] });
    assert.equal(r.body.responses[0].status, 400);
  });
});

describe('simulator: request log and control endpoints', () => {
  let client: SimulatorClient;
  afterEach(() => client.stop());

  it('logs time, method, path, cmdlet and status of every request, inner $batch requests included', async () => {
    client = await SimulatorClient.start();
    const before = Date.now();
    await client.graph('GET', `/users/${sample.megan}?$select=id`);
    await client.exchange('Get-Recipient', { Identity: 'nobody@partner.example' });
    await client.graph('POST', '/$batch', { requests: [{ id: 'x', method: 'GET', url: '/organization' }] });
    const log = client.sim.requestLog();
    assert.deepEqual(
      log.map(({ method, path, cmdlet, status, operation, batchRequestId }) => ({ method, path, cmdlet, status, operation, batchRequestId })),
      [
        { method: 'GET', path: `/v1.0/users/${sample.megan}`, cmdlet: undefined, status: 200, operation: 'GET /users/{id}', batchRequestId: undefined },
        { method: 'POST', path: `/adminapi/beta/${sample.tenantId}/InvokeCommand`, cmdlet: 'Get-Recipient', status: 404, operation: 'Get-Recipient', batchRequestId: undefined },
        { method: 'GET', path: '/v1.0/organization', cmdlet: undefined, status: 200, operation: 'GET /organization', batchRequestId: 'x' },
        { method: 'POST', path: '/v1.0/$batch', cmdlet: undefined, status: 200, operation: 'POST /$batch', batchRequestId: undefined },
      ],
    );
    assert.ok(log.every((e) => e.time >= before && e.time <= Date.now()));
    assert.equal(log[0]!.url, `/v1.0/users/${sample.megan}?$select=id`);
  });

  it('GET /_simulator/requests serves the log; POST /_simulator/faults sets faults; POST /_simulator/reset reloads the tenant', async () => {
    client = await SimulatorClient.start();
    await client.exchange('New-MailContact', { Name: 'Jane', ExternalEmailAddress: 'jane.doe@partner.example' });
    const log = await client.request('GET', `${client.sim.baseUrl}/_simulator/requests`);
    assert.equal(log.status, 200);
    assert.equal(log.body.length, 1);
    assert.equal(log.body[0].cmdlet, 'New-MailContact');

    const set = await client.request('POST', `${client.sim.baseUrl}/_simulator/faults`, { forbid: ['GET /groups'] });
    assert.equal(set.status, 200);
    assert.equal((await client.graph('GET', '/groups')).status, 403);
    const bad = await client.request('POST', `${client.sim.baseUrl}/_simulator/faults`, { errorRate: 2 });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.message, 'errorRate must be a number from 0 to 1');
    await client.request('POST', `${client.sim.baseUrl}/_simulator/faults`, {});

    const reset = await client.request('POST', `${client.sim.baseUrl}/_simulator/reset`);
    assert.equal(reset.status, 204);
    assert.deepEqual((await client.request('GET', `${client.sim.baseUrl}/_simulator/requests`)).body, []);
    const again = await client.exchange('Get-Recipient', { Identity: 'jane.doe@partner.example' });
    assert.equal(again.status, 404, 'the contact created before the reset is gone');
  });

  it('answers unknown paths with a 404 that says where Graph and Exchange are', async () => {
    client = await SimulatorClient.start();
    const r = await client.request('GET', `${client.sim.baseUrl}/beta/users`);
    assert.equal(r.status, 404);
    assert.match(r.body.error.message, /Graph is under \/v1\.0/);
  });

  it('reports its URLs on 127.0.0.1 and the tenant id', async () => {
    client = await SimulatorClient.start();
    assert.match(client.sim.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(client.sim.graphBaseUrl, `${client.sim.baseUrl}/v1.0`);
    assert.equal(client.sim.exchangeBaseUrl, `${client.sim.baseUrl}/adminapi/beta`);
    assert.equal(client.sim.tenantId, sample.tenantId);
  });
});
