/** @jsxImportSource preact */
import { useEffect } from 'preact/hooks';
import { run } from '../../../src/frontend/shared/run';
import { useAiAnswer } from './use-ai-answer';

/**
 * AI2: the AI's summary of the chat so far (conversation.summary), asked for at once when the agent
 * has just accepted the chat (`auto`), otherwise on request. It only informs the agent.
 */
export function ChatSummary({ conversationId, auto }: { conversationId: string; auto: boolean }) {
  const { answer, busy, error, request: summarize } = useAiAnswer(() => run('conversation.summary', { conversationId }));
  const summary = answer?.summary ?? null;

  useEffect(() => {
    if (auto) void summarize();
  }, [auto, conversationId]);

  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">Summary so far</h3>
      {summary && <p class="summary-text">{summary}</p>}
      {busy && <p class="hint">Summarizing the chat…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!summary && !busy && (
        <button type="button" class="button subtle" onClick={() => void summarize()}>
          Summarize the chat
        </button>
      )}
    </section>
  );
}
