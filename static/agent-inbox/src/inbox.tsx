/** @jsxImportSource preact */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { realtime } from '@forge/bridge';
import { LiveUpdates, serialized, type RealtimeApi } from '../../shared/src/live-updates';
import type { AgentMe } from '../../../src/frontend/shared/operations';
import type { Failure } from '../../../src/frontend/shared/operation-result';
import { run } from '../../../src/frontend/shared/run';
import { askPermission, notificationPermission, showNotification, type Permission } from './desktop-notifications';
import { browserHeartbeatHost, startHeartbeat } from './heartbeat';
import { documentTitle, offerElementId, statusNotice, targetOf, type StatusNotice } from './inbox-state';
import { notificationFromPush, notificationsFromChange, type NotificationSpec } from './notifications';
import { StatusSwitch } from './status-switch';
import { NotificationSwitch } from './notification-switch';
import { OfferList } from './offers';
import { ConversationList } from './conversation-list';
import { ChatView } from './chat-view';

const timers = { setInterval: (f: () => void, ms: number) => window.setInterval(f, ms), clearInterval: (h: unknown) => window.clearInterval(h as number) };

export interface InboxProps {
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * Operations: agent.me (polled, or on pushes), agent.setStatus, agent.heartbeat (every 45 s and
 * when the page becomes visible), offer.accept / offer.decline; the chat view adds
 * conversation.get / send / typing / resolve.
 */
export function Inbox({ locale, timeZone }: InboxProps) {
  const [me, setMe] = useState<AgentMe | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<StatusNotice>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [permission, setPermission] = useState<Permission>(notificationPermission());
  const meRef = useRef<AgentMe | null>(null);
  const noticeRef = useRef<StatusNotice>(null);
  const selectedRef = useRef<string | null>(null);
  const shown = useRef(new Set<string>());
  selectedRef.current = selectedId;

  const select = useCallback((conversationId: string | null) => setSelectedId(conversationId), []);

  /** R21: a notification (or a link) opens its conversation: the offer card to answer, or the chat. */
  const open = useCallback((conversationId: string) => {
    const target = targetOf(meRef.current, conversationId);
    if (target.kind === 'chat') {
      setSelectedId(conversationId);
      return;
    }
    setSelectedId(null);
    document.getElementById(offerElementId(conversationId))?.focus();
  }, []);

  const notify = useCallback(
    (spec: NotificationSpec) => {
      if (shown.current.has(spec.key)) return;
      shown.current.add(spec.key);
      setAnnouncement(`${spec.title}: ${spec.body}`);
      showNotification(spec, open);
    },
    [open]
  );

  const loadMe = useMemo(
    () =>
      serialized(async () => {
        const outcome = await run<AgentMe>('agent.me', {});
        if (!outcome.ok) {
          setFailure(outcome.error);
          return;
        }
        const previous = meRef.current;
        const next = outcome.value;
        const page = { openConversationId: selectedRef.current, pageVisible: document.visibilityState === 'visible' };
        notificationsFromChange(previous, next, page).forEach(notify);
        noticeRef.current = statusNotice(previous, next, noticeRef.current, Date.now());
        meRef.current = next;
        setNotice(noticeRef.current);
        setFailure(null);
        setMe(next);
      }),
    [notify]
  );

  const live = useMemo(
    () =>
      new LiveUpdates({
        realtime: realtime as unknown as RealtimeApi,
        timers,
        refresh: () => void loadMe(),
        onPush: (push) => {
          const spec = notificationFromPush(push);
          if (spec) notify(spec);
        },
        fastMs: 5_000,
        slowMs: 30_000
      }),
    [loadMe, notify]
  );

  useEffect(() => {
    void loadMe();
    live.start();
    const stopHeartbeat = startHeartbeat(() => void run('agent.heartbeat', {}), browserHeartbeatHost());
    return () => {
      live.stop();
      stopHeartbeat();
    };
  }, [live, loadMe]);

  useEffect(() => live.useChannel(me?.realtime), [live, me?.realtime?.channel, me?.realtime?.token]);
  useEffect(() => {
    document.title = documentTitle(me);
  }, [me]);

  const onStatusChanged = (next: AgentMe['status']) => {
    noticeRef.current = null;
    setNotice(null);
    if (meRef.current) meRef.current = { ...meRef.current, status: next, statusReason: 'agent' };
    setMe(meRef.current);
    void loadMe();
  };

  return (
    <div class={`inbox${selectedId ? ' has-selection' : ''}`}>
      <div class="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
      <aside class="sidebar" aria-label="Inbox">
        {/* Jira titles the page; the heading is for screen readers' page outline. */}
        <h1 class="visually-hidden">Live chat inbox</h1>
        {failure && !me && (
          <p class="error" role="alert">
            {failure.code === 'forbidden' ? 'The inbox is for agents of a service space. Ask a space admin to add you.' : failure.message}
          </p>
        )}
        {me && <StatusSwitch me={me} notice={notice} onChanged={onStatusChanged} />}
        <NotificationSwitch permission={permission} onAsk={async () => setPermission(await askPermission())} />
        {me && (
          <OfferList
            offers={me.offers}
            onAnswered={(conversationId, accepted) => {
              if (accepted) setSelectedId(conversationId);
              void loadMe();
            }}
          />
        )}
        {me && <ConversationList conversations={me.conversations} selectedId={selectedId} onSelect={select} />}
      </aside>
      <main class="main">
        {selectedId ? (
          <ChatView
            key={selectedId}
            conversationId={selectedId}
            locale={locale}
            timeZone={timeZone}
            onChanged={() => void loadMe()}
            onBack={() => select(null)}
          />
        ) : (
          <p class="placeholder">{me && me.conversations.length > 0 ? 'Select a chat to open it.' : 'Your chats appear here.'}</p>
        )}
      </main>
    </div>
  );
}
