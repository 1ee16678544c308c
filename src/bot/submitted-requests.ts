import { TurnContext } from 'botbuilder';
import type { BackgroundJobs } from '../app/ports/background-jobs';
import type { RequestRouting } from '../app/request-routing';
import type { AccessRequest } from '../domain/access-request';
import { readerOf } from '../i18n/reader';
import type { ConversationDirectory } from './proactive/conversation-directory';

/**
 * What happens once a requester confirmed: the bot remembers the conversation to tell them how
 * it ends, and sends the request to the approvers in the background.
 */
export class SubmittedRequests {
  constructor(
    private readonly conversations: ConversationDirectory,
    private readonly routing: Pick<RequestRouting, 'submitted'>,
    private readonly jobs: BackgroundJobs,
  ) {}

  async submitted(context: TurnContext, request: AccessRequest): Promise<void> {
    await this.conversations.setForRequest(request.id, {
      reference: TurnContext.getConversationReference(context.activity),
      ...readerOf(context.activity),
    });
    this.jobs.run(`route ${request.id}`, () => this.routing.submitted(request));
  }
}
