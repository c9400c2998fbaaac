import type { Sandbox } from '../../runtime/sandbox';
import { frameSource } from '../bridge-api';
import type { Directory, Person } from '../directory';
import type { FrameSession, FrameSessions } from '../frame-sessions';
import type { UiModule } from '../ui-manifest';
import { html, type Html } from './html';

/**
 * One app extension on a host page: the server issues the frame's session (its user and
 * module context) and the page gets a placeholder plus boot data for the host script, which
 * creates the iframe (Custom UI) or the hidden runtime frame and the rendered tree (UI Kit).
 */
export interface FrameBoot {
  id: string;
  token: string;
  render: 'native' | 'custom';
  src: string;
  title: string;
  moduleKey: string;
  /** page: fills the content area; panel/footer: sized to its content. */
  layout: 'page' | 'panel' | 'footer';
}

export interface PageBoot {
  frames: FrameBoot[];
  viewer: { accountId: string | null; displayName: string };
}

export function appFrame(
  { sessions, sandbox, frameOrigin }: { sessions: FrameSessions; sandbox: Sandbox; frameOrigin: string },
  module: UiModule,
  accountId: string | null,
  where: { projectKey?: string; issueKey?: string; layout: FrameBoot['layout']; id?: string }
): { markup: Html; boot: FrameBoot; session: FrameSession } {
  const session = sessions.issue({
    accountId: accountId ?? undefined,
    moduleKey: module.key,
    moduleType: module.type,
    resourceKey: module.resourceKey,
    render: module.render,
    extension: sandbox.extensionFor(module.key, where.projectKey, where.issueKey)
  });
  const id = where.id ?? `app-${module.key}`;
  const boot: FrameBoot = {
    id,
    token: session.token,
    render: module.render,
    src: frameSource(session, frameOrigin),
    title: module.title,
    moduleKey: module.key,
    layout: where.layout
  };
  const markup = html`<section
    class="app-extension"
    id="${id}"
    data-module="${module.key}"
    data-render="${module.render}"
    aria-label="${module.title} (app)"
  >
    <p class="subtle host-loading">Loading ${module.title}…</p>
  </section>`;
  return { markup, boot, session };
}

/** Every distinct person, first group first, so a user listed twice appears once. */
export function uniqueGroups(groups: Array<{ label: string; people: Person[] }>): Array<{ label: string; people: Person[] }> {
  const seen = new Set<string>();
  return groups.map((g) => ({
    label: g.label,
    people: g.people.filter((p) => {
      if (seen.has(p.accountId)) return false;
      seen.add(p.accountId);
      return true;
    })
  }));
}

export function staffGroups(directory: Directory): Array<{ label: string; people: Person[] }> {
  return uniqueGroups([
    { label: 'Site admins', people: directory.siteAdmins },
    ...directory.spaces.map((s) => ({ label: `${s.key} agents`, people: s.agents })),
    ...directory.spaces.map((s) => ({ label: `${s.key} space admins`, people: s.admins }))
  ]);
}

export function everyoneGroups(directory: Directory): Array<{ label: string; people: Person[] }> {
  return uniqueGroups([...staffGroups(directory), ...directory.spaces.map((s) => ({ label: `${s.key} customers`, people: s.customers }))]);
}
