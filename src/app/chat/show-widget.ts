import { canStartChat, isChatVisible, showsOnlyWhenAvailable } from '../../domain';
import { AppError } from '../app-error';
import { portalSpace, type PortalSpaceDeps } from '../spaces/portal-space';
import type { AppDeps } from '../app-deps';
import { closedNotice, type ClosedNotice } from './closed-notice';

export interface WidgetStatus {
  readonly visible: boolean;
  /** The space the widget serves (it starts chats there); null when there is no such service space. */
  readonly projectKey: string | null;
  /** H1: outside business hours the widget shows this (and offers to leave a request) instead of a chat. */
  readonly closed?: ClosedNotice;
}

/**
 * widget.status. R22: the portal shows the chat when live chat is on and set up (and not
 * deactivated, R27, nor the license inactive, R31) and, with "only when an agent is available"
 * (off for a team too large, R4), one of the space's agents is Available with a fresh heartbeat.
 * The space is the one the payload names, else the portal's (`serviceDeskId`, from the context).
 * The help center's page (`help_center`) is no portal's: the footer gets no `portal.id` there,
 * serves no space, and shows no chat. H1: outside business hours, `closed` says so.
 */
export async function showWidget(
  deps: AppDeps & PortalSpaceDeps,
  input: { projectKey?: string; serviceDeskId?: string; licenseActive?: boolean; onPortalFooter?: boolean }
): Promise<WidgetStatus> {
  const projectKey = input.projectKey ?? (input.serviceDeskId === undefined ? undefined : await portalSpace(deps, input.serviceDeskId));
  if (projectKey === undefined && input.onPortalFooter) return { visible: false, projectKey: null };
  if (projectKey === undefined)
    throw new AppError('invalid', 'projectKey: required outside a help portal page', { projectKey: 'required outside a help portal page' });
  if (projectKey === null) return { visible: false, projectKey: null };
  const space = await deps.spaces.get(projectKey);
  if (!space) return { visible: false, projectKey: null };
  if (space.deactivated) return { visible: false, projectKey };
  // H1: outside business hours nobody is expected to be Available: the widget shows the closed notice whatever R22's toggle says.
  const closed = canStartChat(space.config, input.licenseActive) ? closedNotice(space, deps.clock.now()) : null;
  if (closed) return { visible: true, projectKey, closed };
  const agents = showsOnlyWhenAvailable(space.config)
    ? (await deps.routing.agents(space.config.agentIds)).map((stored) => stored.agent)
    : [];
  return { visible: isChatVisible(space.config, agents, input.licenseActive, deps.clock.now()), projectKey };
}
