import type { PortalPage } from '../../domain';
import type { AppDeps } from '../app-deps';
import type { JiraClient, WorkItemLine } from '../ports/jira';
import { JiraError } from '../ports/jira-error';
import { requireOnConversation } from '../chat/conversation-access';
import { requireConversation } from '../chat/find-conversation';
import type { AgentToolInput } from './agent-tool-input';

export interface CustomerContext {
  /** CC1: the customer's name as Jira shows it to the agent (the chat's name where Jira says nothing). */
  readonly name: string;
  /** CC1: null where the customer's profile visibility hides it from the agent, or for an anonymous visitor. */
  readonly email: string | null;
  readonly anonymous: boolean;
  /** CC2: their other open work items in the space, newest first; null when Jira could not say now. */
  readonly otherWorkItems: readonly WorkItemLine[] | null;
  /** CC3: the portal page they started from; null when the chat did not start on the portal (Rovo). */
  readonly portalPage: PortalPage | null;
}

/** CC2: how many work items the panel lists. */
export const OTHER_WORK_ITEMS_SHOWN = 10;
/** Jira's account ids: what may go into a JQL string without quoting trouble. */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/**
 * CC1–CC3 `conversation.customer`: who the agent is talking to, for its assignee or a participant
 * (R18). Asked of Jira as the agent (`asUser`), so they see exactly what Jira lets them see: the
 * email only where the customer's profile visibility shows it, only work items they may browse.
 * Jira busy or refusing leaves that part out; the chat never waits for it.
 */
export async function showCustomerContext(deps: AppDeps & { readonly jira: JiraClient }, input: AgentToolInput): Promise<CustomerContext> {
  const stored = await requireConversation(deps, input.conversationId);
  await requireOnConversation(deps, input.accountId, stored);
  const { conversation, details } = stored;
  const portalPage = details.portalPage ?? null;
  const customerId = details.customerAccountId;
  if (customerId === null || !ACCOUNT_ID.test(customerId)) {
    return { name: details.customerName, email: null, anonymous: customerId === null, otherWorkItems: [], portalPage };
  }
  const jql = [
    `project = "${conversation.projectKey}"`,
    `reporter = "${customerId}"`,
    'statusCategory != Done',
    `key != "${details.workItemKey}"`
  ].join(' AND ');
  const [profile, otherWorkItems] = await Promise.all([
    courtesy(() => deps.jira.userProfile(customerId, 'user')),
    courtesy(() => deps.jira.searchWorkItems(`${jql} ORDER BY created DESC`, OTHER_WORK_ITEMS_SHOWN, 'user'))
  ]);
  return {
    name: profile?.displayName || details.customerName,
    email: profile?.emailAddress ?? null,
    anonymous: false,
    otherWorkItems,
    portalPage
  };
}

/** A part Jira cannot give now (busy, refused) is left out: null. */
async function courtesy<T>(ask: () => Promise<T>): Promise<T | null> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof JiraError) return null;
    throw error;
  }
}
