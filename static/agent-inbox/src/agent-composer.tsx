/** @jsxImportSource preact */
import { useRef, useState } from 'preact/hooks';
import { run } from '../../../src/frontend/shared/run';
import { Composer } from '../../shared/src/composer';
import { PICKER_LIST_ID, SavedReplyPicker, optionId, pickerKey, useSavedReplies } from './saved-reply-picker';
import { ReplySuggestion } from './reply-suggestion';
import { matchReplies, slashQuery } from './saved-reply-search';

/**
 * The inbox's message box: the shared composer, with the text held here so that a saved reply
 * (`/`, SR2) or the AI's suggestion (AI1) can be put in it. Either only fills the box: the agent
 * edits and sends, as any message (conversation.send).
 */
export function AgentComposer({
  conversationId,
  label,
  disabled,
  onSent
}: {
  conversationId: string;
  label: string;
  disabled: boolean;
  /** The message the agent sent, with its seq: the chat view shows it without reading again (pushes carry the rest). */
  onSent: (seq: number, text: string) => void;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const query = slashQuery(text);
  const open = query !== null && closedFor !== text && !disabled;
  const { replies, error } = useSavedReplies(conversationId, open);
  const matches = open && replies ? matchReplies(replies, query) : [];

  const fill = (value: string) => {
    setText(value);
    setActive(0);
    const box = input.current;
    if (box) {
      box.focus();
      // The cursor at the end, ready to edit what was put in.
      requestAnimationFrame(() => box.setSelectionRange(value.length, value.length));
    }
  };

  return (
    <div class="agent-composer">
      <ReplySuggestion conversationId={conversationId} disabled={disabled} onUse={fill} />
      <Composer
        label={label}
        disabled={disabled}
        send={async (message) => {
          const outcome = await run('conversation.send', { conversationId, text: message });
          if (outcome.ok) onSent(outcome.value.seq, message);
          return outcome;
        }}
        typing={() => void run('conversation.typing', { conversationId })}
        onSent={() => undefined}
        inputRef={input}
        placeholder="Type a message, or / for saved replies. Enter sends, Shift+Enter adds a line."
        text={{
          value: text,
          set: (value) => {
            setText(value);
            setActive(0);
          }
        }}
        aria={
          open
            ? {
                'aria-controls': PICKER_LIST_ID,
                'aria-describedby': 'saved-reply-hint',
                'aria-activedescendant': matches[active] ? optionId(active) : undefined
              }
            : { 'aria-describedby': 'composer-hint' }
        }
        onKey={(event) =>
          open &&
          pickerKey(event, matches, active, {
            move: setActive,
            insert: (reply) => fill(reply.text),
            close: () => setClosedFor(text)
          })
        }
      >
        {open && <SavedReplyPicker query={query} replies={replies} error={error} active={active} onInsert={(reply) => fill(reply.text)} />}
        <p id="composer-hint" class="visually-hidden">
          Type / to search the space’s saved replies.
        </p>
      </Composer>
    </div>
  );
}
