import { AppError } from '../app-error';
import { portalSpace, type PortalSpaceDeps } from '../spaces/portal-space';

/**
 * The space a portal visitor chats in. R28, PRODUCT's operations: the space comes from the
 * platform's context, never the payload, where the surface is tied to one space; the portal
 * footer is tied to its portal (`extension.portal.id`, JSM's service desk). So a `projectKey`
 * in the payload must be that portal's space (a visitor of one portal cannot open chats and
 * work items in another), and without a portal in the context no chat starts (the payload
 * alone proves nothing).
 */
export async function portalChatSpace(deps: PortalSpaceDeps, input: { projectKey?: string; serviceDeskId?: string }): Promise<string> {
  if (input.serviceDeskId === undefined) {
    throw new AppError('forbidden', 'Live chat works on a service space’s help portal only.');
  }
  const space = await portalSpace(deps, input.serviceDeskId);
  if (space === null) throw new AppError('not_found', 'This help portal belongs to no service space.');
  if (input.projectKey !== undefined && input.projectKey !== space) {
    throw new AppError('forbidden', `This help portal serves ${space}; it cannot start chats in ${input.projectKey}.`, {
      projectKey: `must be this portal's space (${space})`
    });
  }
  return space;
}
