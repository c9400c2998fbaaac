import api, { type Route } from '@forge/api';
import type { z } from 'zod';
import type { JiraCaller } from '../../app/ports/jira';
import { JiraError } from '../../app/ports/jira-error';
import { jiraErrorFromStatus, jiraUnreachable } from './jira-error';

/**
 * The one place the app talks to Jira: `asApp()` for the app's own work, `asUser()` for the
 * invocation's user (only possible inside that user's invocation). Answers are parsed with a
 * schema of the fields the app reads, so a surprise shape fails loudly here and nowhere else.
 */
export interface JiraRequest {
  readonly as: JiraCaller;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: Route;
  readonly body?: unknown;
  /**
   * A multipart body (attachments), sent with `X-Atlassian-Token: no-check` as Jira requires of
   * every multipart POST. requestJira takes an ArrayBuffer or a string, not FormData: the form is
   * encoded here (boundary and all) and sent as bytes.
   */
  readonly form?: FormData;
}

export async function jiraJson<S extends z.ZodType>(request: JiraRequest, schema: S): Promise<z.infer<S>> {
  const text = await jiraText(request);
  const parsed = schema.safeParse(text === '' ? undefined : JSON.parse(text));
  if (!parsed.success)
    throw new JiraError(502, `Unexpected answer from Jira for ${request.method} ${request.path.value}: ${parsed.error.message}`, false, 0);
  return parsed.data;
}

/** For calls whose answer the app does not read (204s, edits). */
export async function jiraSend(request: JiraRequest): Promise<void> {
  await jiraText(request);
}

async function jiraText(request: JiraRequest): Promise<string> {
  const client = request.as === 'app' ? api.asApp() : api.asUser();
  const init = request.form
    ? await multipart(request.method, request.form)
    : {
        method: request.method,
        headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) })
      };
  let response;
  try {
    response = await client.requestJira(request.path, init);
  } catch (error) {
    throw jiraUnreachable(error);
  }
  const text = await response.text();
  if (response.ok) return text;
  throw jiraErrorFromStatus(
    response.status,
    `${request.method} ${request.path.value} answered ${response.status}: ${errorText(text)}`,
    response.headers.get('retry-after')
  );
}

async function multipart(method: JiraRequest['method'], form: FormData) {
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const body = await encoded.arrayBuffer();
  return { method, headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check' }, body };
}

/** Jira's platform errors are `{ errorMessages, errors }`, JSM's `{ errorMessage }`. */
function errorText(body: string): string {
  try {
    const value = JSON.parse(body) as {
      errorMessages?: string[];
      errors?: Record<string, string>;
      errorMessage?: string;
      message?: string;
    };
    const messages = [...(value.errorMessages ?? []), ...Object.values(value.errors ?? {}), value.errorMessage, value.message].filter(
      Boolean
    );
    return messages.join('; ') || body.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}
