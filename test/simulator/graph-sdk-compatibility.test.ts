import { strict as assert } from 'node:assert';
import { BatchRequestContent, BatchResponseContent, Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { sample, SimulatorClient } from './simulator-fixture';

/** The bot's real Graph client (@microsoft/microsoft-graph-client) against the simulator. */
describe('simulator: with the Microsoft Graph SDK', () => {
  let client: SimulatorClient;
  let graph: Client;
  beforeEach(async () => {
    client = await SimulatorClient.start();
    graph = Client.init({ authProvider: (done) => done(null, 'not-checked'), baseUrl: `${client.sim.baseUrl}/` });
  });
  afterEach(() => client.stop());

  it('reads with filter and select', async () => {
    const r = (await graph.api('/users').filter("mail eq 'megan@contoso.com'").select('id,userType').get()) as { value: { id: string; userType: string }[] };
    assert.deepEqual(r.value, [{ id: sample.megan, userType: 'Member' }]);
  });

  it('surfaces Graph errors as GraphError with status and code', async () => {
    await assert.rejects(
      graph.api(`/groups/${sample.salesPartnersDl}/members/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${sample.pradeepGuest}` }),
      (e: unknown) => e instanceof GraphError && e.statusCode === 400 && e.code === 'Request_BadRequest',
    );
  });

  it('pages through every group with PageIterator', async () => {
    const first = (await graph.api('/groups').top(3).select('displayName').get()) as PageCollection;
    const names: string[] = [];
    await new PageIterator(graph, first, (g: { displayName: string }) => {
      names.push(g.displayName);
      return true;
    }).iterate();
    assert.equal(names.length, 10);
    assert.equal(new Set(names).size, 10);
  });

  it('keeps $filter and $select across pages', async () => {
    const first = (await graph.api('/users').filter("userType eq 'Member'").select('displayName,userType').top(2).get()) as PageCollection;
    const seen: { displayName: string; userType: string }[] = [];
    await new PageIterator(graph, first, (u: { displayName: string; userType: string }) => {
      seen.push(u);
      return true;
    }).iterate();
    assert.deepEqual(seen.map((u) => u.displayName), ['Megan Bowen', 'Alex Wilber', 'Adele Vance', 'Diego Siciliani']);
    assert.ok(seen.every((u) => u.userType === 'Member'));
  });

  it('retries injected throttling through its RetryHandler, honouring Retry-After', async () => {
    // About three calls in ten throttled; with this seed never four in a row, so the SDK's three retries suffice.
    client.sim.setFaults({ errorRate: 0.3, errorKinds: ['throttle'], retryAfterSeconds: 0 });
    for (let i = 0; i < 6; i += 1) {
      const org = (await graph.api('/organization').get()) as { value: { displayName: string }[] };
      assert.equal(org.value[0]!.displayName, 'Contoso');
    }
    const statuses = client.sim.requestLog().map((e) => e.status);
    assert.ok(statuses.includes(429), `some calls were throttled: ${statuses.join(',')}`);
  });

  it('builds and reads a $batch with BatchRequestContent', async () => {
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${client.sim.graphBaseUrl}/groups/${sample.marketingM365}?$select=displayName`, { method: 'GET' }) },
      { id: '2', request: new Request(`${client.sim.graphBaseUrl}/groups/${sample.legalM365NoGuests}/settings`, { method: 'GET' }) },
    ]);
    const body: unknown = await graph.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(body as { responses: [] });
    const first = responses.getResponseById('1');
    assert.equal(first.status, 200);
    assert.equal(((await first.json()) as { displayName: string }).displayName, 'Marketing Campaigns');
    assert.equal(responses.getResponseById('2').status, 200);
  });
});
