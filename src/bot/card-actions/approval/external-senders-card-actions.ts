import type { TurnContext } from 'botbuilder';
import type { AllowExternalSenders } from '../../../app/allow-external-senders';
import { authoriseApprover, type ActingUser } from '../../../app/authorise-approver';
import type { BackgroundJobs } from '../../../app/ports/background-jobs';
import type { AccessRequest } from '../../../domain/access-request';
import { needsExternalSenders } from '../../../domain/request-lifecycle';
import type { CardActionData, CardActionHandler, CardActionResult } from '../../card-action-router';
import { type ApprovalActionServices, approvalTurn, cardFor } from './approval-action-context';
import { readerOf } from '../../../i18n/reader';

type Checked =
  | { readonly ok: true; readonly request: AccessRequest; readonly actor: ActingUser }
  | { readonly ok: false; readonly result: CardActionResult };

/** The checks both steps make before anything is shown or changed: an approver, a request that still needs it. */
async function checkExternalSenders(context: TurnContext, data: CardActionData, services: ApprovalActionServices): Promise<Checked> {
  const turn = await approvalTurn(context, data, services);
  if (!turn.ok) return turn;
  const stored = await services.store.get(turn.requestId);
  if (!stored) {
    return { ok: false, result: { kind: 'message', text: services.catalogue.translator(readerOf(context.activity))('card.approval.notice.notFound') } };
  }
  const permission = await authoriseApprover(services.directory, turn.actor, stored.request);
  if (permission.kind === 'denied') {
    const result = await cardFor(context, stored.request, turn.actor, services, {
      notice: { key: `card.approval.notice.denied.${permission.reason}`, color: 'Attention' },
    });
    return { ok: false, result };
  }
  if (!needsExternalSenders(stored.request)) {
    const result = await cardFor(context, stored.request, turn.actor, services, {
      notice: { key: 'card.approval.notice.externalSendersNotApplicable', color: 'Warning' },
    });
    return { ok: false, result };
  }
  return { ok: true, request: stored.request, actor: turn.actor };
}

/**
 * "Allow external senders…" on a completed request's card: shows the approver what it changes
 * and asks them to confirm (nothing changes yet).
 */
export class AllowExternalSendersCardAction implements CardActionHandler {
  constructor(private readonly services: ApprovalActionServices) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const checked = await checkExternalSenders(context, data, this.services);
    if (!checked.ok) return checked.result;
    return cardFor(context, checked.request, checked.actor, this.services, { confirmingExternalSenders: true });
  }
}

/**
 * The approver confirmed: Set-DistributionGroup runs in the background (the use case authorises
 * again), and the card is updated for everyone when it is done.
 */
export class ConfirmAllowExternalSendersCardAction implements CardActionHandler {
  constructor(
    private readonly allow: AllowExternalSenders,
    private readonly jobs: BackgroundJobs,
    private readonly services: ApprovalActionServices,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const checked = await checkExternalSenders(context, data, this.services);
    if (!checked.ok) return checked.result;
    const { request, actor } = checked;
    this.jobs.run(`allow external senders for ${request.id}`, async () => {
      await this.allow.execute(request.id, actor);
    });
    return cardFor(context, request, actor, this.services, {
      notice: { key: 'card.approval.notice.allowingExternalSenders', color: 'Good' },
    });
  }
}
