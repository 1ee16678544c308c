import type { AccessRequest, JournalEntry } from '../src/domain/access-request';
import { needsExternalSenders } from '../src/domain/request-lifecycle';
import { literalText, type TrustedMarkdown, trustedMarkdown } from '../src/i18n/literal-text';
import type { MessageParams, Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, CardTemplate } from './adaptive-card';
import { cardDateTime } from './card-time';
import { requestSummaryElements, requestSummaryView, type TextColor } from './request-summary';
import { expiredWithin, timingLines } from './request-timing';
import template from './templates/approval-card.json';

const approvalTemplate = new CardTemplate(template);

/** Who looks at the card: approvers get the buttons that fit the request's state; others read only. */
export type ApprovalViewer = 'approver' | 'observer';

export interface ApprovalCardOptions {
  readonly viewer: ApprovalViewer;
  /** Teams user ids whose clients refresh the card for their own view (requester and approvers, at most 60). */
  readonly refreshUserIds: readonly string[];
  /** A line for the person who just pressed a button (translated). */
  readonly notice?: { readonly text: string; readonly color: TextColor };
  /** Show the "are you sure" step of Allow external senders. */
  readonly confirmingExternalSenders?: boolean;
}

export interface ApprovalCardView {
  /** The language of the card's texts (also how Teams words its dates). */
  readonly lang: string;
  readonly requestId: string;
  readonly title: string;
  readonly requestedBy: string;
  readonly refreshLabel: string;
  readonly refreshUserIds: readonly string[];
  readonly status: string;
  readonly statusColor: TextColor;
  readonly statusStyle: 'default' | 'good' | 'attention' | 'warning' | 'emphasis';
  /** While nobody has decided: escalated, and when it expires. */
  readonly timing: readonly { readonly text: string }[];
  readonly stepsHeading: string;
  readonly steps: readonly { readonly text: string; readonly color: TextColor }[];
  readonly notice: string;
  readonly noticeColor: TextColor;
  readonly summary: unknown[];
  readonly externalSenders: string;
  readonly externalSendersColor: TextColor;
  readonly showDecision: boolean;
  readonly showRetry: boolean;
  readonly showAllowExternalSenders: boolean;
  readonly showConfirmExternalSenders: boolean;
  readonly rejectReasonLabel: string;
  readonly rejectReasonPlaceholder: string;
  readonly approveLabel: string;
  readonly rejectLabel: string;
  readonly retryLabel: string;
  readonly allowExternalSendersLabel: string;
  readonly confirmExternalSendersLabel: string;
  readonly backLabel: string;
}

const maxRefreshUserIds = 60;

/** The translated name of a provisioning step (journal names, plus the runner's `plan`, `read-directory`, `unknown`), for a message argument. */
export function stepName(step: string, t: Translator): TrustedMarkdown {
  const key = `card.approval.stepName.${step}`;
  return trustedMarkdown(t.has(key) ? t(key) : literalText(step));
}

/**
 * The translated reason for an error code (the error catalogue), or a generic one, for a message
 * argument. A refusal for a missing Exchange role names the role(s) an admin has to grant.
 */
export function errorReason(code: string | undefined, t: Translator, rolesToGrant: readonly string[] = []): TrustedMarkdown {
  if (code === 'permission-denied' && rolesToGrant.length > 0) {
    return trustedMarkdown(t('error.permission-denied.exchangeRoles', { count: rolesToGrant.length, roles: rolesToGrant.map((role) => `"${role}"`).join(', ') }));
  }
  const key = `error.${code ?? ''}`;
  return trustedMarkdown(code !== undefined && t.has(key) ? t(key) : t('card.approval.unknownReason'));
}

/** Provisioning steps done in Exchange Online; the others (guests) in Microsoft Entra ID. */
const exchangeSteps: ReadonlySet<string> = new Set(['create-mail-contact', 'hide-mail-contact', 'add-distribution-group-member', 'use-existing-recipient']);

/** The parameters of "waiting for Exchange to catch up" texts (card and requester message). */
export function directoryWaitParams(request: AccessRequest, t: Translator): MessageParams {
  const wait = request.directoryWait;
  const step = wait?.step ?? '';
  return {
    service: trustedMarkdown(t(exchangeSteps.has(step) ? 'card.approval.waitService.exchange' : 'card.approval.waitService.entra')),
    next: wait ? cardDateTime(wait.dueAt) : '',
    until: wait ? cardDateTime(wait.until) : '',
    step: stepName(step || 'unknown', t),
  };
}

function stepLine(entry: JournalEntry, t: Translator): { text: string; color: TextColor } {
  const step = stepName(entry.step, t);
  if (entry.outcome === 'failed') return { text: t('card.approval.step.failed', { step }), color: 'Attention' };
  if (entry.outcome === 'reused' || entry.alreadyDone) return { text: t('card.approval.step.reused', { step }), color: 'Good' };
  return { text: t('card.approval.step.done', { step }), color: 'Good' };
}

function statusOf(request: AccessRequest, t: Translator): Pick<ApprovalCardView, 'status' | 'statusColor' | 'statusStyle'> {
  const params = {
    name: request.person.displayName,
    group: request.group.displayName,
    by: request.decision?.by.name ?? '',
    at: request.decision ? cardDateTime(request.decision.at) : '',
    reason: request.decision?.reason ?? '',
  };
  const text = (status: AccessRequest['status'], extra: MessageParams = {}): string =>
    t(`card.approval.status.${status}`, { ...params, ...extra });
  switch (request.status) {
    case 'pending-approval':
      return { status: text('pending-approval'), statusColor: 'Default', statusStyle: 'emphasis' };
    case 'approved':
    case 'provisioning':
      return { status: text(request.status), statusColor: 'Default', statusStyle: 'emphasis' };
    case 'waiting-for-directory':
      return { status: text('waiting-for-directory', directoryWaitParams(request, t)), statusColor: 'Default', statusStyle: 'emphasis' };
    case 'completed':
      return { status: text('completed'), statusColor: 'Good', statusStyle: 'good' };
    case 'failed':
      return {
        status: text('failed', {
          step: stepName(request.failure?.step ?? 'unknown', t),
          reason: errorReason(request.failure?.errorCode, t, request.failure?.rolesToGrant),
        }),
        statusColor: 'Attention',
        statusStyle: 'attention',
      };
    case 'rejected':
      return { status: text('rejected'), statusColor: 'Attention', statusStyle: 'attention' };
    case 'cancelled':
      return { status: text(request.status), statusColor: 'Default', statusStyle: 'default' };
    case 'expired':
      return { status: text('expired', { within: expiredWithin(request, t) }), statusColor: 'Default', statusStyle: 'default' };
  }
}

function externalSendersLine(request: AccessRequest, options: ApprovalCardOptions, t: Translator): { text: string; color: TextColor } {
  const params = { name: request.person.displayName, group: request.group.displayName };
  const change = request.externalSenders;
  if (change?.status === 'allowed') {
    return { text: t('card.approval.externalSenders.allowed', { ...params, by: change.by.name, at: cardDateTime(change.at) }), color: 'Good' };
  }
  if (!needsExternalSenders(request)) return { text: '', color: 'Default' };
  if (options.confirmingExternalSenders) return { text: t('card.approval.externalSenders.confirm', params), color: 'Warning' };
  const failed =
    change?.status === 'failed' ? ` ${t('card.approval.externalSenders.failed', { ...params, reason: errorReason(change.errorCode, t, change.rolesToGrant) })}` : '';
  return { text: `${t('card.approval.externalSenders.needed', params)}${failed}`, color: 'Warning' };
}

/** The translated view model of the approval card for one kind of viewer. */
export function approvalCardView(request: AccessRequest, options: ApprovalCardOptions, t: Translator): ApprovalCardView {
  const approver = options.viewer === 'approver';
  const external = externalSendersLine(request, options, t);
  const confirming = approver && needsExternalSenders(request) && options.confirmingExternalSenders === true;
  return {
    lang: t.locale,
    requestId: request.id,
    title: t('card.approval.title', { requestId: request.id, name: request.person.displayName, group: request.group.displayName }),
    requestedBy: t('card.approval.requestedBy', { requester: request.requester.name, at: cardDateTime(request.createdAt) }),
    refreshLabel: t('card.approval.refresh'),
    refreshUserIds: options.refreshUserIds.slice(0, maxRefreshUserIds),
    ...statusOf(request, t),
    timing: timingLines(request, t).map((text) => ({ text })),
    stepsHeading: t('card.approval.stepsHeading'),
    steps: request.journal.map((entry) => stepLine(entry, t)),
    notice: options.notice?.text ?? '',
    noticeColor: options.notice?.color ?? 'Default',
    summary: requestSummaryElements(
      requestSummaryView(
        { person: request.person, group: request.group, assessment: request.assessment, reason: request.reason },
        t,
        request.status === 'completed' ? 'done' : 'before',
      ),
    ),
    externalSenders: external.text,
    externalSendersColor: external.color,
    showDecision: approver && request.status === 'pending-approval',
    showRetry: approver && request.status === 'failed',
    showAllowExternalSenders: approver && needsExternalSenders(request) && !confirming,
    showConfirmExternalSenders: confirming,
    rejectReasonLabel: t('card.approval.rejectReasonLabel'),
    rejectReasonPlaceholder: t('card.approval.rejectReasonPlaceholder'),
    approveLabel: t('card.approval.approve'),
    rejectLabel: t('card.approval.reject'),
    retryLabel: t('card.approval.retry'),
    allowExternalSendersLabel: t('card.approval.allowExternalSenders'),
    confirmExternalSendersLabel: t('card.approval.confirmExternalSenders'),
    backLabel: t('card.approval.back'),
  };
}

/** The card approvers decide on; it follows the request to its end, for everyone in the conversation. */
export function approvalCard(view: ApprovalCardView): AdaptiveCardJson {
  return approvalTemplate.expand(view);
}
