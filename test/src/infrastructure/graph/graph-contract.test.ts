import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { isAppError } from '../../../../src/app/app-error';
import type { GuestPolicy } from '../../../../src/app/ports/directory';
import { createGraphClient } from '../../../../src/infrastructure/graph/graph-client-factory';
import { GraphGuestAccess } from '../../../../src/infrastructure/graph/graph-guest-access';
import { graphFailure, type GraphRequestError } from '../../../../src/infrastructure/graph/graph-request-error';
import { GraphDirectory } from '../../../../src/infrastructure/graph/graph-directory';
import type { ExchangeOnline } from '../../../../src/infrastructure/exchange/exchange-online';
import { systemClock } from '../../../../src/app/ports/clock';
import { MemoryLogger } from '../../support/test-logger';
import { graphFixture, type ContractFixture } from '../../../support/contract-fixtures';
import { ScriptedHttpServer } from '../../support/scripted-http-server';

/** The Graph adapters on error bodies Microsoft Graph really sent (test/fixtures/graph), through the real Graph client. */
describe('Graph contract: real error answers', () => {
  let server: ScriptedHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  /** Answers the first request with the fixture, later ones with `then` (when given). */
  async function serve(fixture: ContractFixture, then?: (url: string) => { status: number; body: unknown }): Promise<Client> {
    server = await ScriptedHttpServer.start((request, index) => {
      if (then !== undefined && index > 0) {
        const answer = then(request.url);
        return { status: answer.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer.body) };
      }
      return { status: fixture.status, headers: { ...fixture.headers }, body: JSON.stringify(fixture.body) };
    });
    return createGraphClient({ baseUrl: `${server.baseUrl}/v1.0`, maxRetries: 0 });
  }

  async function graphError(client: Client, path: string): Promise<GraphRequestError> {
    try {
      await client.api(path).get();
    } catch (error) {
      const failure = graphFailure(error, 'test');
      assert.ok(isAppError(failure));
      return failure as GraphRequestError;
    }
    assert.fail('expected the call to fail');
  }

  it('404 Request_ResourceNotFound is not-found, with Graph\'s code kept for branching', async () => {
    const client = await serve(graphFixture('resource-not-found-404'));
    const error = await graphError(client, '/groups/98abd59d-976f-4b23-b4f2-185b3450267a');
    assert.equal(error.code, 'not-found');
    assert.equal(error.status, 404);
    assert.equal(error.graphCode, 'Request_ResourceNotFound');
  });

  it('403 Authorization_RequestDenied "Insufficient privileges" is permission-denied', async () => {
    const client = await serve(graphFixture('insufficient-privileges-403'));
    const error = await graphError(client, '/groups');
    assert.equal(error.code, 'permission-denied');
    assert.equal(error.graphCode, 'Authorization_RequestDenied');
  });

  it('429 TooManyRequests, once the RetryHandler has given up, is throttled', async () => {
    const client = await serve(graphFixture('throttled-429'));
    const error = await graphError(client, '/users');
    assert.equal(error.code, 'throttled');
    assert.equal(error.graphCode, 'TooManyRequests');
  });

  describe('GraphDirectory.approverIds', () => {
    const approversGroupId = '7896c217-1928-4f2e-a984-e50cc4ab967e';
    function directory(client: Client): GraphDirectory {
      return new GraphDirectory({ graph: client, exchange: {} as ExchangeOnline, approversGroupId, clock: systemClock, logger: new MemoryLogger() });
    }

    it('keeps the users of Microsoft\'s documented transitive member list, asked for the approvers group', async () => {
      const client = await serve(graphFixture('transitive-members-200'));
      assert.deepEqual(await directory(client).approverIds(), ['11111111-2222-3333-4444-555555555555']);
      assert.match(server!.requests[0]!.url, new RegExp(`^/v1\\.0/groups/${approversGroupId}/transitiveMembers\\?`));
    });

    it('leaves out members that are not users (a nested group is expanded by Graph, not an approver itself)', async () => {
      const documented = graphFixture('transitive-members-200');
      const body = documented.body as { value: Record<string, unknown>[] };
      const withGroup = { ...documented, body: { value: [...body.value, { '@odata.type': '#microsoft.graph.group', id: 'aaaaaaaa-2222-3333-4444-555555555555' }] } };
      const client = await serve(withGroup);
      assert.deepEqual(await directory(client).approverIds(), ['11111111-2222-3333-4444-555555555555']);
    });
  });

  describe('GraphGuestAccess.addGroupMember', () => {
    const groupId = '8826b76f-dc5d-483f-a737-541bdb030609';
    const guestId = 'c0ffee00-1111-4222-8333-944445555666';
    function guests(client: Client, member: boolean, policy: GuestPolicy): GraphGuestAccess {
      return new GraphGuestAccess({
        graph: client,
        graphBaseUrl: `${server!.baseUrl}/v1.0`,
        directory: {
          isMember: () => Promise.resolve(member),
          guestPolicy: () => Promise.resolve(policy),
        } as unknown as ConstructorParameters<typeof GraphGuestAccess>[0]['directory'],
      });
    }
    const allowed: GuestPolicy = { tenantAllowsGuests: true, groupAllowsGuests: true };

    it('400 Request_BadRequest "already exist" with the guest in the member list is already-member', async () => {
      const client = await serve(graphFixture('already-exists-400'));
      assert.equal(await guests(client, true, allowed).addGroupMember(groupId, guestId), 'already-member');
    });

    it('the same 400 with the guest not (yet) in the member list is not-found: a guest that has not replicated', async () => {
      const client = await serve(graphFixture('already-exists-400'));
      await assert.rejects(guests(client, false, allowed).addGroupMember(groupId, guestId), (e: unknown) => isAppError(e) && e.code === 'not-found');
    });

    it('403 "Guests users are not allowed to join this Unified Group" with guests off is guests-not-allowed', async () => {
      const client = await serve(graphFixture('guests-not-allowed-403'));
      await assert.rejects(
        guests(client, false, { tenantAllowsGuests: true, groupAllowsGuests: false }).addGroupMember(groupId, guestId),
        (e: unknown) => isAppError(e) && e.code === 'guests-not-allowed',
      );
    });

    it('403 with guests allowed is a missing permission', async () => {
      const client = await serve(graphFixture('insufficient-privileges-403'));
      await assert.rejects(guests(client, false, allowed).addGroupMember(groupId, guestId), (e: unknown) => isAppError(e) && e.code === 'permission-denied');
    });
  });
});
