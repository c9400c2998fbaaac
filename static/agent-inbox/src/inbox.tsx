/** @jsxImportSource preact */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { realtime, view } from '@forge/bridge';
import { LiveUpdates, serialized, type RealtimeApi } from '../../shared/src/live-updates';
import type { AgentMe } from '../../../src/frontend/shared/operations';
import type { Failure } from '../../../src/frontend/shared/operation-result';
import { run } from '../../../src/frontend/shared/run';
import { deliverAlert } from './alerts';
import { AlertBanner } from './alert-banner';
import { setSoundOn, soundOn } from './chime';
import { askPermission, notificationPermission, type Permission } from './desktop-notifications';
import { browserHeartbeatHost, startHeartbeat } from './heartbeat';
import { documentTitle, offerElementId, statusNotice, targetOf } from './inbox-state';
import { notificationFromPush, notificationsFromChange, stillRelevant, toldBefore, type NotificationSpec } from './notifications';
import { StatusSwitch } from './status-switch';
import { NotificationSwitch } from './notification-switch';
import { OfferList } from './offers';
import { ConversationList } from './conversation-list';
import { ChatView } from './chat-view';

const timers = {
  setInterval: (f: () => void, ms: number) => window.setInterval(f, ms),
  clearInterval: (h: unknown) => window.clearInterval(h as number)
};

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
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [permission, setPermission] = useState<Permission>(notificationPermission());
  const [sound, setSound] = useState(soundOn());
  const [alerts, setAlerts] = useState<NotificationSpec[]>([]);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const meRef = useRef<AgentMe | null>(null);
  const selectedRef = useRef<string | null>(null);
  const shown = useRef(new Set<string>());
  const told = useRef<NotificationSpec[]>([]);
  /** Each alert's flag, by alert key, to close once it is answered, opened or dismissed. */
  const flagClosers = useRef(new Map<string, () => void>());
  selectedRef.current = selectedId;

  const select = useCallback((conversationId: string | null) => setSelectedId(conversationId), []);

  /** The agent has seen these alerts: off the banner, their flags closed. */
  const settle = useCallback((done: (alert: NotificationSpec) => boolean) => {
    setAlerts((list) => list.filter((alert) => !done(alert)));
    for (const alert of told.current.filter(done)) {
      flagClosers.current.get(alert.key)?.();
      flagClosers.current.delete(alert.key);
    }
  }, []);

  /** R21: a notification, a flag, the banner (or a link) opens its conversation: the offer card to answer, or the chat. */
  const open = useCallback(
    (conversationId: string) => {
      settle((alert) => alert.conversationId === conversationId);
      const target = targetOf(meRef.current, conversationId);
      if (target.kind === 'chat') {
        setSelectedId(conversationId);
        return;
      }
      setSelectedId(null);
      document.getElementById(offerElementId(conversationId))?.focus();
    },
    [settle]
  );

  /** R19–R21: a flag, the banner, the sound and (where the browser allows) a desktop notification. */
  const notify = useCallback(
    (spec: NotificationSpec) => {
      if (shown.current.has(spec.key) || toldBefore(spec, told.current)) return;
      shown.current.add(spec.key);
      told.current = [spec, ...told.current].slice(0, 50);
      setAnnouncement(`${spec.title}: ${spec.body}`);
      setAlerts((list) => [spec, ...list.filter((a) => a.conversationId !== spec.conversationId)].slice(0, 3));
      flagClosers.current.set(spec.key, deliverAlert(spec, open, soundRef.current));
    },
    [open]
  );
  const dismiss = useCallback((spec: NotificationSpec) => settle((alert) => alert.key === spec.key), [settle]);

  const loadMe = useMemo(
    () =>
      serialized(async () => {
        const outcome = await run('agent.me', {});
        if (!outcome.ok) {
          setFailure(outcome.error);
          return;
        }
        const previous = meRef.current;
        const next = outcome.value;
        const page = { openConversationId: selectedRef.current, pageVisible: document.visibilityState === 'visible' };
        notificationsFromChange(previous, next, page).forEach(notify);
        meRef.current = next;
        setFailure(null);
        setMe(next);
        settle((alert) => !stillRelevant(alert, next));
      }),
    [notify, settle]
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
  // The unread count in the tab's title: the frame's own title is never shown, so the product is
  // asked to change the page's (view.changeWindowTitle); where it will not, the banner still counts.
  const title = documentTitle(me);
  useEffect(() => {
    view.changeWindowTitle(title).catch(() => undefined);
  }, [title]);

  const onStatusChanged = (next: AgentMe['status']) => {
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
        {me && <StatusSwitch me={me} notice={statusNotice(me)} onChanged={onStatusChanged} />}
        <AlertBanner
          alerts={alerts}
          onOpen={(alert) => {
            dismiss(alert);
            open(alert.conversationId);
          }}
          onDismiss={dismiss}
        />
        <NotificationSwitch
          permission={permission}
          onAsk={async () => setPermission(await askPermission())}
          sound={sound}
          onSound={(on) => {
            setSoundOn(on);
            setSound(on);
          }}
        />
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
