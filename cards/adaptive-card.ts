import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send as an attachment or an invoke response. */
export type AdaptiveCardJson = Readonly<Record<string, unknown>>;

/**
 * Expands an Adaptive Card template with a view model. Pure: no I/O, the template is the JSON
 * module the caller imported. A fresh copy is expanded each time, so templates stay untouched.
 */
export function expandCardTemplate(template: object, data: object): AdaptiveCardJson {
  const expanded: unknown = new Template(structuredClone(template)).expand({ $root: data });
  if (typeof expanded !== 'object' || expanded === null || Array.isArray(expanded)) {
    throw new Error('Card template did not expand to an object');
  }
  return expanded as AdaptiveCardJson;
}
