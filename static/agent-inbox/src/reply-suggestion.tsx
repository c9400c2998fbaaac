/** @jsxImportSource preact */
import { run } from '../../../src/frontend/shared/run';
import { useAiAnswer } from './use-ai-answer';

/**
 * AI1: "Suggest a reply" asks the model (conversation.suggestReply) and shows its draft here. It is
 * never sent from here: "Use this reply" puts it in the message box, where the agent edits it and
 * sends it themselves.
 */
export function ReplySuggestion({
  conversationId,
  disabled,
  onUse
}: {
  conversationId: string;
  disabled: boolean;
  onUse: (text: string) => void;
}) {
  const { answer, setAnswer, busy, error, request: suggest } = useAiAnswer(() => run('conversation.suggestReply', { conversationId }));
  const suggestion = answer?.text ?? null;

  return (
    <section class="suggestion" aria-label="AI suggestion">
      {suggestion === null ? (
        <button type="button" class="button subtle" disabled={disabled || busy} onClick={() => void suggest()}>
          {busy ? 'Asking the AI…' : 'Suggest a reply'}
        </button>
      ) : (
        <div class="suggestion-card">
          <h3 id="suggestion-heading">Suggested reply (not sent)</h3>
          <p class="suggestion-text" aria-labelledby="suggestion-heading">
            {suggestion}
          </p>
          <div class="actions">
            <button
              type="button"
              class="button primary"
              onClick={() => {
                onUse(suggestion);
                setAnswer(null);
              }}
            >
              Use this reply
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => void suggest()}>
              Try again
            </button>
            <button type="button" class="button subtle" onClick={() => setAnswer(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
