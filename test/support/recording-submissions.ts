import type { TurnContext } from 'botbuilder';
import type { AccessRequest } from '../../src/domain/access-request';
import type { SubmittedRequests } from '../../src/bot/submitted-requests';

/** Stands in for SubmittedRequests: remembers which requests were handed on to the approvers. */
export class RecordingSubmissions implements Pick<SubmittedRequests, 'submitted'> {
  readonly requestIds: string[] = [];
  async submitted(_context: TurnContext, request: AccessRequest): Promise<void> {
    this.requestIds.push(request.id);
  }
}
