import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { OPERATION_NAMES } from '../../src/contract/operations';
import type { FaultRule } from '../runtime/faults';
import type { Fixture, Sandbox } from '../runtime/sandbox';
import { HttpError, readJson, sendJson } from './http-json';

/**
 * The sandbox's JSON scripting API (README: "Scripting the sandbox"): reset to a fixture, run
 * resolver operations and the Rovo action as a given account, move virtual time, read the
 * usage meter, inject faults. Every body is validated; a bad one gets 400 and changes nothing.
 */
const account = z.string().min(1).max(128).nullable();

const schemas = {
  reset: z.object({ fixture: z.enum(['demo', 'empty']).default('demo') }).strict(),
  invoke: z
    .object({
      operation: z.enum(OPERATION_NAMES),
      payload: z.record(z.string(), z.unknown()).default({}),
      as: account,
      projectKey: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{1,9}$/)
        .optional(),
      issueKey: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{1,9}-\d+$/)
        .optional()
    })
    .strict(),
  action: z.object({ action: z.literal('escalate-to-human'), payload: z.record(z.string(), z.unknown()), as: account }).strict(),
  advance: z
    .object({
      ms: z
        .number()
        .int()
        .min(0)
        .max(31 * 86_400_000)
    })
    .strict(),
  faults: z
    .object({
      seed: z.number().int().optional(),
      rules: z.array(
        z
          .object({
            target: z.enum(['jira', 'kvs', 'queue', 'consumer', 'realtime', 'llm']),
            kind: z.enum(['http5xx', 'http429', 'conflict', 'duplicate', 'drop', 'die']),
            match: z.string().max(500).optional(),
            matchRegex: z.string().max(500).optional(),
            times: z.number().int().min(1).optional(),
            probability: z.number().min(0).max(1).optional()
          })
          .strict()
      )
    })
    .strict()
};

async function body<T extends z.ZodTypeAny>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

function toFaultRules(input: z.infer<typeof schemas.faults>['rules']): FaultRule[] {
  return input.map(({ matchRegex, match, ...rule }) => {
    if (matchRegex === undefined) return { ...rule, match };
    try {
      return { ...rule, match: new RegExp(matchRegex) };
    } catch {
      throw new HttpError(400, `rules: matchRegex '${matchRegex}' is not a valid regular expression`);
    }
  });
}

/** The server's current sandbox; a reset replaces it with a fresh one (same storage file, emptied). */
export interface SandboxHolder {
  readonly sandbox: Sandbox;
  reset(fixture: Fixture): Promise<Sandbox>;
  /** Time moves through the holder so explicit advances never race the wall-clock driver. */
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
}

/** Handles `/api/...`; returns false when the path is not part of the scripting API. */
export async function handleScriptingApi(holder: SandboxHolder, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const route = `${req.method} ${path}`;
  const sandbox = holder.sandbox;
  switch (route) {
    case 'POST /api/reset': {
      const { fixture } = await body(req, schemas.reset);
      const fresh = await holder.reset(fixture);
      sendJson(res, 200, { fixture, now: fresh.clock.now() });
      return true;
    }
    case 'POST /api/invoke': {
      const input = await body(req, schemas.invoke);
      const result = await sandbox.invoke({
        operation: input.operation,
        payload: input.payload,
        as: input.as,
        projectKey: input.projectKey,
        issueKey: input.issueKey
      });
      sendJson(res, 200, result ?? null);
      return true;
    }
    case 'POST /api/action': {
      const input = await body(req, schemas.action);
      sendJson(res, 200, await sandbox.action(input.action, input.payload, input.as));
      return true;
    }
    case 'POST /api/clock/advance': {
      const { ms } = await body(req, schemas.advance);
      await holder.advance(ms);
      sendJson(res, 200, { now: sandbox.clock.now() });
      return true;
    }
    case 'POST /api/settle':
      await holder.settle();
      sendJson(res, 200, { now: sandbox.clock.now(), pendingEvents: sandbox.pendingEvents() });
      return true;
    case 'GET /api/clock':
      sendJson(res, 200, { now: sandbox.clock.now(), timers: sandbox.clock.pendingTimers() });
      return true;
    case 'GET /api/usage':
      sendJson(res, 200, sandbox.meter.snapshot());
      return true;
    case 'POST /api/usage/reset':
      sandbox.meter.reset();
      sendJson(res, 200, sandbox.meter.snapshot());
      return true;
    case 'POST /api/faults': {
      const input = await body(req, schemas.faults);
      sandbox.faults.set(toFaultRules(input.rules), input.seed);
      sendJson(res, 200, { rules: input.rules.length });
      return true;
    }
    default:
      return false;
  }
}
