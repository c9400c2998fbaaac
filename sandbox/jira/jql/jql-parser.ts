/**
 * A parser for the JQL subset the fake site answers (see README.md): clauses `field op value`
 * joined by AND / OR / NOT and parentheses, list values `(a, b)`, functions without arguments
 * (`currentUser()`), EMPTY, and `ORDER BY field [ASC|DESC], ...`. Errors read like Jira's.
 */
export type JqlValue = { kind: 'literal'; text: string } | { kind: 'function'; name: string } | { kind: 'empty' };

export type JqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not' | '~' | '!~';

export type JqlNode =
  | { kind: 'and' | 'or'; children: JqlNode[] }
  | { kind: 'not'; child: JqlNode }
  | { kind: 'clause'; field: string; operator: JqlOperator; values: JqlValue[] };

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: Array<{ field: string; direction: 'asc' | 'desc' }>;
}

export class JqlError extends Error {}

type Token = { text: string; quoted: boolean; at: number };

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(!=|<=|>=|!~|[=<>~(),])|([^\s"'=!<>~(),]+))/gy;
  let match: RegExpExecArray | null;
  let last = 0;
  while (last < jql.length && (match = pattern.exec(jql)) !== null) {
    last = pattern.lastIndex;
    const at = match.index + match[0].length - match[0].trimStart().length + 1;
    if (match[1] !== undefined || match[2] !== undefined)
      tokens.push({ text: (match[1] ?? match[2]).replace(/\\(.)/g, '$1'), quoted: true, at });
    else tokens.push({ text: match[3] ?? match[4], quoted: false, at });
  }
  if (jql.slice(last).trim() !== '')
    throw new JqlError(`Error in the JQL Query: The quoted string starting at character ${last + 1} has not been completed.`);
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private is(word: string): boolean {
    const token = this.peek();
    return !!token && !token.quoted && token.text.toLowerCase() === word;
  }

  private take(): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new JqlError('Error in the JQL Query: Expecting a field name, operator or value but the query ended.');
    return token;
  }

  private expect(word: string): void {
    const token = this.take();
    if (token.quoted || token.text.toLowerCase() !== word) {
      throw new JqlError(`Error in the JQL Query: Expecting '${word}' but got '${token.text}'. (line 1, character ${token.at})`);
    }
  }

  parse(): JqlQuery {
    const where = this.peek() && !this.is('order') ? this.parseOr() : null;
    const orderBy: JqlQuery['orderBy'] = [];
    if (this.is('order')) {
      this.take();
      this.expect('by');
      do {
        const field = this.take().text;
        const direction = this.is('asc') || this.is('desc') ? (this.take().text.toLowerCase() as 'asc' | 'desc') : 'asc';
        orderBy.push({ field, direction });
      } while (this.peek()?.text === ',' && !!this.take());
    }
    const rest = this.peek();
    if (rest)
      throw new JqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${rest.text}'. (line 1, character ${rest.at})`);
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    const children = [this.parseAnd()];
    while (this.is('or')) {
      this.take();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  private parseAnd(): JqlNode {
    const children = [this.parseNot()];
    while (this.is('and')) {
      this.take();
      children.push(this.parseNot());
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private parseNot(): JqlNode {
    if (this.is('not')) {
      this.take();
      return { kind: 'not', child: this.parseNot() };
    }
    if (this.peek()?.text === '(' && !this.peek()?.quoted) {
      this.take();
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    return this.parseClause();
  }

  private parseOperator(): JqlOperator {
    const token = this.take();
    const word = token.text.toLowerCase();
    if (['=', '!=', '<', '<=', '>', '>=', '~', '!~', 'in'].includes(word)) return word as JqlOperator;
    if (word === 'not' && this.is('in')) {
      this.take();
      return 'not in';
    }
    if (word === 'is') {
      if (!this.is('not')) return 'is';
      this.take();
      return 'is not';
    }
    throw new JqlError(`Error in the JQL Query: Expecting operator but got '${token.text}'. (line 1, character ${token.at})`);
  }

  private parseValue(): JqlValue {
    const token = this.take();
    if (!token.quoted && ['empty', 'null'].includes(token.text.toLowerCase())) return { kind: 'empty' };
    if (!token.quoted && this.peek()?.text === '(') {
      this.take();
      this.expect(')');
      return { kind: 'function', name: token.text };
    }
    if (!token.quoted && [',', '(', ')'].includes(token.text)) {
      throw new JqlError(`Error in the JQL Query: Expecting a value but got '${token.text}'. (line 1, character ${token.at})`);
    }
    return { kind: 'literal', text: token.text };
  }

  private parseClause(): JqlNode {
    const field = this.take();
    const operator = this.parseOperator();
    if (operator === 'in' || operator === 'not in') {
      this.expect('(');
      const values = [this.parseValue()];
      while (this.peek()?.text === ',') {
        this.take();
        values.push(this.parseValue());
      }
      this.expect(')');
      return { kind: 'clause', field: field.text, operator, values };
    }
    return { kind: 'clause', field: field.text, operator, values: [this.parseValue()] };
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}
