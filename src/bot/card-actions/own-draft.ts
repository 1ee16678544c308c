import type { TurnContext } from 'botbuilder';
import type { PendingDraft } from '../../../dialogs/intake-values';
import type { PendingDrafts } from '../../../dialogs/pending-drafts';
import { turnActor } from '../../../dialogs/turn-actor';
import type { Clock } from '../../app/ports/clock';
import type { Translator } from '../../i18n/message-catalogue';
import type { CardActionData, CardActionResult } from '../card-action-router';

export type OwnDraft = { readonly ok: true; readonly draft: PendingDraft } | { readonly ok: false; readonly result: CardActionResult };

/**
 * Loads the draft a card button names and checks, from the activity's identity (never from card
 * data), that the person pressing it is the one who filled it in.
 */
export async function loadOwnDraft(context: TurnContext, data: CardActionData, drafts: PendingDrafts, t: Translator): Promise<OwnDraft> {
  const draftId = data['draftId'];
  if (typeof draftId !== 'string' || draftId === '' || draftId.length > 100) {
    return { ok: false, result: { kind: 'message', text: t('bot.card.outdated') } };
  }
  const actor = turnActor(context);
  if (!actor) return { ok: false, result: { kind: 'message', text: t('bot.card.unknownUser') } };
  const draft = await drafts.get(context, draftId);
  if (!draft) return { ok: false, result: { kind: 'message', text: t('bot.card.draftNotFound') } };
  if (draft.requester.aadObjectId !== actor.aadObjectId) {
    return { ok: false, result: { kind: 'message', text: t('bot.card.notRequester', { name: draft.requester.name }) } };
  }
  return { ok: true, draft };
}

/** Why a draft can no longer be edited or cancelled: it was submitted, or a press is submitting it now. */
export function submittedRefusal(draft: PendingDraft, clock: Clock, t: Translator): CardActionResult | undefined {
  if (draft.submittedRequestId !== undefined) {
    return { kind: 'message', text: t('bot.card.alreadySubmitted', { requestId: draft.submittedRequestId }) };
  }
  if (isBeingSubmitted(draft, clock)) return { kind: 'message', text: t('bot.card.submitting') };
  return undefined;
}

/** A submission that has not finished after this long is taken to have died with its process. */
export const submissionTimeoutMs = 2 * 60 * 1000;

/** True while another press is submitting the draft (and has not been gone for too long). */
export function isBeingSubmitted(draft: PendingDraft, clock: Clock): boolean {
  return draft.submittingSince !== undefined && clock.now().getTime() - Date.parse(draft.submittingSince) < submissionTimeoutMs;
}
