import { type MessageFormatElement, type PluralOrSelectOption, TYPE, parse } from '@formatjs/icu-messageformat-parser';

/** How a message uses an argument: as plain text, a number, a date, a time, or to choose a form. */
export type ArgumentKind = 'text' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select';

/** One plural (or select) in a message: its argument and the forms it offers (`one`, `other`, `=0`...). */
export interface Choice {
  readonly argument: string;
  readonly kind: 'plural' | 'selectordinal' | 'select';
  readonly options: readonly string[];
}

/** An ICU MessageFormat text, parsed once: what the catalogue checks and formats. */
export interface ParsedMessage {
  readonly text: string;
  readonly elements: MessageFormatElement[];
  /** Every argument the message uses, with every way it uses it. */
  readonly arguments: ReadonlyMap<string, ReadonlySet<ArgumentKind>>;
  readonly choices: readonly Choice[];
}

/** Markup in texts (`<b>`, markdown) is text here: ICU tags are not used. */
const parserOptions = { ignoreTag: true, requiresOtherClause: true, shouldParseSkeletons: true } as const;

/** Parses an ICU MessageFormat text; throws the parser's error (with where it stopped) when it is malformed. */
export function parseMessage(text: string): ParsedMessage {
  const elements = parse(text, parserOptions);
  const argumentsUsed = new Map<string, Set<ArgumentKind>>();
  const choices: Choice[] = [];
  const use = (name: string, kind: ArgumentKind): void => {
    const kinds = argumentsUsed.get(name) ?? new Set<ArgumentKind>();
    kinds.add(kind);
    argumentsUsed.set(name, kinds);
  };
  const walk = (nodes: readonly MessageFormatElement[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case TYPE.argument:
          use(node.value, 'text');
          break;
        case TYPE.number:
          use(node.value, 'number');
          break;
        case TYPE.date:
          use(node.value, 'date');
          break;
        case TYPE.time:
          use(node.value, 'time');
          break;
        case TYPE.plural: {
          const kind = node.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
          use(node.value, kind);
          choices.push({ argument: node.value, kind, options: Object.keys(node.options) });
          walkOptions(node.options);
          break;
        }
        case TYPE.select:
          use(node.value, 'select');
          choices.push({ argument: node.value, kind: 'select', options: Object.keys(node.options) });
          walkOptions(node.options);
          break;
        default:
          break;
      }
    }
  };
  const walkOptions = (options: Record<string, PluralOrSelectOption>): void => {
    for (const option of Object.values(options)) walk(option.value);
  };
  walk(elements);
  return { text, elements, arguments: argumentsUsed, choices };
}
