/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentConversationView, TransferTargets as Targets } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';

/** The queue's choice in the list (never an account id: those have no spaces). */
const QUEUE = 'queue';

interface Props {
  readonly conversationId: string;
  readonly view: AgentConversationView;
  /** The transfer was asked for (the chat view reads the chat again). */
  readonly onTransferred: () => void;
}

/**
 * Transfer (README "Operations beyond PRODUCT.md"): the assignee hands the chat to an Available
 * agent of the space (they keep it until that agent accepts) or back to the space's queue.
 * Operations: conversation.transferTargets (who may take it now), conversation.transfer.
 */
export function TransferAction({ conversationId, view, onTransferred }: Props) {
  const [open, setOpen] = useState(false);
  const [targets, setTargets] = useState<Targets | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setTargets(null);
    setError(null);
    void run('conversation.transferTargets', { conversationId }).then((outcome) => {
      if (!current) return;
      if (outcome.ok) setTargets(outcome.value);
      else setError(outcome.error.message);
    });
    return () => {
      current = false;
    };
  }, [open, conversationId]);

  useEffect(() => {
    if (open && targets) panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open, targets]);

  if (view.transfer) {
    return (
      <p class="transfer-pending" role="status">
        Waiting for {view.transfer.toName} to accept the transfer. The chat stays with you until then.
      </p>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!choice || !targets) return;
    setBusy(true);
    setError(null);
    const to = choice === QUEUE ? { projectKey: targets.projectKey } : { accountId: choice };
    const outcome = await run('conversation.transfer', { conversationId, to });
    setBusy(false);
    if (!outcome.ok) {
      setError(Object.values(outcome.error.fields ?? {})[0] ?? outcome.error.message);
      return;
    }
    setOpen(false);
    setChoice(null);
    onTransferred();
  };

  return (
    <div class="transfer">
      <button
        type="button"
        class="button"
        aria-expanded={open}
        aria-controls="transfer-panel"
        disabled={view.status !== 'active'}
        onClick={() => setOpen(!open)}
      >
        Transfer
      </button>
      {open && (
        <form id="transfer-panel" class="transfer-panel card" onSubmit={(event) => void submit(event)}>
          <fieldset ref={panelRef}>
            <legend>Transfer this chat to</legend>
            {!targets && !error && <p class="hint">Finding available agents…</p>}
            {targets && (
              <ul class="transfer-choices">
                {targets.agents.map((agent) => (
                  <li key={agent.accountId}>
                    <label class="check">
                      <input
                        type="radio"
                        name="transfer-to"
                        value={agent.accountId}
                        checked={choice === agent.accountId}
                        onChange={() => setChoice(agent.accountId)}
                      />
                      {agent.name}
                    </label>
                  </li>
                ))}
                <li>
                  <label class="check">
                    <input type="radio" name="transfer-to" value={QUEUE} checked={choice === QUEUE} onChange={() => setChoice(QUEUE)} />
                    Back to the {targets.projectKey} queue
                  </label>
                </li>
              </ul>
            )}
            {targets && targets.agents.length === 0 && <p class="hint">No other agent of {targets.projectKey} is available right now.</p>}
          </fieldset>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy || !choice}>
              Transfer chat
            </button>
            <button type="button" class="button subtle" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Transfer: the chat went to another agent (or back to the queue); this agent no longer reads it (R18). */
export function HandedOver({ view, onBack }: { view: AgentConversationView; onBack: () => void }) {
  return (
    <section class="chat" aria-labelledby="handed-over-heading">
      <button type="button" class="button subtle back" onClick={onBack}>
        Back to inbox
      </button>
      <h2 id="handed-over-heading">This chat was transferred</h2>
      <p role="status">
        {view.agentName ? `${view.agentName} has it now.` : 'It is back in the queue for the next available agent.'} You can read it again
        in your History once it has ended.
      </p>
    </section>
  );
}
