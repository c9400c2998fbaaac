import type { Sandbox } from '../../runtime/sandbox';
import { displayName, type Directory, type SpaceDirectory } from '../directory';
import type { FrameSessions } from '../frame-sessions';
import { displayConditionHolds, type UiModule } from '../ui-manifest';
import { appFrame, everyoneGroups, staffGroups, uniqueGroups, type PageBoot } from './app-frame';
import { chromePage } from './chrome';
import { html, type Html } from './html';

/**
 * The pages the app's UI modules live in, each in the chrome its product gives it: the JSM
 * help portal of a space (portal footer), Jira's global page (the inbox), a space's settings
 * (project settings page) and Jira administration (admin page).
 */
export interface SurfaceDeps {
  sandbox: Sandbox;
  sessions: FrameSessions;
  directory: Directory;
  /** The origin the app's frames are served from (frame-origin.ts). */
  frameOrigin: string;
}

export function jiraNav(current: string, as: string | null): Array<{ label: string; href: string; current?: boolean }> {
  const q = as ? `?as=${encodeURIComponent(as)}` : '';
  return [
    { label: 'Start', href: '/' },
    { label: 'Live chat inbox', href: `/pages/inbox${q}`, current: current === 'inbox' },
    { label: 'Work items', href: `/pages/work-items${q}`, current: current === 'work-items' },
    { label: 'Usage', href: '/pages/usage', current: current === 'usage' }
  ];
}

function page(deps: SurfaceDeps, as: string | null, frames: PageBoot['frames']): PageBoot {
  return { frames, viewer: { accountId: as, displayName: displayName(deps.sandbox, as ?? undefined) } };
}

export function portalPage(deps: SurfaceDeps, module: UiModule, space: SpaceDirectory, as: string | null): Html {
  const project = deps.sandbox.jira.project(space.key);
  const frame = appFrame(deps, module, as, { projectKey: space.key, layout: 'footer' });
  const body = html`<div class="portal-hero">
      <h1>${space.name}</h1>
      <p>Welcome! You can raise a request for ${space.name} using the options provided.</p>
    </div>
    <h2>What can we help you with?</h2>
    <ul class="cards">
      ${(project?.requestTypes ?? []).map(
        (t) =>
          html`<li>
            <h3>${t.name}</h3>
            <p class="subtle">${t.description}</p>
          </li>`
      )}
    </ul>
    <footer class="portal-footer" aria-label="Portal footer">${frame.markup}</footer>`;
  return chromePage({
    title: `${space.name} - Help Center`,
    product: 'portal',
    breadcrumbs: [{ label: 'Help Center', href: '/' }, { label: space.name }],
    switcher: {
      groups: uniqueGroups([{ label: `${space.key} customers`, people: space.customers }, ...staffGroups(deps.directory)]),
      anonymous: true,
      current: as
    },
    body,
    boot: page(deps, as, [frame.boot])
  });
}

export function globalPage(deps: SurfaceDeps, module: UiModule, as: string | null): Html {
  const frame = appFrame(deps, module, as, { layout: 'page' });
  return chromePage({
    title: `${module.title} - Jira`,
    product: 'jira',
    nav: jiraNav('inbox', as),
    breadcrumbs: [{ label: 'Apps' }, { label: module.title }],
    switcher: { groups: staffGroups(deps.directory), anonymous: false, current: as },
    body: html`<h1 class="visually-hidden">${module.title}</h1>
      ${frame.markup}`,
    boot: page(deps, as, [frame.boot])
  });
}

export function spaceSettingsPage(deps: SurfaceDeps, module: UiModule, space: SpaceDirectory, as: string | null): Html {
  const shown = displayConditionHolds(module.jiraExpression, { projectTypeKey: space.projectTypeKey });
  const frame = appFrame(deps, module, as, { projectKey: space.key, layout: 'page' });
  const q = as ? `?as=${encodeURIComponent(as)}` : '';
  const sidebar = html`<nav class="sidebar" aria-label="Space settings">
    <h2>Space settings</h2>
    <ul>
      ${deps.directory.spaces.map((s) => html`<li><a href="/pages/space-settings/${s.key}${q}" ${s.key === space.key ? html` aria-current="page"` : ''}>${s.name}: ${module.title}</a></li>`)}
    </ul>
  </nav>`;
  return chromePage({
    title: `${module.title} - ${space.name} settings - Jira`,
    product: 'jira',
    nav: jiraNav('settings', as),
    sidebar,
    breadcrumbs: [{ label: 'Spaces' }, { label: space.name }, { label: 'Space settings' }],
    switcher: {
      groups: uniqueGroups([{ label: `${space.key} space admins`, people: space.admins }, ...staffGroups(deps.directory)]),
      anonymous: false,
      current: as
    },
    body: html`<h1 class="visually-hidden">${module.title}: ${space.name}</h1>
      ${shown === false ? html`<p class="host-error">Jira would not show this page here: its display condition (${module.jiraExpression ?? ''}) is false for ${space.key}.</p>` : frame.markup}`,
    boot: page(deps, as, shown === false ? [] : [frame.boot])
  });
}

export function adminPage(deps: SurfaceDeps, module: UiModule, as: string | null): Html {
  const frame = appFrame(deps, module, as, { layout: 'page' });
  const q = as ? `?as=${encodeURIComponent(as)}` : '';
  const sidebar = html`<nav class="sidebar" aria-label="Jira administration">
    <h2>Apps</h2>
    <ul>
      <li><a href="/pages/admin${q}" aria-current="page">${module.title}</a></li>
    </ul>
  </nav>`;
  return chromePage({
    title: `${module.title} - Jira administration`,
    product: 'jira',
    nav: jiraNav('admin', as),
    sidebar,
    breadcrumbs: [{ label: 'Jira administration' }, { label: 'Apps' }, { label: module.title }],
    switcher: { groups: everyoneGroups(deps.directory), anonymous: false, current: as },
    body: html`<h1 class="visually-hidden">${module.title}: Jira administration</h1>
      ${frame.markup}`,
    boot: page(deps, as, [frame.boot])
  });
}
