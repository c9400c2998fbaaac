import type { ServerResponse } from 'node:http';
import { readDirectory } from '../host/directory';
import { chromePage } from '../host/pages/chrome';
import { formatTime, html } from '../host/pages/html';
import { usageTable } from '../host/pages/usage-page';
import type { Sandbox } from '../runtime/sandbox';

/**
 * The sandbox's start page: every page of the app, each opened as the user who works in it
 * (a portal per space, an inbox per agent, the settings pages as their admins, the chat work
 * items with their issue panel), the fake Jira's work items, the usage meter, and how to script
 * the sandbox.
 */
export async function serveStartPage(sandbox: Sandbox, res: ServerResponse): Promise<void> {
  const directory = await readDirectory(sandbox);
  const as = (accountId: string | null) => `as=${encodeURIComponent(accountId ?? 'anonymous')}`;
  const agents = [
    ...new Map(
      directory.spaces.flatMap((s) =>
        s.agents.map((a) => [
          a.accountId,
          { ...a, spaces: directory.spaces.filter((x) => x.agents.some((y) => y.accountId === a.accountId)).map((x) => x.key) }
        ])
      )
    ).values()
  ];
  const chats = sandbox.jira
    .listIssues()
    .filter((i) => i.fields.labels.includes('live-chat'))
    .sort((a, b) => b.created - a.created)
    .slice(0, 10);
  const firstAgent = agents[0]?.accountId ?? null;
  const body = html`<h1>Live Chat Handoff sandbox</h1>
    <p>
      The app runs here on a local Forge-compatible runtime against a fake Jira Service Management site. Open a page as the person who works
      in it; switch user in any page's header. Virtual time: <code>${new Date(sandbox.clock.now()).toISOString()}</code>.
    </p>
    <div class="cards-2">
      <section class="panel" aria-labelledby="h-portal">
        <h2 id="h-portal">Customers: help portals</h2>
        <ul>
          ${directory.spaces.map(
            (s) =>
              html`<li>
                <a href="/pages/portal/${s.key}?${as(null)}">${s.name} portal (${s.key})</a> as an anonymous
                visitor${s.customers.map((c) => html`, or <a href="/pages/portal/${s.key}?${as(c.accountId)}">as ${c.displayName}</a>`)}
              </li>`
          )}
        </ul>
      </section>
      <section class="panel" aria-labelledby="h-inbox">
        <h2 id="h-inbox">Agents: live chat inbox</h2>
        <ul>
          ${agents.map((a) => html`<li><a href="/pages/inbox?${as(a.accountId)}">Inbox of ${a.displayName}</a> <span class="subtle">(${a.spaces.join(', ')})</span></li>`)}
        </ul>
      </section>
      <section class="panel" aria-labelledby="h-settings">
        <h2 id="h-settings">Admins: settings</h2>
        <ul>
          ${directory.spaces.map((s) => html`<li><a href="/pages/space-settings/${s.key}?${as(s.admins[0]?.accountId ?? null)}">${s.name} space settings: Live chat</a> as ${s.admins[0]?.displayName ?? 'nobody'}</li>`)}
          ${directory.siteAdmins.map((a) => html`<li><a href="/pages/admin?${as(a.accountId)}">Jira administration: Live chat</a> as ${a.displayName}</li>`)}
        </ul>
      </section>
      <section class="panel" aria-labelledby="h-items">
        <h2 id="h-items">Work items</h2>
        <p><a href="/pages/work-items?${as(firstAgent)}">All work items of the fake Jira</a></p>
        ${
          chats.length
            ? html`<p>Chat work items, with the Live chat issue panel:</p>
                <ul>
                  ${chats.map((i) => html`<li><a href="/pages/work-items/${i.key}?${as(i.fields.assignee ?? firstAgent)}">${i.key}: ${i.fields.summary}</a> <span class="subtle">${formatTime(i.created)}</span></li>`)}
                </ul>`
            : html`<p class="subtle">No chat work items yet: ask for a person in a portal's chat to create one.</p>`
        }
      </section>
    </div>
    <section aria-labelledby="h-usage">
      <h2 id="h-usage">Usage meter</h2>
      <p><a href="/pages/usage">Usage details</a></p>
      ${usageTable(sandbox)}
    </section>
    <section aria-labelledby="h-api">
      <h2 id="h-api">Scripting API</h2>
      <p>
        <code>POST /api/reset</code>, <code>POST /api/invoke</code>, <code>POST /api/action</code>, <code>POST /api/clock/advance</code>,
        <code>POST /api/settle</code>, <code>GET /api/usage</code>, <code>POST /api/faults</code>, and the fake Jira under
        <code>/jira/rest/...</code> (see the README).
      </p>
    </section>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(chromePage({ title: 'Live Chat Handoff sandbox', product: 'sandbox', body }).text);
}
