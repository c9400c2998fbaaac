/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { realtime, router } from '@forge/bridge';
import { formatClock } from '../../../src/frontend/shared/format';
import { conversationStatus } from '../../../src/frontend/shared/labels';
import { LiveUpdates, serialized, type RealtimeApi } from '../../shared/src/live-updates';
import type { Failure } from '../../../src/frontend/shared/operation-result';
import { hasEnded, type AgentConversationView } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { lastSeq, mergeMessages, parseContext, senderLabel, splitAtHandoff } from '../../../src/frontend/shared/transcript';
import { MessageGroups } from '../../shared/src/message-groups';
import { Composer } from '../../shared/src/composer';

const timers = {
  setInterval: (f: () => void, ms: number) => window.setInterval(f, ms),
  clearInterval: (h: unknown) => window.clearInterval(h as number)
};

interface Props {
  readonly conversationId: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** The chat changed in a way the inbox lists (read, resolved). */
  readonly onChanged: () => void;
  readonly onBack: () => void;
}

/**
 * One chat: the transcript with the AI part marked, the customer's typing, the composer and
 * Resolve. Operations: conversation.get (afterSeq), conversation.send, conversation.typing
 * (proposed), conversation.resolve.
 */
export function ChatView({ conversationId, locale, timeZone, onChanged, onBack }: Props) {
  const [view, setView] = useState<AgentConversationView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [resolveError, setResolveError] = useState<string | null>(null);
  const viewRef = useRef<AgentConversationView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useMemo(
    () =>
      serialized(async () => {
        const held = viewRef.current;
        const afterSeq = held ? lastSeq(held.messages) : undefined;
        const outcome = await run('conversation.get', {
          conversationId,
          ...(afterSeq === undefined ? {} : { afterSeq })
        });
        if (!outcome.ok) {
          setFailure(outcome.error);
          return;
        }
        const next = { ...outcome.value, messages: mergeMessages(held?.messages ?? [], outcome.value.messages ?? []) };
        viewRef.current = next;
        setFailure(null);
        setView(next);
        // Reading the chat clears its unread count in the list.
        if (!held || next.messages.length > held.messages.length) onChanged();
      }),
    [conversationId]
  );

  const live = useMemo(
    () =>
      new LiveUpdates({ realtime: realtime as unknown as RealtimeApi, timers, refresh: () => void load(), fastMs: 2500, slowMs: 30_000 }),
    [load]
  );

  useEffect(() => {
    void load();
    live.start();
    return () => live.stop();
  }, [live, load]);

  useEffect(() => live.useChannel(view?.realtime), [live, view?.realtime?.channel, view?.realtime?.token]);
  const ended = view ? hasEnded(view.status) : false;
  useEffect(() => {
    if (ended) live.stop();
  }, [ended, live]);

  // Opening a chat moves focus to it, so keyboard and screen reader users land where they chose.
  const loaded = view !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const resolve = async () => {
    setResolveError(null);
    const outcome = await run('conversation.resolve', { conversationId });
    if (!outcome.ok) setResolveError(outcome.error.message);
    await load();
    onChanged();
  };

  if (failure && !view) {
    return (
      <section class="chat" aria-label="Chat">
        <button type="button" class="button subtle back" onClick={onBack}>
          Back to inbox
        </button>
        <p class="error" role="alert">
          {failure.code === 'forbidden'
            ? "You can't see this conversation: only its assigned agent and the agents added to it can read it."
            : failure.message}
        </p>
      </section>
    );
  }
  if (!view) return <p class="placeholder">Loading the chat…</p>;

  const status = conversationStatus(view.status);
  const parts = splitAtHandoff(view.messages, view.aiTurns);
  const aiMessages = parts.find((p) => p.part === 'ai')?.messages ?? [];
  const liveMessages = parts.find((p) => p.part === 'live')?.messages ?? [];
  const names = { customer: view.customerName, agent: 'You' };
  const clock = (at: number) => formatClock(at, locale, timeZone);

  return (
    <section class="chat" aria-labelledby="chat-heading">
      <header class="chat-header">
        <button type="button" class="button subtle back" onClick={onBack}>
          Back to inbox
        </button>
        <h2 id="chat-heading" ref={headingRef} tabIndex={-1}>
          {view.summary}
        </h2>
        <p class="chat-meta">
          {view.customerName} · <span class={`status-text tone-${status.tone}`}>{status.label}</span> ·{' '}
          <button type="button" class="link" onClick={() => void router.open(`/browse/${view.workItemKey}`)}>
            Open {view.workItemKey}
          </button>
        </p>
      </header>
      <div class="transcript">
        <section class="ai-part" aria-labelledby="ai-part-heading">
          <h3 id="ai-part-heading">AI conversation before the handoff</h3>
          {aiMessages.length > 0 ? (
            <MessageGroups messages={aiMessages} names={names} clock={clock} />
          ) : (
            <ul class="context">
              {parseContext(view.context).map((line, i) => (
                <li key={i} class={`context-line from-${line.from ?? 'ai'}`}>
                  {line.from && <span class="who">{senderLabel(line.from, names)}: </span>}
                  {line.text}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="log" role="log" aria-live="polite" aria-label={`Messages with ${view.customerName}`} tabIndex={0}>
          {liveMessages.length === 0 ? (
            <p class="hint">No messages yet. Say hello.</p>
          ) : (
            <MessageGroups messages={liveMessages} names={names} clock={clock} />
          )}
        </div>
        {view.customerTyping && !ended && <p class="typing">{view.customerName} is typing…</p>}
      </div>
      {ended ? (
        <p class="ended" role="status">
          This chat has ended ({status.label.toLowerCase()}). Its transcript is on {view.workItemKey}.
        </p>
      ) : (
        <div class="chat-footer">
          <Composer
            label={`Message to ${view.customerName}`}
            disabled={view.status !== 'active'}
            send={(text) => run('conversation.send', { conversationId, text })}
            typing={() => void run('conversation.typing', { conversationId })}
            onSent={() => void load()}
          />
          <button type="button" class="button" disabled={view.status !== 'active'} onClick={() => void resolve()}>
            Resolve
          </button>
          {resolveError && (
            <p class="error" role="alert">
              {resolveError}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
