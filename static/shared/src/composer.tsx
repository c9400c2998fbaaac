/** @jsxImportSource preact */
import { useRef, useState } from 'preact/hooks';
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { MAX_MESSAGE_CHARS, isSendKey, sendable, shouldSendTyping } from './typing';

interface Props {
  readonly label: string;
  readonly disabled: boolean;
  readonly send: (text: string) => Promise<Outcome<unknown>>;
  readonly typing: () => void;
  readonly onSent: () => void;
}

/** The message box: Enter sends, Shift+Enter adds a line; a failed send keeps the text. */
export function Composer({ label, disabled, send, typing, onSent }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastTyping = useRef<number | null>(null);

  const submit = async () => {
    if (busy || disabled || !sendable(text)) return;
    const message = text.trim();
    setBusy(true);
    setError(null);
    setText('');
    const outcome = await send(message);
    setBusy(false);
    if (outcome.ok) {
      lastTyping.current = null;
      onSent();
    } else {
      setText(message);
      setError(outcome.error.message);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label for="composer-text" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="composer-text"
        rows={2}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder="Type a message. Enter sends, Shift+Enter adds a line."
        value={text}
        disabled={disabled}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          const now = Date.now();
          if (shouldSendTyping(lastTyping.current, now, value)) {
            lastTyping.current = now;
            typing();
          }
        }}
        onKeyDown={(event) => {
          if (isSendKey(event)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <button type="submit" class="button primary" disabled={disabled || busy || !sendable(text)}>
        Send
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
