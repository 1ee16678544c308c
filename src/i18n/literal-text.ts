/**
 * Text from outside the catalogue (typed by a requester or an approver, or read from the directory:
 * names, company, reason, group names) shown literally in Teams.
 *
 * Teams renders markdown in message text and in Adaptive Card `TextBlock` and `FactSet` text: on
 * desktop and web a CommonMark renderer (links, images, emphasis, lists, quotes, code), on iOS and
 * Android the Adaptive Cards shared model's own parser (links, emphasis, `-`/`+`/`*` lists). So a name
 * typed as `[Pay here](https://evil.example)` would be a live link on the approver's card.
 *
 * The escaping is CommonMark's backslash escape, which both renderers remove before display (the
 * mobile parser for `\*`, `\_`, `\[`, `\]`; see docs/operations.md "Text people type"). It is applied
 * only where a character can start markup, so ordinary text (an e-mail address, "1.5", "a < b")
 * keeps its characters and an address still copies as it is:
 *
 * - anywhere: `\` `*` `_` `[` `]` `` ` `` `~`; `<` before a letter, `/`, `!` or `?` (autolinks, HTML,
 *   `<at>` mentions); `&` that starts an entity (`&lt;`); the second brace of `{{` (the card DATE()/TIME() functions);
 * - at the start of a line: `#` `>` `-` `+` `=` (headings, quotes, lists, rules) and the `.` or `)`
 *   after a number (ordered lists).
 *
 * Every user-supplied value reaches a card or a message through here: the translator escapes every
 * string parameter (message-catalogue.ts), and card builders pass the values they show as they are
 * (facts) through `literalText`. Catalogue text that is already markdown passes as `TrustedMarkdown`.
 */
export function literalText(value: string): string {
  return value
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : literalLine(part)))
    .join('');
}

const anywhere = /[\\*_[\]`~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|(?<=\{)\{/g;

function literalLine(line: string): string {
  const escaped = line.replace(anywhere, (character) => `\\${character}`);
  return escaped.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Markdown written by us (catalogue text, lists we build from escaped values): passed to a message as it is. */
export class TrustedMarkdown {
  constructor(readonly markdown: string) {}

  toString(): string {
    return this.markdown;
  }
}

/** Marks text that is already markdown (and whose user-supplied parts went through `literalText`). */
export function trustedMarkdown(markdown: string): TrustedMarkdown {
  return new TrustedMarkdown(markdown);
}
