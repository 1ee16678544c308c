import type * as AC from 'adaptivecards';
import { isCardVerb } from '../../cards/card-verbs';

// The package's main entry is extensionless ESM that Node cannot load; its UMD bundle works.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AC;

/** Teams refuses cards above 28 KB. */
export const maxCardBytes = 28 * 1024;

interface Action {
  readonly type?: unknown;
  readonly verb?: unknown;
  readonly title?: unknown;
  readonly data?: { readonly verb?: unknown };
  readonly fallback?: Action;
}

/**
 * Every Action.Execute (with its fallback) anywhere in a card or template, except the card's
 * `refresh` action, which Teams invokes by itself and which has no button (see refreshAction).
 */
export function executeActions(card: unknown): Action[] {
  const found: Action[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      if ((node as Action).type === 'Action.Execute') found.push(node as Action);
      for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return found;
}

/**
 * What is wrong with a filled card: what the Adaptive Cards library reports when parsing it as
 * schema 1.5 (unknown elements and actions, missing or duplicate ids), plus our own rules (the
 * library is lenient): version 1.5, every Action.Execute has a known verb, a title and an
 * Action.Submit fallback with the same verb, no unexpanded template expression, and under 28 KB.
 */
export function adaptiveCardProblems(card: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const context = new adaptiveCards.SerializationContext(adaptiveCards.Versions.v1_5);
  const parsed = new adaptiveCards.AdaptiveCard();
  // The library checks `lang` with a regular expression it declared global (/^[a-z]{2,3}$/gi), so
  // each check starts where the previous card's ended and every other valid "nl" fails: rewind it.
  const langRule = (adaptiveCards.CardElement as unknown as { langProperty?: { regEx?: RegExp } }).langProperty?.regEx;
  if (langRule) langRule.lastIndex = 0;
  parsed.parse(card, context);
  if (card['lang'] !== undefined && !/^[a-z]{2,3}$/.test(String(card['lang']))) problems.push(`lang ${String(card['lang'])} is not a two- or three-letter language code`);
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  if (card['version'] !== '1.5') problems.push(`version is ${String(card['version'])}, expected 1.5`);
  for (const action of executeActions(card)) {
    if (!isCardVerb(action.verb)) problems.push(`Action.Execute with unknown verb ${String(action.verb)}`);
    if (typeof action.title !== 'string' || action.title === '') problems.push(`Action.Execute ${String(action.verb)} has no title`);
    if (action.fallback?.type !== 'Action.Submit' || action.fallback.data?.verb !== action.verb) {
      problems.push(`Action.Execute ${String(action.verb)} has no Action.Submit fallback with the same verb`);
    }
  }
  const refresh = refreshAction(card);
  if (refresh) {
    if (!isCardVerb(refresh.action.verb)) problems.push(`refresh with unknown verb ${String(refresh.action.verb)}`);
    if (refresh.userIds.length > 60) problems.push(`refresh lists ${refresh.userIds.length} users, Teams allows 60`);
  }
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('an expression was left unexpanded');
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes >= maxCardBytes) problems.push(`${bytes} bytes, the limit is ${maxCardBytes}`);
  return problems;
}

/** The card's Universal Actions refresh: the action Teams invokes and the users it does it for. */
export function refreshAction(card: unknown): { action: Action; userIds: readonly unknown[] } | undefined {
  const refresh = (card as { refresh?: { action?: Action; userIds?: unknown } } | null)?.refresh;
  if (!refresh?.action) return undefined;
  return { action: refresh.action, userIds: Array.isArray(refresh.userIds) ? refresh.userIds : [] };
}
