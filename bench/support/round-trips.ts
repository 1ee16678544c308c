import type { LoggedRequest } from '../../simulator/simulator-server';

/**
 * Sequential round trips in a stretch of the simulator's request log: requests whose time in
 * flight overlaps run in parallel and count once; a request sent after every earlier one was
 * answered starts a new round trip. With a fixed latency per call, the work cannot finish in
 * less than rounds × latency: that is the floor the bot is measured against.
 */
export function sequentialRoundTrips(requests: readonly LoggedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.time - b.time);
  let rounds = 0;
  let roundEnds = Number.NEGATIVE_INFINITY;
  for (const request of sorted) {
    if (request.time >= roundEnds) {
      rounds += 1;
      roundEnds = request.answered;
    } else {
      roundEnds = Math.max(roundEnds, request.answered);
    }
  }
  return rounds;
}

/** Graph and Exchange operations that add someone to a group: the moment a person is a member. */
export const memberAddOperations: ReadonlySet<string> = new Set(['POST /groups/{id}/members/$ref', 'Add-DistributionGroupMember']);

/**
 * Reads that authorise the person who acts (is this user an approver?). They are not part of
 * what the API needs to make someone a member, so they never count toward the floor.
 */
export const approverCheckOperations: ReadonlySet<string> = new Set([
  'POST /users/{id}/checkMemberGroups',
  'POST /directoryObjects/{id}/checkMemberGroups',
  'GET /groups/{id}/transitiveMembers',
]);
