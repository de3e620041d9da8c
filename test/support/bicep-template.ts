/**
 * Reads a Bicep file into plain values, for tests that check what infra/azure.bicep declares.
 * There is no Bicep compiler on the test machines (the Agents Toolkit downloads one when it
 * deploys), so this understands the part of the language the template uses: params with
 * decorators, vars, resources (also `existing` and `if (...)`), outputs; object and array
 * literals, strings, numbers, booleans and null. Every other expression (a reference, a function
 * call, an interpolated string, a loop) is kept as its source text in a {@link BicepExpression}.
 * It never evaluates anything.
 */

/** An expression the reader does not evaluate, as written in the file (comments removed). */
export class BicepExpression {
  constructor(readonly text: string) {}
}

export type BicepValue =
  string | number | boolean | null | BicepExpression | BicepValue[] | { [key: string]: BicepValue };

export interface BicepParam {
  readonly type: string;
  readonly defaultValue?: BicepValue;
  /** Decorators as written, e.g. `@allowed([ 'a' 'b' ])` → name `allowed`, argument text. */
  readonly decorators: ReadonlyArray<{ readonly name: string; readonly argument: BicepValue | undefined }>;
}

export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly existing: boolean;
  /** The condition of `= if (...) {...}`, as written. */
  readonly condition?: string;
  readonly body: { [key: string]: BicepValue };
}

export interface BicepTemplate {
  readonly params: ReadonlyMap<string, BicepParam>;
  readonly vars: ReadonlyMap<string, BicepValue>;
  readonly resources: ReadonlyMap<string, BicepResource>;
  readonly outputs: ReadonlyMap<string, { readonly type: string; readonly value: BicepValue }>;
}

type TokenKind = 'newline' | 'string' | 'word' | 'number' | 'punct';

interface Token {
  readonly kind: TokenKind;
  /** For strings: the value without quotes and escapes; otherwise the source text. */
  readonly value: string;
  /** Whether a string holds `${...}` interpolation. */
  readonly interpolated?: boolean;
  readonly start: number;
  readonly end: number;
}

/** Raised for text this reader does not understand, with the line it stopped at. */
export class BicepSyntaxError extends Error {
  override name = 'BicepSyntaxError';
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new BicepSyntaxError(`${message} (line ${lineOf(source, i)})`);
  };
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\n') {
      tokens.push({ kind: 'newline', value: '\n', start: i, end: i + 1 });
      i += 1;
    } else if (/\s/.test(char)) {
      i += 1;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) fail('unclosed comment');
      i = close + 2;
    } else if (source.startsWith("'''", i)) {
      const close = source.indexOf("'''", i + 3);
      if (close < 0) fail('unclosed multi-line string');
      tokens.push({ kind: 'string', value: source.slice(i + 3, close), start: i, end: close + 3 });
      i = close + 3;
    } else if (char === "'") {
      tokens.push(readString(source, i, fail));
      i = tokens[tokens.length - 1]!.end;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'word', value: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else {
      tokens.push({ kind: 'punct', value: char, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

/** A single-quoted string from `start`; `\` escapes, `${...}` nests expressions (and strings). */
function readString(source: string, start: number, fail: (message: string) => never): Token {
  let i = start + 1;
  let value = '';
  let interpolated = false;
  for (;;) {
    if (i >= source.length || source[i] === '\n') fail('unclosed string');
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      value += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next] ?? next;
      i += 2;
    } else if (char === "'") {
      return { kind: 'string', value, interpolated, start, end: i + 1 };
    } else if (source.startsWith('${', i)) {
      interpolated = true;
      let depth = 0;
      const from = i;
      while (i < source.length) {
        if (source[i] === "'") i = readString(source, i, fail).end - 1;
        else if (source[i] === '{') depth += 1;
        else if (source[i] === '}' && (depth -= 1) === 0) break;
        i += 1;
      }
      value += source.slice(from, i + 1);
      i += 1;
    } else {
      value += char;
      i += 1;
    }
  }
}

const OPENERS: Readonly<Record<string, string>> = { '{': '}', '[': ']', '(': ')' };

class Reader {
  private position = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  get done(): boolean {
    return this.position >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw new BicepSyntaxError('unexpected end of file');
    this.position += 1;
    return token;
  }

  fail(message: string): never {
    const token = this.peek() ?? this.tokens[this.tokens.length - 1];
    throw new BicepSyntaxError(`${message} (line ${token ? lineOf(this.source, token.start) : 0})`);
  }

  expect(kind: TokenKind, value?: string): Token {
    const token = this.next();
    if (token.kind !== kind || (value !== undefined && token.value !== value)) {
      this.position -= 1;
      this.fail(`expected ${value ?? kind}, found "${token.value}"`);
    }
    return token;
  }

  skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.position += 1;
  }

  /** True when the next token is the given punctuation or word. */
  at(value: string): boolean {
    const token = this.peek();
    return token !== undefined && token.kind !== 'string' && token.value === value;
  }

  /**
   * Tokens up to the end of the expression: a newline or comma outside brackets, or a closing
   * bracket that this expression did not open. Returns its source text.
   */
  rawExpression(): string {
    const closers: string[] = [];
    const first = this.peek();
    let last: Token | undefined;
    while (!this.done) {
      const token = this.peek()!;
      const ends = token.kind === 'newline' || [',', '}', ']', ')'].some((value) => this.at(value));
      if (closers.length === 0 && ends) break;
      if (token.kind === 'punct' && OPENERS[token.value]) closers.push(OPENERS[token.value]!);
      else if (token.kind === 'punct' && token.value === closers[closers.length - 1]) closers.pop();
      last = this.next();
    }
    if (!first || !last) this.fail('expected an expression');
    return stripComments(this.source.slice(first.start, last.end));
  }

  value(): BicepValue {
    this.skipNewlines();
    if (this.at('{')) return this.object();
    // `[for x in list: ...]` is a loop, kept as an expression; any other `[` opens an array.
    if (this.at('[') && this.peekPastNewlines(1) !== 'for') return this.array();
    const start = this.position;
    const text = this.rawExpression();
    const only = this.position - start === 1 ? this.tokens[start]! : undefined;
    if (only?.kind === 'string' && !only.interpolated) return only.value;
    if (only?.kind === 'number') return Number(only.value);
    if (only?.kind === 'word' && ['true', 'false', 'null'].includes(only.value)) {
      return JSON.parse(only.value) as BicepValue;
    }
    if (this.position - start === 2 && this.tokens[start]!.value === '-' && this.tokens[start + 1]!.kind === 'number') {
      return -Number(this.tokens[start + 1]!.value);
    }
    return new BicepExpression(text);
  }

  private peekPastNewlines(offset: number): string | undefined {
    let index = this.position + offset;
    while (this.tokens[index]?.kind === 'newline') index += 1;
    return this.tokens[index]?.value;
  }

  object(): { [key: string]: BicepValue } {
    this.expect('punct', '{');
    const result: { [key: string]: BicepValue } = {};
    for (;;) {
      this.skipNewlines();
      if (this.at(',')) {
        this.next();
        continue;
      }
      if (this.at('}')) {
        this.next();
        return result;
      }
      const key = this.next();
      if (key.kind !== 'word' && key.kind !== 'string') this.fail(`expected a property name, found "${key.value}"`);
      // A computed name ('${identity.id}') is kept as written between the quotes.
      this.expect('punct', ':');
      result[key.value] = this.value();
    }
  }

  array(): BicepValue[] {
    this.expect('punct', '[');
    const result: BicepValue[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.at(',')) {
        this.next();
        continue;
      }
      if (this.at(']')) {
        this.next();
        return result;
      }
      result.push(this.value());
    }
  }

  /** The rest of the line, for statements this reader skips. */
  skipStatement(): void {
    if (!this.done && this.peek()?.kind !== 'newline') this.rawExpression();
  }
}

/** The expression's text without comments, runs of whitespace outside strings made one space. */
function stripComments(text: string): string {
  const fail = (message: string): never => {
    throw new BicepSyntaxError(message);
  };
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      const end = text.startsWith("'''", i) ? text.indexOf("'''", i + 3) + 3 : readString(text, i, fail).end;
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i + 2) + 2;
    } else if (/\s/.test(text[i]!)) {
      if (!out.endsWith(' ')) out += ' ';
      i += 1;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out.trim();
}

/** Reads the text of a Bicep file. */
export function readBicep(source: string): BicepTemplate {
  const reader = new Reader(source, tokenize(source));
  const params = new Map<string, BicepParam>();
  const vars = new Map<string, BicepValue>();
  const resources = new Map<string, BicepResource>();
  const outputs = new Map<string, { type: string; value: BicepValue }>();
  let decorators: Array<{ name: string; argument: BicepValue | undefined }> = [];
  for (;;) {
    reader.skipNewlines();
    if (reader.done) break;
    if (reader.at('@')) {
      reader.next();
      const name = reader.expect('word').value;
      let argument: BicepValue | undefined;
      if (reader.at('(')) {
        reader.next();
        argument = reader.at(')') ? undefined : reader.value();
        reader.skipNewlines();
        reader.expect('punct', ')');
      }
      decorators.push({ name, argument });
      continue;
    }
    const keyword = reader.expect('word').value;
    switch (keyword) {
      case 'param': {
        const name = reader.expect('word').value;
        const type = reader.expect('word').value;
        let defaultValue: BicepValue | undefined;
        if (reader.at('=')) {
          reader.next();
          defaultValue = reader.value();
        }
        params.set(name, { type, decorators, ...(defaultValue === undefined ? {} : { defaultValue }) });
        break;
      }
      case 'var': {
        const name = reader.expect('word').value;
        reader.expect('punct', '=');
        vars.set(name, reader.value());
        break;
      }
      case 'resource': {
        const symbol = reader.expect('word').value;
        const typeToken = reader.expect('string');
        const [type, apiVersion] = typeToken.value.split('@') as [string, string | undefined];
        const existing = reader.peek()?.value === 'existing' ? (reader.next(), true) : false;
        reader.expect('punct', '=');
        let condition: string | undefined;
        if (reader.at('if')) {
          reader.next();
          const open = reader.expect('punct', '(');
          let depth = 1;
          let close = open;
          while (depth > 0) {
            close = reader.next();
            if (close.value === '(') depth += 1;
            if (close.value === ')') depth -= 1;
          }
          condition = stripComments(source.slice(open.end, close.start));
        }
        reader.skipNewlines();
        if (!reader.at('{')) reader.fail(`resource ${symbol}: only a plain or conditional body is read`);
        resources.set(symbol, {
          symbol,
          type,
          apiVersion: apiVersion ?? '',
          existing,
          ...(condition === undefined ? {} : { condition }),
          body: reader.object(),
        });
        break;
      }
      case 'output': {
        const name = reader.expect('word').value;
        const type = reader.expect('word').value;
        reader.expect('punct', '=');
        outputs.set(name, { type, value: reader.value() });
        break;
      }
      default:
        reader.skipStatement();
    }
    decorators = [];
  }
  return { params, vars, resources, outputs };
}

/** The value at a dotted path (`properties.siteConfig.minTlsVersion`), or undefined. */
export function valueAt(value: BicepValue | undefined, path: string): BicepValue | undefined {
  let current: BicepValue | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || current instanceof BicepExpression) return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}

/** The text of an expression value, or undefined for any other value. */
export function expressionText(value: BicepValue | undefined): string | undefined {
  return value instanceof BicepExpression ? value.text : undefined;
}
