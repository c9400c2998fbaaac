import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from './server';

/**
 * README.md's "A whole chat over HTTP" (issue 4: the scripting example runs a whole chat), run
 * as written against the sandbox server: every call of the block is made over HTTP, and every
 * `# →` line is checked against the answer of the call before it (as a partial match), so the
 * README cannot drift from what the app does.
 *
 * The block may use only what this reads: `curl -s [-XPOST] URL [-H 'Name: value'] [-d 'body']`,
 * `NAME=$(command)`, `echo "$NAME"`, `jq -r .field`, `;` between commands, `$NAME` outside
 * single quotes, and comments. `localhost:8787` is the server under test.
 */
const README = path.resolve(__dirname, '..', '..', 'README.md');
const HEADING = '#### A whole chat over HTTP';
const README_ORIGIN = 'localhost:8787';

interface Step {
  readonly line: string;
  readonly expected: string | null;
}

/** The lines of the first bash block after the heading, as commands with the answer each expects. */
function readmeSteps(markdown: string): Step[] {
  const at = markdown.indexOf(HEADING);
  if (at < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const open = markdown.indexOf('```bash\n', at);
  const close = markdown.indexOf('\n```', open + 1);
  if (open < 0 || close < 0) throw new Error(`README.md's "${HEADING}" has no bash block`);
  const steps: { line: string; expected: string | null }[] = [];
  for (const raw of markdown.slice(open + '```bash\n'.length, close).split('\n')) {
    const line = raw.trim();
    const expectation = /^# →\s*(.*)$/.exec(line);
    if (expectation) {
      const last = steps[steps.length - 1];
      if (!last || last.expected !== null) throw new Error(`README: an answer with no call before it: ${line}`);
      last.expected = expectation[1];
    } else if (line !== '' && !line.startsWith('#')) {
      steps.push({ line, expected: null });
    }
  }
  return steps;
}

type Token = { word: string } | { op: '|' | ';' };

/** Shell words as bash reads these lines: quotes joined, `$NAME` expanded (not in single quotes). */
function tokenize(text: string, vars: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  let word: string | null = null;
  const expand = (from: number): [string, number] => {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(from))?.[0];
    if (!name) throw new Error(`README: a bare $ in ${text}`);
    if (!vars.has(name)) throw new Error(`README: $${name} is used before it is set`);
    return [vars.get(name) as string, from + name.length];
  };
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === ' ' || c === '|' || c === ';') {
      if (word !== null) tokens.push({ word });
      word = null;
      if (c !== ' ') tokens.push({ op: c });
      i += 1;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`README: an unclosed ' in ${text}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '$') {
          const [expanded, next] = expand(j + 1);
          value += expanded;
          j = next;
        } else value += text[j++];
      }
      if (j >= text.length) throw new Error(`README: an unclosed " in ${text}`);
      word = (word ?? '') + value;
      i = j + 1;
    } else if (c === '$') {
      const [value, next] = expand(i + 1);
      word = (word ?? '') + value;
      i = next;
    } else {
      word = (word ?? '') + c;
      i += 1;
    }
  }
  if (word !== null) tokens.push({ word });
  return tokens;
}

/** `a; b` → statements, each `NAME=$(...)` or a pipeline; the `$( )` is matched before tokenizing its inside. */
function statements(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) quote = c === quote ? null : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '(' && line[i - 1] === '$') depth += 1;
    else if (c === ')' && depth > 0) depth -= 1;
    else if (c === ';' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

describe('README: a whole chat over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, realTime: false });
  });

  afterAll(async () => {
    await server.close();
  });

  async function curl(args: string[]): Promise<string> {
    let method = 'GET';
    let body: string | undefined;
    let url: string | undefined;
    const headers: Record<string, string> = {};
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i];
      if (arg === '-s') continue;
      if (arg.startsWith('-X')) method = arg.length > 2 ? arg.slice(2) : args[++i];
      else if (arg === '-d') {
        body = args[++i];
        if (method === 'GET') method = 'POST';
      } else if (arg === '-H') {
        const [name, ...value] = args[++i].split(':');
        headers[name.trim()] = value.join(':').trim();
      } else if (arg.startsWith('-')) throw new Error(`README: curl option ${arg} is not one this test reads`);
      else url = arg;
    }
    if (!url?.startsWith(README_ORIGIN)) throw new Error(`README: curl must call ${README_ORIGIN}, not ${url}`);
    const res = await fetch(`${server.url}${url.slice(README_ORIGIN.length)}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body })
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`README: ${method} ${url} answered HTTP ${res.status}: ${text}`);
    return text;
  }

  /** One pipeline: `curl ...`, `echo WORD`, optionally `| jq -r .field`. */
  async function run(tokens: Token[]): Promise<string> {
    const commands: string[][] = [[]];
    for (const token of tokens) {
      if ('op' in token) {
        if (token.op !== '|') throw new Error('README: ; inside a pipeline');
        commands.push([]);
      } else commands[commands.length - 1].push(token.word);
    }
    let output = '';
    for (const [name, ...args] of commands) {
      if (name === 'curl') output = await curl(args);
      else if (name === 'echo') output = args.join(' ');
      else if (name === 'jq' && args.length === 2 && args[0] === '-r' && /^\.[A-Za-z_]+$/.test(args[1])) {
        const value = (JSON.parse(output) as Record<string, unknown>)[args[1].slice(1)];
        output = typeof value === 'string' ? value : JSON.stringify(value);
      } else throw new Error(`README: the command ${name} ${args.join(' ')} is not one this test reads`);
    }
    return output;
  }

  it('issue 4: the README’s scripted chat runs as written, and every answer is as shown', async () => {
    const steps = readmeSteps(fs.readFileSync(README, 'utf8'));
    const vars = new Map<string, string>();
    const called: string[] = [];
    for (const step of steps) {
      let output: string | null = null;
      for (const statement of statements(step.line)) {
        const assignment = /^([A-Z_][A-Z0-9_]*)=\$\((.*)\)$/.exec(statement);
        if (assignment) vars.set(assignment[1], await run(tokenize(assignment[2], vars)));
        else output = await run(tokenize(statement, vars));
        called.push(statement);
      }
      if (output === null) {
        if (step.expected !== null) throw new Error(`README: an answer shown for an assignment: ${step.line}`);
        continue;
      }
      if (step.expected === null) throw new Error(`README: every call shows (part of) its answer; this one does not: ${step.line}`);
      const expected: unknown = JSON.parse(
        step.expected.replace(/\$([A-Z_][A-Z0-9_]*)/g, (_, name: string) => vars.get(name) ?? `$${name}`)
      );
      expect({ step: step.line, answer: JSON.parse(output) as unknown }).toMatchObject({ step: step.line, answer: expected });
    }

    // The block is issue 4's whole chat: each of these appears in it.
    const script = called.join('\n');
    for (const part of [
      'agent.heartbeat',
      'agent.setStatus',
      'chat.start',
      'agent.me',
      'offer.accept',
      'chat.send',
      'conversation.send',
      'conversation.resolve',
      '/jira/rest/api/3/issue/SUP-1'
    ]) {
      expect({ part, present: script.includes(part) }).toEqual({ part, present: true });
    }
  });
});
