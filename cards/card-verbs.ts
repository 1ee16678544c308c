/**
 * Every Action.Execute verb a card of this bot can send. Cards and the card action router share
 * this map: the router is a `Record<CardVerb, ...>`, so a verb without a handler does not compile,
 * and a test walks every card template to check that each verb it uses is listed here.
 * To add a verb (e.g. the approval verbs), add it here, use it in a template, add its handler.
 */
export const CardVerbs = {
  start: 'intake.start',
  confirm: 'intake.confirm',
  edit: 'intake.edit',
  cancel: 'intake.cancel',
  approve: 'approval.approve',
  reject: 'approval.reject',
  retry: 'approval.retry',
  allowExternalSenders: 'approval.allowExternalSenders',
  confirmAllowExternalSenders: 'approval.confirmAllowExternalSenders',
  refresh: 'approval.refresh',
  resubmit: 'request.resubmit',
} as const;

export type CardVerb = (typeof CardVerbs)[keyof typeof CardVerbs];

const allVerbs: ReadonlySet<string> = new Set(Object.values(CardVerbs));

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && allVerbs.has(value);
}
