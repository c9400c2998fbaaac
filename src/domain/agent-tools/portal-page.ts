/** CC3: where on the portal the customer was when they started the chat. */
export type PortalPage =
  | { readonly kind: 'portal' }
  | { readonly kind: 'createRequest'; readonly requestTypeId: string }
  | { readonly kind: 'request'; readonly workItemKey: string };

const WORK_ITEM_KEY = /^([A-Z][A-Z0-9_]{0,9})-[1-9][0-9]{0,9}$/;
const REQUEST_TYPE_ID = /^[1-9][0-9]{0,9}$/;

/**
 * CC3: the portal page from the portal footer's context (`extension.request`: a request's key on
 * its page, a request type's id on its create form). The context is the platform's, but it is
 * still checked before it is kept: a key must be a work item key of the chat's own space, a type
 * id a positive number; anything else counts as the portal's home page (nothing wrong is shown).
 */
export function portalPageOf(request: unknown, projectKey: string): PortalPage {
  if (typeof request !== 'object' || request === null) return { kind: 'portal' };
  const { key, typeId } = request as { key?: unknown; typeId?: unknown };
  const keyMatch = typeof key === 'string' ? WORK_ITEM_KEY.exec(key) : null;
  if (keyMatch && keyMatch[1] === projectKey) return { kind: 'request', workItemKey: key as string };
  const id = typeof typeId === 'number' ? String(typeId) : typeId;
  if (typeof id === 'string' && REQUEST_TYPE_ID.test(id)) return { kind: 'createRequest', requestTypeId: id };
  return { kind: 'portal' };
}
