import { adfToText } from '../../jira/adf';
import { demoSite } from '../../jira/demo-site';
import { statusById } from '../../jira/field-catalog';
import type { IssueRecord } from '../../jira/site-model';
import { displayName } from '../directory';
import { displayConditionHolds, type UiManifest } from '../ui-manifest';
import { appFrame, staffGroups } from './app-frame';
import { chromePage } from './chrome';
import { formatTime, html, type Html } from './html';
import { jiraNav, type SurfaceDeps } from './surface-pages';

/**
 * The fake Jira's work items, as an agent sees them in Jira: a list, and a work item view with
 * its fields, public replies and internal notes, participants, and the app's issue panels
 * where their display conditions hold. Fields are read from the sandbox's Jira as stored; the
 * panels run as the chosen user.
 */
function statusLozenge(statusId: string): Html {
  const status = statusById(statusId);
  const tone = status.category === 'done' ? 'success' : status.category === 'indeterminate' ? 'inprogress' : '';
  return html`<span class="lozenge ${tone}">${status.name}</span>`;
}

function teamName(teamId: string | null): string {
  if (!teamId) return 'None';
  return demoSite(Date.now()).teams.find((t) => t.id === teamId)?.displayName ?? teamId;
}

function person(deps: SurfaceDeps, accountId: string | null): string {
  return accountId ? displayName(deps.sandbox, accountId) : 'Unassigned';
}

export function workItemListPage(deps: SurfaceDeps, as: string | null, projectKey: string | undefined): Html {
  const issues = deps.sandbox.jira.listIssues(projectKey).sort((a, b) => b.created - a.created);
  const q = as ? `?as=${encodeURIComponent(as)}` : '';
  const filter = html`<p>
    ${[{ key: undefined, name: 'All spaces' }, ...deps.directory.spaces].map((s, i) => {
      const href = `/pages/work-items?${new URLSearchParams({ ...(as ? { as } : {}), ...(s.key ? { project: s.key } : {}) }).toString()}`;
      return html`${i ? ' · ' : ''}${s.key === projectKey ? html`<strong>${s.name}</strong>` : html`<a href="${href}">${s.name}</a>`}`;
    })}
  </p>`;
  const rows = issues.map(
    (i) =>
      html`<tr>
        <td><a href="/pages/work-items/${i.key}${q}">${i.key}</a></td>
        <td>${i.fields.summary}</td>
        <td>${statusLozenge(i.fields.statusId)}</td>
        <td>${person(deps, i.fields.assignee)}</td>
        <td>${i.fields.labels.join(', ') || '—'}</td>
        <td>${teamName(i.fields.team)}</td>
        <td>${formatTime(i.created)}</td>
      </tr>`
  );
  const body = html`<h1>Work items</h1>
    ${filter}
    ${
      issues.length === 0
        ? html`<p>No work items yet. A customer who asks the portal's chat for a person creates one.</p>`
        : html`<div class="table-scroll">
            <table class="data">
              <caption class="subtle" style="text-align:left">
                ${issues.length} work item${issues.length === 1 ? '' : 's'}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Status</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Team</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
    }`;
  return chromePage({
    title: 'Work items - Jira',
    product: 'jira',
    nav: jiraNav('work-items', as),
    switcher: { groups: staffGroups(deps.directory), anonymous: false, current: as, keep: projectKey ? { project: projectKey } : {} },
    body
  });
}

export function workItemPage(deps: SurfaceDeps, manifest: UiManifest, as: string | null, issue: IssueRecord): Html {
  const project = deps.directory.spaces.find((s) => issue.key.startsWith(`${s.key}-`));
  const requestType = deps.sandbox.jira.project(issue.key.split('-')[0])?.requestTypes.find((t) => t.id === issue.requestTypeId);
  const panels = [...manifest.modules.values()].filter(
    (m) => m.type === 'jira:issuePanel' && displayConditionHolds(m.jiraExpression, { labels: issue.fields.labels }) !== false
  );
  const frames = panels.map((m) => appFrame(deps, m, as, { issueKey: issue.key, layout: 'panel' }));
  const comments = issue.comments.map(
    (c) =>
      html`<article
        class="comment${c.jsdPublic ? '' : ' internal'}"
        aria-label="${c.jsdPublic ? 'Reply to customer' : 'Internal note'} by ${person(deps, c.authorId)}"
      >
        <p>
          <strong>${person(deps, c.authorId)}</strong>
          <span class="lozenge${c.jsdPublic ? ' inprogress' : ' warning'}">${c.jsdPublic ? 'Reply to customer' : 'Internal note'}</span>
          <span class="subtle">${formatTime(c.created)}</span>
        </p>
        <pre>${adfToText(c.body)}</pre>
      </article>`
  );
  const body = html`<h1>${issue.fields.summary}</h1>
    <div class="work-item">
      <div>
        <section class="description" aria-labelledby="desc-h">
          <h2 id="desc-h">Description</h2>
          ${issue.fields.description ? html`<pre>${adfToText(issue.fields.description)}</pre>` : html`<p class="subtle">No description.</p>`}
        </section>
        ${frames.map(
          (f) =>
            html`<section class="panel" aria-labelledby="${f.boot.id}-h">
              <h2 id="${f.boot.id}-h">${f.boot.title}</h2>
              ${f.markup}
            </section>`
        )}
        <section aria-labelledby="comments-h">
          <h2 id="comments-h">Activity</h2>
          ${comments.length ? comments : html`<p class="subtle">No comments yet.</p>`}
        </section>
      </div>
      <aside class="panel" aria-labelledby="details-h">
        <h2 id="details-h">Details</h2>
        <dl class="fields">
          <dt>Status</dt>
          <dd>${statusLozenge(issue.fields.statusId)}</dd>
          <dt>Assignee</dt>
          <dd>${person(deps, issue.fields.assignee)}</dd>
          <dt>Reporter</dt>
          <dd>${person(deps, issue.fields.reporter)}</dd>
          <dt>Request type</dt>
          <dd>${requestType?.name ?? '—'}</dd>
          <dt>Labels</dt>
          <dd>${issue.fields.labels.length ? issue.fields.labels.map((l) => html`<span class="lozenge label">${l}</span> `) : 'None'}</dd>
          <dt>Team</dt>
          <dd>${teamName(issue.fields.team)}</dd>
          <dt>Participants</dt>
          <dd>${issue.participants.length ? issue.participants.map((p) => person(deps, p)).join(', ') : 'None'}</dd>
          <dt>Created</dt>
          <dd>${formatTime(issue.created)}</dd>
          <dt>Updated</dt>
          <dd>${formatTime(issue.updated)}</dd>
        </dl>
      </aside>
    </div>`;
  const q = as ? `?as=${encodeURIComponent(as)}` : '';
  return chromePage({
    title: `${issue.key}: ${issue.fields.summary} - Jira`,
    product: 'jira',
    nav: jiraNav('work-items', as),
    breadcrumbs: [
      { label: 'Work items', href: `/pages/work-items${q}` },
      ...(project
        ? [{ label: project.name, href: `/pages/work-items?project=${project.key}${as ? `&as=${encodeURIComponent(as)}` : ''}` }]
        : []),
      { label: issue.key }
    ],
    switcher: { groups: staffGroups(deps.directory), anonymous: false, current: as },
    body,
    boot: { frames: frames.map((f) => f.boot), viewer: { accountId: as, displayName: displayName(deps.sandbox, as ?? undefined) } }
  });
}
