import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { RealtimeChannel } from '../../../src/frontend/shared/operations';
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { run } from '../../../src/frontend/shared/run';
import { lastSeq } from '../../../src/frontend/shared/transcript';
import { sameOr, serialized } from '../../shared/src/live-updates';
import { parse, serialize, sessionKey, storage } from './session';
import { INITIAL, pushed, reduce, type WidgetState } from './widget-state';

export interface ChatSession {
  readonly state: WidgetState;
  /** A chat with an agent exists (waiting, active or ended, until the customer starts over). */
  readonly running: boolean;
  /** Where the chat's pushes arrive, and while waiting the space's queue signal (R11), as the last read gave them. */
  readonly channel: RealtimeChannel | undefined;
  readonly queueChannel: RealtimeChannel | undefined;
  /** Reads the chat again (chat.get, after the last message held); one read at a time. */
  readonly refresh: () => Promise<void>;
  /** A push on the chat's channel: true when it was applied as it is (no read needed). */
  readonly onPush: (push: Record<string, unknown>) => boolean;
  /** The customer writes: to the AI before a handoff, to the agent after. */
  readonly send: (text: string) => Promise<Outcome<unknown>>;
  readonly typing: () => void;
  readonly askForPerson: () => void;
  readonly end: () => Promise<void>;
  readonly startOver: () => void;
  /** H3: outside business hours, a request with the customer's words (and the AI turns before them). */
  readonly leaveRequest: (text: string) => Promise<Outcome<{ workItemKey: string }>>;
  /** X1: the ended chat's rating, once. */
  readonly rate: (stars: number, comment: string) => Promise<Outcome<{ stars: number }>>;
}

/**
 * The customer's chat in this space (R23, R24): the AI turns, the handoff (chat.start), the live
 * chat (chat.get, chat.send, chat.typing, chat.end), the after-hours request (chat.leaveRequest, H3) and
 * the rating after it (chat.rate, X1). It survives a reload through sessionStorage
 * (the token proves it is this customer's), and a signed-in customer's chat started elsewhere (the
 * Rovo action) is found by chat.resume; `onResumed` is told when a running chat comes back.
 */
export function useChatSession(projectKey: string | null, signedIn: boolean, onResumed: () => void): ChatSession {
  const [state, dispatch] = useReducer(reduce, INITIAL);
  const [channel, setChannel] = useState<RealtimeChannel | undefined>(undefined);
  const [queueChannel, setQueueChannel] = useState<RealtimeChannel | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;
  const restored = useRef(false);

  useEffect(() => {
    if (!projectKey || restored.current) return;
    restored.current = true;
    const stored = parse(storage()?.getItem(sessionKey(projectKey)) ?? null);
    if (stored?.chat) {
      dispatch({ type: 'resumed', chat: stored.chat, aiTurns: stored.aiTurns });
      onResumed();
    } else if (stored && stored.aiTurns.length > 0) {
      dispatch({ type: 'restoredAi', aiTurns: stored.aiTurns });
    } else if (signedIn) {
      // A chat this customer started elsewhere (the Rovo action's link brings them here): the server finds it by their account.
      void run('chat.resume', {}).then((outcome) => {
        if (!outcome.ok || !outcome.value.chat || stateRef.current.chat) return;
        dispatch({ type: 'resumed', chat: outcome.value.chat, aiTurns: [] });
        onResumed();
      });
    }
    // onResumed only opens the panel: the first one is enough.
  }, [projectKey, signedIn]);

  useEffect(() => {
    if (!projectKey || !restored.current) return;
    const store = storage();
    if (state.chat || state.aiTurns.length > 0)
      store?.setItem(sessionKey(projectKey), serialize({ chat: state.chat, aiTurns: state.aiTurns }));
    else store?.removeItem(sessionKey(projectKey));
  }, [projectKey, state.chat, state.aiTurns]);

  const refresh = useMemo(
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
          setChannel((current) => sameOr(current, outcome.value.realtime));
          setQueueChannel((current) => sameOr(current, outcome.value.queueRealtime));
        } else if (outcome.error.code === 'forbidden' || outcome.error.code === 'not_found') {
          // The stored chat is not (or no longer) this customer's: start afresh.
          dispatch({ type: 'reset' });
        }
      }),
    []
  );

  const onPush = useCallback((push: Record<string, unknown>) => {
    const next = pushed(stateRef.current, push);
    if (!next) return false;
    stateRef.current = next; // the next push in the same tick sees this one applied
    dispatch({ type: 'pushed', push });
    return true;
  }, []);

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
      setChannel((current) => sameOr(current, outcome.value.realtime));
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
    if (outcome.ok) {
      const sent = { type: 'sent', seq: outcome.value.seq, text, at: Date.now() } as const;
      stateRef.current = reduce(stateRef.current, sent); // a push right after it sees the message held
      dispatch(sent);
    }
    return outcome;
  };

  const typing = () => {
    const chat = stateRef.current.chat;
    if (chat) void run('chat.typing', { conversationId: chat.conversationId, token: chat.token });
  };

  const end = async () => {
    const chat = stateRef.current.chat;
    if (!chat) return;
    dispatch({ type: 'endRequested' });
    const outcome = await run('chat.end', { conversationId: chat.conversationId, token: chat.token });
    if (outcome.ok) dispatch({ type: 'ended', status: outcome.value.status });
    else dispatch({ type: 'failed', message: outcome.error.message });
  };

  const startOver = () => {
    if (projectKey) storage()?.removeItem(sessionKey(projectKey));
    setChannel(undefined);
    dispatch({ type: 'reset' });
  };

  const leaveRequest = (text: string) =>
    run('chat.leaveRequest', { projectKey: projectKey ?? undefined, text, transcript: [...stateRef.current.aiTurns] });

  const rate = async (stars: number, comment: string): Promise<Outcome<{ stars: number }>> => {
    const chat = stateRef.current.chat;
    if (!chat) return { ok: false, error: { code: 'not_found', message: 'There is no chat to rate.', fields: {} } };
    return run('chat.rate', { conversationId: chat.conversationId, token: chat.token, stars, ...(comment ? { comment } : {}) });
  };

  return {
    state,
    running: state.chat !== null,
    channel,
    queueChannel,
    refresh,
    onPush,
    send,
    typing,
    askForPerson: () => void handoff(),
    end,
    startOver,
    leaveRequest,
    rate
  };
}
