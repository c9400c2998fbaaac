/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { ErrorAlert, PanelSubmit, SubmitForm } from '../../shared/src/form-parts';
import { MAX_MESSAGE_CHARS, sendable } from '../../shared/src/typing';
import { closedMessage, type ClosedNotice as Notice } from './notices';

interface Props {
  readonly notice: Notice;
  readonly locale?: string;
  readonly timeZone?: string;
  readonly onMinimize: () => void;
  /** chat.leaveRequest with the customer's words (H3). */
  readonly leaveRequest: (text: string) => Promise<Outcome<{ workItemKey: string }>>;
}

/** H1, H3: outside business hours, the space's closed message with the next opening, and a request the customer can leave instead of a chat. */
export function ClosedNotice({ notice, locale, timeZone, onMinimize, leaveRequest }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<string | null>(null);

  const submit = async () => {
    if (busy || !sendable(text)) return;
    setBusy(true);
    setError(null);
    const outcome = await leaveRequest(text.trim());
    setBusy(false);
    if (outcome.ok) setLeft(outcome.value.workItemKey);
    else setError(outcome.error.message);
  };

  return (
    <div class="widget">
      <section id="chat-panel" class="panel" aria-labelledby="chat-title">
        <header class="panel-header">
          <div>
            <h1 id="chat-title">We are closed</h1>
            <p class="status">Live chat is outside its hours.</p>
          </div>
          <button type="button" class="button subtle" onClick={onMinimize}>
            Minimize
          </button>
        </header>
        <div class="notice-body">
          <p class="closed-message">{closedMessage(notice, locale, timeZone)}</p>
          {left ? (
            <p class="confirmation" role="status">
              {`Thanks. We have logged your request as ${left} and will follow up there.`}
            </p>
          ) : (
            <SubmitForm class="request-form" onSubmit={submit}>
              <label for="request-text">Your request</label>
              <textarea
                id="request-text"
                rows={4}
                maxLength={MAX_MESSAGE_CHARS}
                placeholder="What can we help you with?"
                value={text}
                onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
              />
              <ErrorAlert error={error} />
              <PanelSubmit disabled={busy || !sendable(text)}>Leave a request</PanelSubmit>
            </SubmitForm>
          )}
        </div>
      </section>
    </div>
  );
}
