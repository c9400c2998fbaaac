/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { router } from '@forge/bridge';
import { formatClock } from '../../../src/frontend/shared/format';
import { conversationStatus } from '../../../src/frontend/shared/labels';
import { serialized } from '../../shared/src/live-updates';
import { POLLING, useLiveUpdates } from '../../shared/src/use-live-updates';
import type { PushRelay } from '../../shared/src/push-relay';
import { viewPushed } from './agent-pushes';
import type { Failure } from '../../../src/frontend/shared/operation-result';
import { hasEnded, type AgentConversationView } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { lastSeq, mergeMessages, parseContext, senderLabel, splitAtHandoff } from '../../../src/frontend/shared/transcript';
import { MessageGroups } from '../../shared/src/message-groups';
import { HandedOver, TransferAction } from './transfer-dialog';
import { AgentComposer } from './agent-composer';
import { ChatSummary } from './chat-summary';
import { CustomerContextPanel } from './customer-context';
import { AttachButton } from '../../shared/src/attach-button';

interface Props {
  readonly conversationId: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** The chat changed in a way the inbox lists (read, resolved). */
  readonly onChanged: () => void;
  readonly onBack: () => void;
  /** The agent has just accepted this chat: its summary is asked for at once (AI2). */
  readonly justAccepted?: boolean;
  /** The inbox's pushes on the agent's channel (the chat's messages, typing, its end): the view does not subscribe again. */
  readonly pushes?: PushRelay;
}

/**
 * One chat: the transcript with the AI part marked, the customer's typing, the composer and
 * Resolve. Operations: conversation.get (afterSeq), conversation.send, conversation.typing
 * (proposed), conversation.resolve.
 */
export function ChatView({ conversationId, locale, timeZone, onChanged, onBack, justAccepted = false, pushes }: Props) {
  const [view, setView] = useState<AgentConversationView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [resolveError, setResolveError] = useState<string | null>(null);
  const viewRef = useRef<AgentConversationView | null>(null);
  /** Messages shown from pushes since the last read (which marks them read). */
  const shownSinceRead = useRef(false);
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
        shownSinceRead.current = false;
        setFailure(null);
        setView(next);
        // Reading the chat clears its unread count in the list.
        if (!held || next.messages.length > held.messages.length) onChanged();
      }),
    [conversationId]
  );

  const ended = view ? hasEnded(view.status) : false;
  useLiveUpdates({
    active: !ended,
    refresh: () => void load(),
    onPush: (push) => {
      const held = viewRef.current;
      const next = held && viewPushed(held, conversationId, push);
      if (!next) return false;
      if (next.messages !== held.messages) shownSinceRead.current = true;
      viewRef.current = next;
      setView(next);
      return true;
    },
    // The inbox listens on the agent's channel already (view.realtime is that channel): the view hears its pushes. A read
    // without a channel (the agent no longer reads this chat's messages: transferred) gets no pushes for it: it polls fast.
    channel: pushes ? undefined : view?.realtime,
    pushesFrom: view?.realtime ? pushes : undefined,
    polling: POLLING.chatView
  });

  // Reading the chat is what marks it read (its unread count in the inbox): messages shown from pushes are marked as the view closes.
  useEffect(
    () => () => {
      if (shownSinceRead.current) void run('conversation.get', { conversationId, afterSeq: lastSeq(viewRef.current?.messages ?? []) });
    },
    [conversationId]
  );

  /** The agent's own message, as conversation.send numbered it: shown without reading the chat again. */
  const sent = (seq: number, text: string) => {
    const held = viewRef.current;
    if (!held) return;
    const next = { ...held, messages: mergeMessages(held.messages ?? [], [{ seq, from: 'agent' as const, text, at: Date.now() }]) };
    viewRef.current = next;
    setView(next);
  };

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
  if (view.access !== 'full' && !hasEnded(view.status)) return <HandedOver view={view} onBack={onBack} />;

  const status = conversationStatus(view.status);
  const parts = splitAtHandoff(view.messages, view.aiTurns);
  const aiMessages = parts.find((p) => p.part === 'ai')?.messages ?? [];
  const liveMessages = parts.find((p) => p.part === 'live')?.messages ?? [];
  const names = { customer: view.customerName, agent: 'You' };
  const clock = (at: number) => formatClock(at, locale, timeZone);
  const readFile = (attachmentId: string, from: number) => run('conversation.attachment', { conversationId, attachmentId, from });

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
      {view.access === 'full' && (
        <div class="chat-tools">
          <CustomerContextPanel conversationId={conversationId} />
          <ChatSummary conversationId={conversationId} auto={justAccepted && !ended} />
        </div>
      )}
      <div class="transcript">
        <section class="callout ai-part" aria-labelledby="ai-part-heading">
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
            <MessageGroups messages={liveMessages} names={names} clock={clock} readFile={readFile} />
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
          <AgentComposer
            conversationId={conversationId}
            label={`Message to ${view.customerName}`}
            disabled={view.status !== 'active'}
            onSent={sent}
          />
          <div class="chat-actions">
            <AttachButton
              disabled={view.status !== 'active'}
              sendPart={(part) => run('conversation.attach', { conversationId, ...part })}
              onSent={() => void load()}
            />
            <button type="button" class="button" data-shortcut="resolve" disabled={view.status !== 'active'} onClick={() => void resolve()}>
              Resolve
            </button>
            <TransferAction conversationId={conversationId} view={view} onTransferred={() => void load().then(onChanged)} />
          </div>
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
