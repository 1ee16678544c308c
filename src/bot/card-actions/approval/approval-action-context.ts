import type { TurnContext } from 'botbuilder';
import { turnActor, turnTenantId } from '../../../../dialogs/turn-actor';
import type { ActingUser } from '../../../app/authorise-approver';
import type { Directory } from '../../../app/ports/directory';
import type { RequestStore } from '../../../app/ports/request-store';
import type { AccessRequest } from '../../../domain/access-request';
import type { MessageCatalogue } from '../../../i18n/message-catalogue';
import type { ApprovalCardRenderer, ApprovalCardRequest } from '../../approval-card-renderer';
import type { ConversationDirectory } from '../../proactive/conversation-directory';
import type { CardActionData, CardActionResult } from '../../card-action-router';
import { readerOf } from '../../../i18n/reader';

/** What every approval card action needs. */
export interface ApprovalActionServices {
  readonly store: RequestStore;
  readonly directory: Pick<Directory, 'isApprover'>;
  readonly conversations: ConversationDirectory;
  readonly renderer: ApprovalCardRenderer;
  readonly catalogue: MessageCatalogue;
}

export type ApprovalTurn =
  | { readonly ok: true; readonly requestId: string; readonly actor: ActingUser }
  | { readonly ok: false; readonly result: CardActionResult };

const requestIdPattern = /^R-[A-Z0-9]{4,12}$/;

/**
 * The request a button names (only its id comes from the card) and the person who pressed it,
 * from the activity: Entra object id, name and tenant. Approvers who act are remembered for the
 * cards' refresh list.
 */
export async function approvalTurn(context: TurnContext, data: CardActionData, services: ApprovalActionServices): Promise<ApprovalTurn> {
  const t = services.catalogue.translator(readerOf(context.activity));
  const requestId = data['requestId'];
  if (typeof requestId !== 'string' || !requestIdPattern.test(requestId)) {
    return { ok: false, result: { kind: 'message', text: t('bot.card.outdated') } };
  }
  const actor = turnActor(context);
  const tenantId = turnTenantId(context);
  if (!actor || !tenantId) return { ok: false, result: { kind: 'message', text: t('bot.card.unknownUser') } };
  return { ok: true, requestId, actor: { ...actor, tenantId } };
}

/** The card for the person who pressed the button: buttons only if they may act on this request. */
export async function cardFor(
  context: TurnContext,
  request: AccessRequest,
  actor: ActingUser,
  services: ApprovalActionServices,
  options: Omit<ApprovalCardRequest, 'viewer' | 'reader'> = {},
): Promise<CardActionResult> {
  const isApprover = await services.directory.isApprover(actor.aadObjectId);
  const ownRequest = actor.aadObjectId.toLowerCase() === request.requester.aadObjectId.toLowerCase();
  const sameTenant = actor.tenantId.toLowerCase() === request.tenantId.toLowerCase();
  const viewer = isApprover && !ownRequest && sameTenant ? 'approver' : 'observer';
  if (viewer === 'approver' && context.activity.from?.id) await services.conversations.rememberApproverUser(context.activity.from.id);
  const card = await services.renderer.render(request, { viewer, reader: readerOf(context.activity), ...options });
  return { kind: 'card', card };
}

