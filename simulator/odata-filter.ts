/**
 * A small OData $filter tokenizer, parser and evaluator for the directory queries Graph supports
 * without advanced-query headers: eq, startswith(), any() lambdas on multi-valued properties,
 * and/or/not, parentheses; string literals quote ' as ''. Strings compare case-insensitively, as
 * the directory does.
 */

export type Literal = string | boolean | number | null;

export type FilterNode =
  | { readonly type: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly type: 'not'; readonly operand: FilterNode }
  | { readonly type: 'compare'; readonly op: ComparisonOperator; readonly property: string; readonly value: Literal; readonly variable?: string }
  | { readonly type: 'function'; readonly name: string; readonly property: string; readonly value: string; readonly variable?: string }
  | { readonly type: 'any'; readonly property: string; readonly variable: string; readonly predicate: FilterNode };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const comparisonOperators: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

/** A $filter that Graph would refuse: status 400 with Graph's error code and message. */
export class ODataQueryError extends Error {
  override readonly name = 'ODataQueryError';
  constructor(
    readonly code: 'BadRequest' | 'Request_UnsupportedQuery',
    message: string,
  ) {
    super(message);
  }
}

type Token =
  | { readonly kind: 'identifier'; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'symbol'; readonly text: '(' | ')' | ',' | ':' | '/'; readonly position: number }
  | { readonly kind: 'end'; readonly position: number };

function syntaxError(filter: string, position: number): ODataQueryError {
  return new ODataQueryError('BadRequest', `Syntax error at position ${position} in '${filter}'.`);
}

export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = '';
      i += 1;
      for (;;) {
        if (i >= filter.length) {
          throw new ODataQueryError('BadRequest', `There is an unterminated string literal at position ${start} in '${filter}'.`);
        }
        const d = filter[i]!;
        if (d === "'") {
          if (filter[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += d;
        i += 1;
      }
      tokens.push({ kind: 'string', value, position: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < filter.length && /[A-Za-z0-9_.]/.test(filter[i]!)) i += 1;
      tokens.push({ kind: 'identifier', text: filter.slice(start, i), position: start });
      continue;
    }
    if (/[0-9-]/.test(c)) {
      const start = i;
      i += 1;
      while (i < filter.length && /[0-9.]/.test(filter[i]!)) i += 1;
      const text = filter.slice(start, i);
      const value = Number(text);
      if (Number.isNaN(value)) throw syntaxError(filter, start);
      tokens.push({ kind: 'number', value, position: start });
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ kind: 'symbol', text: c, position: i });
      i += 1;
      continue;
    }
    throw new ODataQueryError('BadRequest', `Syntax error: character '${c}' is not valid at position ${i} in '${filter}'.`);
  }
  tokens.push({ kind: 'end', position: filter.length });
  return tokens;
}

class Parser {
  private index = 0;
  private readonly variables: string[] = [];

  constructor(
    private readonly filter: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw syntaxError(this.filter, next.position);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private take(): Token {
    const t = this.peek();
    this.index += 1;
    return t;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'identifier' && token.text.toLowerCase() === word;
  }

  private expectSymbol(symbol: string): void {
    const t = this.take();
    if (t.kind !== 'symbol' || t.text !== symbol) throw syntaxError(this.filter, t.position);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.take();
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.take();
      left = { type: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isKeyword(this.peek(), 'not')) {
      this.take();
      return { type: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const t = this.peek();
    if (t.kind === 'symbol' && t.text === '(') {
      this.take();
      const inner = this.parseOr();
      this.expectSymbol(')');
      return inner;
    }
    if (t.kind !== 'identifier') throw syntaxError(this.filter, t.position);
    const after = this.peek(1);
    if (after.kind === 'symbol' && after.text === '(') return this.parseFunction();
    return this.parsePathExpression();
  }

  private parseFunction(): FilterNode {
    const nameToken = this.take() as Extract<Token, { kind: 'identifier' }>;
    const name = nameToken.text.toLowerCase();
    this.expectSymbol('(');
    const { property, variable } = this.parsePropertyReference();
    this.expectSymbol(',');
    const valueToken = this.take();
    if (valueToken.kind !== 'string') throw syntaxError(this.filter, valueToken.position);
    this.expectSymbol(')');
    return { type: 'function', name, property, value: valueToken.value, ...(variable === undefined ? {} : { variable }) };
  }

  /** A property name, a lambda variable, or variable/property. */
  private parsePropertyReference(): { property: string; variable?: string } {
    const t = this.take();
    if (t.kind !== 'identifier') throw syntaxError(this.filter, t.position);
    if (this.variables.includes(t.text)) {
      const slash = this.peek();
      if (slash.kind === 'symbol' && slash.text === '/') {
        this.take();
        const sub = this.take();
        if (sub.kind !== 'identifier') throw syntaxError(this.filter, sub.position);
        return { property: sub.text, variable: t.text };
      }
      return { property: '', variable: t.text };
    }
    return { property: t.text };
  }

  private parsePathExpression(): FilterNode {
    const { property, variable } = this.parsePropertyReference();
    const next = this.peek();
    if (variable === undefined && next.kind === 'symbol' && next.text === '/') {
      this.take();
      const fn = this.take();
      if (fn.kind !== 'identifier') throw syntaxError(this.filter, fn.position);
      const lambda = fn.text.toLowerCase();
      if (lambda !== 'any' && lambda !== 'all') {
        throw new ODataQueryError('Request_UnsupportedQuery', `Unsupported Query.`);
      }
      this.expectSymbol('(');
      const varToken = this.take();
      if (varToken.kind !== 'identifier') throw syntaxError(this.filter, varToken.position);
      this.expectSymbol(':');
      this.variables.push(varToken.text);
      const predicate = this.parseOr();
      this.variables.pop();
      this.expectSymbol(')');
      if (lambda === 'all') throw new ODataQueryError('Request_UnsupportedQuery', `Unsupported Query.`);
      return { type: 'any', property, variable: varToken.text, predicate };
    }
    const opToken = this.take();
    if (opToken.kind !== 'identifier') throw syntaxError(this.filter, opToken.position);
    const op = opToken.text.toLowerCase();
    if (op === 'in' || op === 'has') throw new ODataQueryError('Request_UnsupportedQuery', 'Unsupported Query.');
    if (!comparisonOperators.includes(op)) throw syntaxError(this.filter, opToken.position);
    const value = this.parseLiteral();
    return {
      type: 'compare',
      op: op as ComparisonOperator,
      property,
      value,
      ...(variable === undefined ? {} : { variable }),
    };
  }

  private parseLiteral(): Literal {
    const t = this.take();
    if (t.kind === 'string') return t.value;
    if (t.kind === 'number') return t.value;
    if (t.kind === 'identifier') {
      const word = t.text.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
      throw new ODataQueryError('Request_UnsupportedQuery', 'Unsupported Query.');
    }
    throw syntaxError(this.filter, t.position);
  }
}

/** Parses a $filter expression; throws ODataQueryError (400 BadRequest) on a syntax error. */
export function parseFilter(filter: string): FilterNode {
  if (filter.trim() === '') throw syntaxError(filter, 0);
  return new Parser(filter, tokenize(filter)).parse();
}

/** What a property of an entity type supports in $filter without advanced-query headers. */
export interface FilterableProperty {
  readonly type: 'string' | 'boolean' | 'collection';
  /** eq (also ne with advanced query), startswith, any */
  readonly operators: readonly ('eq' | 'startswith' | 'any')[];
}

export interface FilterSchema {
  /** e.g. "User" (for messages) */
  readonly resource: string;
  /** e.g. "microsoft.graph.user" (for messages) */
  readonly typeName: string;
  /** Every property of the type (for "Could not find a property" messages). */
  readonly knownProperties: ReadonlySet<string>;
  readonly filterable: Readonly<Record<string, FilterableProperty>>;
}

const advancedHint =
  'because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information';

/**
 * Checks a parsed filter against what Graph supports for the resource; `advanced` is true when the
 * request carries ConsistencyLevel: eventual and $count=true (then ne, not and endswith are allowed).
 */
export function validateFilter(node: FilterNode, schema: FilterSchema, advanced: boolean): void {
  const unsupported = (property: string): ODataQueryError =>
    new ODataQueryError(
      'Request_UnsupportedQuery',
      `Unsupported or invalid query filter clause specified for property '${property}' of resource '${schema.resource}'.`,
    );
  const lookup = (property: string): FilterableProperty => {
    const found = Object.entries(schema.filterable).find(([name]) => name.toLowerCase() === property.toLowerCase());
    if (found) return found[1];
    if ([...schema.knownProperties].some((p) => p.toLowerCase() === property.toLowerCase())) throw unsupported(property);
    throw new ODataQueryError('BadRequest', `Could not find a property named '${property}' on type '${schema.typeName}'.`);
  };
  const visit = (n: FilterNode, lambdaOf?: FilterableProperty & { name: string }): void => {
    switch (n.type) {
      case 'and':
      case 'or':
        visit(n.left, lambdaOf);
        visit(n.right, lambdaOf);
        return;
      case 'not':
        if (!advanced) throw new ODataQueryError('Request_UnsupportedQuery', `Operator 'not' is not supported ${advancedHint}`);
        visit(n.operand, lambdaOf);
        return;
      case 'compare': {
        if (n.variable !== undefined) {
          if (lambdaOf === undefined || n.property !== '') throw new ODataQueryError('Request_UnsupportedQuery', 'Unsupported Query.');
        } else {
          const p = lookup(n.property);
          if (p.type === 'collection' || !p.operators.includes('eq')) throw unsupported(n.property);
          if (p.type === 'boolean' && typeof n.value !== 'boolean' && n.value !== null) {
            throw new ODataQueryError(
              'BadRequest',
              `A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and '${literalType(n.value)}' for operator kind 'Equal'.`,
            );
          }
          if (p.type === 'string' && typeof n.value !== 'string' && n.value !== null) {
            throw new ODataQueryError(
              'BadRequest',
              `A binary operator with incompatible types was detected. Found operand types 'Edm.String' and '${literalType(n.value)}' for operator kind 'Equal'.`,
            );
          }
        }
        if (n.op === 'ne') {
          if (!advanced) throw new ODataQueryError('Request_UnsupportedQuery', `Operator 'ne' is not supported ${advancedHint}`);
        } else if (n.op !== 'eq') {
          throw unsupported(n.variable === undefined ? n.property : (lambdaOf?.name ?? n.property));
        }
        return;
      }
      case 'function': {
        if (n.name !== 'startswith' && n.name !== 'endswith') {
          throw new ODataQueryError('Request_UnsupportedQuery', 'Unsupported Query.');
        }
        if (n.variable !== undefined) {
          if (lambdaOf === undefined || n.property !== '' || !lambdaOf.operators.includes('startswith')) {
            throw unsupported(lambdaOf?.name ?? n.property);
          }
        } else {
          const p = lookup(n.property);
          if (p.type !== 'string' || !p.operators.includes('startswith')) throw unsupported(n.property);
        }
        if (n.name === 'endswith' && !advanced) {
          throw new ODataQueryError('Request_UnsupportedQuery', `Operator 'endsWith' is not supported ${advancedHint}`);
        }
        return;
      }
      case 'any': {
        if (lambdaOf !== undefined) throw new ODataQueryError('Request_UnsupportedQuery', 'Unsupported Query.');
        const p = lookup(n.property);
        if (p.type !== 'collection' || !p.operators.includes('any')) throw unsupported(n.property);
        visit(n.predicate, { ...p, name: n.property });
        return;
      }
    }
  };
  visit(node);
}

function literalType(value: Literal): string {
  if (typeof value === 'string') return 'Edm.String';
  if (typeof value === 'boolean') return 'Edm.Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Edm.Int32' : 'Edm.Double';
  return 'null';
}

function equals(actual: unknown, expected: Literal): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'string') return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

/** Evaluates a filter against an object whose properties are read with `get` (property names case-insensitive). */
export function matchesFilter(node: FilterNode, get: (property: string) => unknown, scope: Readonly<Record<string, unknown>> = {}): boolean {
  const read = (property: string, variable?: string): unknown => {
    if (variable !== undefined) {
      const v = scope[variable];
      return property === '' ? v : undefined;
    }
    return get(property);
  };
  switch (node.type) {
    case 'and':
      return matchesFilter(node.left, get, scope) && matchesFilter(node.right, get, scope);
    case 'or':
      return matchesFilter(node.left, get, scope) || matchesFilter(node.right, get, scope);
    case 'not':
      return !matchesFilter(node.operand, get, scope);
    case 'compare': {
      const actual = read(node.property, node.variable);
      return node.op === 'ne' ? !equals(actual, node.value) : equals(actual, node.value);
    }
    case 'function': {
      const actual = read(node.property, node.variable);
      if (typeof actual !== 'string') return false;
      const a = actual.toLowerCase();
      const v = node.value.toLowerCase();
      return node.name === 'startswith' ? a.startsWith(v) : a.endsWith(v);
    }
    case 'any': {
      const values = get(node.property);
      if (!Array.isArray(values)) return false;
      return values.some((value) => matchesFilter(node.predicate, get, { ...scope, [node.variable]: value }));
    }
  }
}
