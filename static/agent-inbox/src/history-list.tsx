/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../src/frontend/shared/format';
import { conversationStatus } from '../../../src/frontend/shared/labels';
import type { HistoryChat } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { ChatList } from './chat-list';

interface Props {
  readonly selectedId: string | null;
  readonly onSelect: (conversationId: string) => void;
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * History (README "Operations beyond PRODUCT.md"): the ended chats this agent took part in
 * (assigned, invited, or handed over by them), newest first, a page at a time; each opens its
 * transcript in the chat view (R18 is checked again there). Operation: conversation.history.
 */
export function HistoryList({ selectedId, onSelect, locale, timeZone }: Props) {
  const [open, setOpen] = useState(false);
  const [chats, setChats] = useState<HistoryChat[]>([]);
  const [before, setBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (from: string | null) => {
    setBusy(true);
    setError(null);
    const outcome = await run('conversation.history', from === null ? {} : { before: from });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setChats((held) => (from === null ? [...outcome.value.chats] : [...held, ...outcome.value.chats]));
    setBefore(outcome.value.before);
    setLoaded(true);
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    // Opening reads the newest page again: a chat may have ended since.
    if (next) void load(null);
  };

  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">
        <button type="button" class="history-toggle" aria-expanded={open} aria-controls="history-list" onClick={toggle}>
          History
        </button>
      </h2>
      {open && (
        <div id="history-list">
          {loaded && chats.length === 0 && <p class="hint">No ended chats yet. Chats you took part in appear here for 30 days.</p>}
          {chats.length > 0 && (
            <ChatList
              chats={chats}
              selectedId={selectedId}
              onSelect={onSelect}
              meta={(c) =>
                `${c.workItemKey} · ${conversationStatus(c.status).label} · ${c.customerName} · ${formatDateTime(c.endedAt, locale, timeZone)}`
              }
            />
          )}
          {busy && <p class="hint">Loading…</p>}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          {before !== null && !busy && (
            <button type="button" class="button subtle" onClick={() => void load(before)}>
              Show older chats
            </button>
          )}
        </div>
      )}
    </section>
  );
}
