import { approvalCard, approvalCardView, type ApprovalViewer } from '../../cards/approval-card';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import type { TextColor } from '../../cards/request-summary';
import type { AccessRequest } from '../domain/access-request';
import type { MessageCatalogue, MessageKey, MessageParams } from '../i18n/message-catalogue';
import type { Reader } from '../i18n/reader';
import type { ConversationDirectory } from './proactive/conversation-directory';

export interface ApprovalCardRequest {
  readonly viewer: ApprovalViewer;
  /** Who the card is rendered for: the viewer who pressed a button, or the conversation it is posted in. */
  readonly reader?: Reader;
  /** A catalogue key (and parameters) for a line addressed to the person who pressed a button. */
  readonly notice?: { readonly key: MessageKey; readonly params?: MessageParams; readonly color: TextColor };
  readonly confirmingExternalSenders?: boolean;
}

/**
 * Renders a request's approval card with its refresh list: the requester and the approvers the
 * bot has seen, so each of them gets their own view (buttons only for approvers).
 */
export class ApprovalCardRenderer {
  constructor(
    private readonly conversations: ConversationDirectory,
    private readonly catalogue: MessageCatalogue,
  ) {}

  async render(request: AccessRequest, options: ApprovalCardRequest): Promise<AdaptiveCardJson> {
    const t = this.catalogue.translator(options.reader);
    const [requesterConversation, approverIds] = await Promise.all([
      this.conversations.forRequest(request.id),
      this.conversations.approverUserIds(),
    ]);
    const requesterId = requesterConversation?.reference.user?.id;
    const refreshUserIds = [...new Set([...(requesterId ? [requesterId] : []), ...approverIds])];
    const notice = options.notice ? { text: t(options.notice.key, options.notice.params), color: options.notice.color } : undefined;
    return approvalCard(
      approvalCardView(
        request,
        {
          viewer: options.viewer,
          refreshUserIds,
          ...(notice ? { notice } : {}),
          ...(options.confirmingExternalSenders ? { confirmingExternalSenders: true } : {}),
        },
        t,
      ),
    );
  }
}
