/** @jsxImportSource preact */
import type { ComponentChildren, RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { ErrorAlert, SubmitForm } from './form-parts';
import { MAX_MESSAGE_CHARS, isSendKey, sendable, shouldSendTyping } from './typing';

/** The text, held by the composer or (for the inbox's saved replies and suggestions) by its owner. */
export interface ComposerText {
  readonly value: string;
  readonly set: (text: string) => void;
}

interface Props {
  readonly label: string;
  readonly disabled: boolean;
  readonly send: (text: string) => Promise<Outcome<unknown>>;
  readonly typing: () => void;
  readonly onSent: () => void;
  /** Given: the owner holds the text (it inserts saved replies and suggestions, which the agent edits before sending). */
  readonly text?: ComposerText;
  /** Keys the owner handles first (a picker's arrows, Enter, Esc); true when it did. */
  readonly onKey?: (event: KeyboardEvent) => boolean;
  /** ARIA the owner's popup needs on the text box (aria-controls, aria-activedescendant, aria-describedby). */
  readonly aria?: Readonly<Record<string, string | undefined>>;
  readonly inputRef?: RefObject<HTMLTextAreaElement>;
  readonly placeholder?: string;
  /** Shown above the box (the owner's popup). */
  readonly children?: ComponentChildren;
}

/** The message box: Enter sends, Shift+Enter adds a line; a failed send keeps the text. */
export function Composer({ label, disabled, send, typing, onSent, text: held, onKey, aria, inputRef, placeholder, children }: Props) {
  const [own, setOwn] = useState('');
  const text = held ? held.value : own;
  const setText = held ? held.set : setOwn;
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
    <SubmitForm class="composer" onSubmit={submit}>
      {children}
      <label for="composer-text" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="composer-text"
        ref={inputRef}
        rows={2}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder={placeholder ?? 'Type a message. Enter sends, Shift+Enter adds a line.'}
        value={text}
        disabled={disabled}
        {...aria}
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
          if (onKey?.(event)) return;
          if (isSendKey(event)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <button type="submit" class="button primary" disabled={disabled || busy || !sendable(text)}>
        Send
      </button>
      <ErrorAlert error={error} />
    </SubmitForm>
  );
}
