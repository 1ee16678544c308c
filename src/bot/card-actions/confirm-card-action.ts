import type { TurnContext } from 'botbuilder';
import { type ConfirmationStatus, confirmationCard, confirmationCardView } from '../../../cards/confirmation-card';
import type { PendingDraft } from '../../../dialogs/intake-values';
import type { PendingDrafts } from '../../../dialogs/pending-drafts';
import type { Clock } from '../../app/ports/clock';
import type { RequestIntake } from '../../app/request-intake';
import type { MessageCatalogue, Translator } from '../../i18n/message-catalogue';
import type { CardActionData, CardActionHandler, CardActionResult } from '../card-action-router';
import type { SubmittedRequests } from '../submitted-requests';
import { isBeingSubmitted, loadOwnDraft } from './own-draft';

import { submitRefusal } from './submit-refusal';
import { readerOf } from '../../i18n/reader';


/**
 * Confirm on the confirmation card: re-validates and submits the draft through RequestIntake (which
 * stores it as pending approval), then tells the requester its short id. The draft is claimed with
 * a compare-and-set first, so a double click, or two bot instances, submit it once; a later press
 * shows the same outcome.
 */
export class ConfirmCardAction implements CardActionHandler {
  constructor(
    private readonly intake: RequestIntake,
    private readonly drafts: PendingDrafts,
    private readonly catalogue: MessageCatalogue,
    private readonly clock: Clock,
    private readonly submissions: Pick<SubmittedRequests, 'submitted'>,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(readerOf(context.activity));
    const own = await loadOwnDraft(context, data, this.drafts, t);
    if (!own.ok) return own.result;
    const settled = this.settled(own.draft, t);
    if (settled) return settled;

    const now = this.clock.now().toISOString();
    const claimed = await this.drafts.replace(context, own.draft, { ...own.draft, submittingSince: now, updatedAt: now });
    if (!claimed) {
      const current = await this.drafts.get(context, own.draft.id);
      return (current && this.settled(current, t)) ?? { kind: 'message', text: t('bot.card.submitting') };
    }
    const draft: PendingDraft = { ...own.draft, updatedAt: now };

    const { person, group, reason } = draft.subject;
    let result;
    try {
      result = await this.intake.submit({ tenantId: draft.tenantId, requester: draft.requester, person, groupId: group.id, reason });
    } catch (error) {
      await this.drafts.put(context, withoutClaim(draft, this.clock));
      throw error;
    }
    if (result.kind === 'submitted') {
      const requestId = result.request.id;
      await this.drafts.put(context, { ...withoutClaim(draft, this.clock), submittedRequestId: requestId });
      await this.submissions.submitted(context, result.request);
      await context.sendActivity(t('bot.card.submitted', { requestId }));
      return this.card(draft, { kind: 'submitted', requestId }, t);
    }
    await this.drafts.put(context, withoutClaim(draft, this.clock));
    const problem = submitRefusal(result.check, group.displayName);
    const reasonText = t(problem.key, problem.params);
    await context.sendActivity(t('bot.card.notSubmitted', { reason: reasonText }));
    return this.card(draft, { kind: 'not-submitted', reason: reasonText }, t);
  }

  /** The answer for a draft that cannot be submitted now (already submitted, cancelled, being submitted). */
  private settled(draft: PendingDraft, t: Translator): CardActionResult | undefined {
    if (draft.cancelled) return { kind: 'message', text: t('bot.card.alreadyCancelled') };
    if (draft.submittedRequestId !== undefined) return this.card(draft, { kind: 'submitted', requestId: draft.submittedRequestId }, t);
    if (isBeingSubmitted(draft, this.clock)) return { kind: 'message', text: t('bot.card.submitting') };
    return undefined;
  }

  private card(draft: PendingDraft, status: ConfirmationStatus, t: Translator): CardActionResult {
    return { kind: 'card', card: confirmationCard(confirmationCardView(draft.id, draft.subject, status, t)) };
  }
}


function withoutClaim(draft: PendingDraft, clock: Clock): PendingDraft {
  const { submittingSince: _claim, eTag: _eTag, ...rest } = draft;
  return { ...rest, updatedAt: clock.now().toISOString() };
}
