import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send as an attachment or an invoke response. */
export type AdaptiveCardJson = Readonly<Record<string, unknown>>;

/**
 * An Adaptive Card template (or template fragment), parsed once when its card module loads: every
 * `${…}` expression is compiled then, so filling it for a turn only evaluates them. Pure: no I/O.
 * Each expansion builds a fresh card; the template is never changed by it.
 */
export class CardTemplate {
  private readonly compiled: Template;

  constructor(json: object) {
    this.compiled = new Template(json);
  }

  /** The template filled with a view model. */
  expand(data: object): AdaptiveCardJson {
    const expanded: unknown = this.compiled.expand({ $root: data });
    if (typeof expanded !== 'object' || expanded === null || Array.isArray(expanded)) {
      throw new Error('Card template did not expand to an object');
    }
    return expanded as AdaptiveCardJson;
  }
}
