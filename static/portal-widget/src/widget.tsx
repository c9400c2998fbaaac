/** @jsxImportSource preact */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { realtime } from '@forge/bridge';
import type { RealtimeChannel } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { lastSeq } from '../../../src/frontend/shared/transcript';
import { listenForSignal, LiveUpdates, sameOr, serialized, type RealtimeApi } from '../../shared/src/live-updates';
import { parse, serialize, sessionKey, storage } from './session';
import { ChatPanel } from './chat-panel';
import { INITIAL, reduce } from './widget-state';
import type { PartInput } from '../../shared/src/file-upload';

const timers = {
  setInterval: (f: () => void, ms: number) => window.setInterval(f, ms),
  clearInterval: (h: unknown) => window.clearInterval(h as number)
};
/** R22: while no chat runs, the widget asks again whether to show itself (an agent may come online). */
const VISIBILITY_EVERY_MS = 30_000;

interface Props {
  readonly contextProjectKey: string | null;
  /** A signed-in customer: their running chat, started elsewhere (the Rovo action), is found by their account. */
  readonly signedIn?: boolean;
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * Operations: widget.status, chat.resume, assistant.reply, chat.start, chat.get (polled, or on
 * pushes), chat.send, chat.typing, chat.end.
 */
export function Widget({ contextProjectKey, signedIn = false, locale, timeZone }: Props) {
  const [projectKey, setProjectKey] = useState<string | null>(contextProjectKey);
  const [visible, setVisible] = useState<boolean | null>(null);
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<RealtimeChannel | undefined>(undefined);
  const [queueChannel, setQueueChannel] = useState<RealtimeChannel | undefined>(undefined);
  const [state, dispatch] = useReducer(reduce, INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const launcherRef = useRef<HTMLButtonElement>(null);
  const restored = useRef(false);
  const toggledByUser = useRef(false);

  const toggle = (next: boolean) => {
    toggledByUser.current = true;
    setOpen(next);
  };

  // Focus follows the customer's click (never on page load: the portal page is theirs).
  useEffect(() => {
    if (!toggledByUser.current) return;
    if (open) document.getElementById('composer-text')?.focus();
    else launcherRef.current?.focus();
  }, [open]);

  // A reload resumes the chat of this space (R24: the token proves it is this customer's).
  useEffect(() => {
    if (!projectKey || restored.current) return;
    restored.current = true;
    const stored = parse(storage()?.getItem(sessionKey(projectKey)) ?? null);
    if (stored?.chat) {
      dispatch({ type: 'resumed', chat: stored.chat, aiTurns: stored.aiTurns });
      setOpen(true);
    } else if (stored && stored.aiTurns.length > 0) {
      dispatch({ type: 'restoredAi', aiTurns: stored.aiTurns });
    } else if (signedIn) {
      // A chat this customer started elsewhere (the Rovo action's link brings them here): the server finds it by their account.
      void run('chat.resume', {}).then((outcome) => {
        if (!outcome.ok || !outcome.value.chat || stateRef.current.chat) return;
        dispatch({ type: 'resumed', chat: outcome.value.chat, aiTurns: [] });
        setOpen(true);
      });
    }
  }, [projectKey, signedIn]);

  useEffect(() => {
    if (!projectKey || !restored.current) return;
    const store = storage();
    if (state.chat || state.aiTurns.length > 0)
      store?.setItem(sessionKey(projectKey), serialize({ chat: state.chat, aiTurns: state.aiTurns }));
    else store?.removeItem(sessionKey(projectKey));
  }, [projectKey, state.chat, state.aiTurns]);

  const running = state.chat !== null;
  useEffect(() => {
    if (running) return;
    const check = async () => {
      const outcome = await run('widget.status', projectKey ? { projectKey } : {});
      if (!outcome.ok) return setVisible(false);
      if (!projectKey && outcome.value.projectKey) setProjectKey(outcome.value.projectKey);
      setVisible(outcome.value.visible === true);
    };
    void check();
    const timer = window.setInterval(() => void check(), VISIBILITY_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [running, projectKey]);

  const loadChat = useMemo(
    () =>
      serialized(async () => {
        const { chat, messages } = stateRef.current;
        if (!chat) return;
        const afterSeq = lastSeq(messages);
        const outcome = await run('chat.get', {
          conversationId: chat.conversationId,
          token: chat.token,
          ...(afterSeq === undefined ? {} : { afterSeq })
        });
        if (outcome.ok) {
          dispatch({ type: 'viewed', view: outcome.value });
          if (outcome.value.realtime) setChannel(outcome.value.realtime);
          setQueueChannel((current) => sameOr(current, outcome.value.queueRealtime));
        } else if (outcome.error.code === 'forbidden' || outcome.error.code === 'not_found') {
          // The stored chat is not (or no longer) this customer's: start afresh.
          dispatch({ type: 'reset' });
        }
      }),
    []
  );

  const live = useMemo(
    () =>
      new LiveUpdates({
        realtime: realtime as unknown as RealtimeApi,
        timers,
        refresh: () => void loadChat(),
        fastMs: 2500,
        slowMs: 30_000
      }),
    [loadChat]
  );
  const listening = running && state.phase !== 'ended';
  useEffect(() => {
    if (!listening) return;
    void loadChat();
    live.start();
    return () => live.stop();
  }, [listening, live, loadChat]);
  useEffect(() => {
    if (listening) live.useChannel(channel);
  }, [listening, live, channel]);
  // R11: the queue position may move without a push to this customer; read it often while waiting.
  useEffect(() => live.setSlowPoll(state.phase === 'waiting' ? 5000 : 30_000), [live, state.phase]);
  // R11: while waiting, a push on the space's queue signal means the position may have moved.
  const queueSignal = listening && state.phase === 'waiting' ? queueChannel : undefined;
  useEffect(
    () => (queueSignal ? listenForSignal(realtime as unknown as RealtimeApi, queueSignal, () => void loadChat()) : undefined),
    [queueSignal, loadChat]
  );

  const handoff = useCallback(
    async (summary?: string) => {
      if (!projectKey) return;
      dispatch({ type: 'handoffRequested' });
      const outcome = await run('chat.start', {
        projectKey,
        ...(summary ? { summary } : {}),
        transcript: [...stateRef.current.aiTurns]
      });
      if (!outcome.ok) return dispatch({ type: 'failed', message: outcome.error.message });
      dispatch({ type: 'started', start: outcome.value });
      if (outcome.value.realtime) setChannel(outcome.value.realtime);
      setQueueChannel((current) => sameOr(current, outcome.value.queueRealtime));
    },
    [projectKey]
  );

  const ask = async (text: string) => {
    dispatch({ type: 'asked', text });
    const transcript = [...stateRef.current.aiTurns, { from: 'customer' as const, text }];
    const outcome = await run('assistant.reply', { projectKey: projectKey ?? undefined, transcript });
    if (!outcome.ok) {
      dispatch({ type: 'failed', message: 'The AI assistant could not answer. Try again, or talk to a person.' });
    } else {
      dispatch({ type: 'answered', reply: outcome.value });
      // R23: the AI decided (or the customer asked) to hand over.
      if (outcome.value.escalate) await handoff(outcome.value.summary);
    }
    return { ok: true as const, value: null };
  };

  const send = async (text: string) => {
    const chat = stateRef.current.chat;
    if (!chat) return ask(text);
    const outcome = await run('chat.send', { conversationId: chat.conversationId, token: chat.token, text });
    if (outcome.ok) void loadChat();
    return outcome;
  };

  const end = async () => {
    const chat = stateRef.current.chat;
    if (!chat) return;
    dispatch({ type: 'endRequested' });
    const outcome = await run('chat.end', { conversationId: chat.conversationId, token: chat.token });
    if (outcome.ok) dispatch({ type: 'ended', status: outcome.value.status ?? 'resolved' });
    else dispatch({ type: 'failed', message: outcome.error.message });
  };

  const startOver = () => {
    if (projectKey) storage()?.removeItem(sessionKey(projectKey));
    setChannel(undefined);
    dispatch({ type: 'reset' });
  };

  // R22: nothing at all while live chat is not offered here, unless this customer's chat runs.
  if (!projectKey || (!running && !open && visible !== true)) return null;

  if (!open) {
    return (
      <div class="widget">
        <button
          type="button"
          class="launcher"
          ref={launcherRef}
          aria-expanded="false"
          aria-controls="chat-panel"
          onClick={() => toggle(true)}
        >
          <span aria-hidden="true" class="launcher-icon">
            💬
          </span>
          {running ? 'Back to your chat' : 'Chat with us'}
        </button>
      </div>
    );
  }

  return (
    <ChatPanel
      state={state}
      locale={locale}
      timeZone={timeZone}
      onMinimize={() => toggle(false)}
      send={send}
      typing={() => {
        const chat = stateRef.current.chat;
        if (chat) void run('chat.typing', { conversationId: chat.conversationId, token: chat.token });
      }}
      askForPerson={() => void handoff()}
      end={() => void end()}
      startOver={startOver}
      files={state.chat ? chatFiles(state.chat, () => void loadChat()) : undefined}
    />
  );
}

/** The chat's file operations (chat.attach, chat.attachment), proven by its secret (R24). */
function chatFiles(chat: { conversationId: string; token: string }, onSent: () => void) {
  const proof = { conversationId: chat.conversationId, token: chat.token };
  return {
    sendPart: (part: PartInput) => run('chat.attach', { ...proof, ...part }),
    read: (attachmentId: string, from: number) => run('chat.attachment', { ...proof, attachmentId, from }),
    onSent
  };
}
