/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { router } from '@forge/bridge';
import type { CustomerContext as Context, PortalPage } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';

/** CC3 in words. */
export function portalPageText(page: PortalPage | null): string {
  if (page === null) return 'Not on the portal (the chat came from Rovo).';
  switch (page.kind) {
    case 'request':
      return `The page of their request ${page.workItemKey}.`;
    case 'createRequest':
      return `The form of request type ${page.requestTypeId}.`;
    case 'portal':
      return 'The help portal’s home page.';
  }
}

/**
 * CC1–CC3: who the agent is talking to (conversation.customer, asked of Jira as the agent): name,
 * email where the customer's profile shows it, their other open work items in the space, and the
 * portal page they started from.
 */
export function CustomerContextPanel({ conversationId }: { conversationId: string }) {
  const [context, setContext] = useState<Context | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void run('conversation.customer', { conversationId }).then((outcome) => {
      if (outcome.ok) setContext(outcome.value);
      else setError(outcome.error.message);
    });
  }, [conversationId]);

  return (
    <section class="customer" aria-labelledby="customer-heading">
      <h3 id="customer-heading">Customer</h3>
      {error && <p class="error">{error}</p>}
      {!context && !error && <p class="hint">Loading…</p>}
      {context && (
        <dl class="facts">
          <dt>Name</dt>
          <dd>{context.name}</dd>
          <dt>Email</dt>
          <dd>{context.email ?? (context.anonymous ? 'Not signed in' : 'Not shown (their profile hides it)')}</dd>
          <dt>Started on</dt>
          <dd>{portalPageText(context.portalPage)}</dd>
          <dt>Other open work items</dt>
          <dd>
            {context.otherWorkItems === null ? (
              'Jira could not list them right now.'
            ) : context.otherWorkItems.length === 0 ? (
              'None.'
            ) : (
              <ul class="work-items">
                {context.otherWorkItems.map((item) => (
                  <li key={item.key}>
                    <button type="button" class="link" onClick={() => void router.open(`/browse/${item.key}`)}>
                      {item.key}
                    </button>{' '}
                    {item.summary}
                    {item.status && <span class="status-text"> · {item.status}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
