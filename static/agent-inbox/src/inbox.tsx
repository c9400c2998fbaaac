/** @jsxImportSource preact */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { view } from '@forge/bridge';
import { serialized } from '../../shared/src/live-updates';
import { PushRelay } from '../../shared/src/push-relay';
import { POLLING, useLiveUpdates } from '../../shared/src/use-live-updates';
import type { AgentMe } from '../../../src/frontend/shared/operations';
import type { Failure } from '../../../src/frontend/shared/operation-result';
import { run } from '../../../src/frontend/shared/run';
import { AlertBanner } from './alert-banner';
import { setSoundOn, soundOn } from './chime';
import { askPermission, notificationPermission, type Permission } from './desktop-notifications';
import { browserHeartbeatHost, startHeartbeat } from './heartbeat';
import { documentTitle, offerElementId, orderConversations, statusNotice, targetOf } from './inbox-state';
import { notificationFromPush, notificationsFromChange, stillRelevant, type NotificationSpec } from './notifications';
import { useAgentAlerts } from './use-agent-alerts';
import { StatusSwitch } from './status-switch';
import { NotificationSwitch } from './notification-switch';
import { OfferList } from './offers';
import { ConversationList } from './conversation-list';
import { ChatView } from './chat-view';
import { HistoryList } from './history-list';
import { ShortcutsOverlay } from './shortcuts-overlay';
import { nextChatId } from './keyboard-shortcuts';
import { pressShortcutButton, useShortcuts } from './use-shortcuts';
import { inboxPushed, shownUnread } from './agent-pushes';

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
  const [permission, setPermission] = useState<Permission>(notificationPermission());
  const [sound, setSound] = useState(soundOn());
  const [acceptedId, setAcceptedId] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const meRef = useRef<AgentMe | null>(null);
  const selectedRef = useRef<string | null>(null);
  /** The agent channel's pushes, passed on to the open chat view: one subscription for the page, not one more per chat opened. */
  const relay = useMemo(() => new PushRelay(), []);
  selectedRef.current = selectedId;

  const select = useCallback((conversationId: string | null) => setSelectedId(conversationId), []);

  /** R21: a notification, a flag, the banner (or a link) opens its conversation: the offer card to answer, or the chat. */
  const open = (conversationId: string) => {
    settle((alert) => alert.conversationId === conversationId);
    const target = targetOf(meRef.current, conversationId);
    if (target.kind === 'chat') {
      setSelectedId(conversationId);
      return;
    }
    setSelectedId(null);
    document.getElementById(offerElementId(conversationId))?.focus();
  };
  const { alerts, announcement, notify, settle } = useAgentAlerts(open, sound);
  const dismiss = (spec: NotificationSpec) => settle((alert) => alert.key === spec.key);

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

  useLiveUpdates({
    active: true,
    refresh: () => void loadMe(),
    onPush: (push) => {
      const spec = notificationFromPush(push);
      if (spec) notify(spec);
      const held = meRef.current;
      const next = held && inboxPushed(held, push, selectedRef.current);
      if (!next) return false;
      meRef.current = next;
      setMe(next);
      return true;
    },
    channel: me?.realtime,
    passTo: relay,
    polling: POLLING.inbox
  });
  useEffect(() => startHeartbeat(() => void run('agent.heartbeat', {}), browserHeartbeatHost()), []);
  // The unread count in the tab's title: the frame's own title is never shown, so the product is
  // asked to change the page's (view.changeWindowTitle); where it will not, the banner still counts.
  const shown = me && shownUnread(me, selectedId);
  const title = documentTitle(shown);
  useEffect(() => {
    view.changeWindowTitle(title).catch(() => undefined);
  }, [title]);

  // IN1: n, a, r, c and ? (keyboard-shortcuts.ts).
  useShortcuts({
    nextChat: () => {
      const next = nextChatId(
        orderConversations(meRef.current?.conversations ?? []).map((c) => c.conversationId),
        selectedRef.current
      );
      if (next) setSelectedId(next);
    },
    accept: () => pressShortcutButton('accept'),
    resolve: () => pressShortcutButton('resolve'),
    compose: () => document.getElementById('composer-text')?.focus(),
    help: () => setShortcutsOpen(true)
  });

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
              if (accepted) {
                setSelectedId(conversationId);
                setAcceptedId(conversationId);
              }
              void loadMe();
            }}
          />
        )}
        {shown && <ConversationList conversations={shown.conversations} selectedId={selectedId} onSelect={select} />}
        {me && <HistoryList selectedId={selectedId} onSelect={select} locale={locale} timeZone={timeZone} />}
        <button type="button" class="button subtle" aria-haspopup="dialog" onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts (?)
        </button>
      </aside>
      <ShortcutsOverlay open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <main class="main">
        {selectedId ? (
          <ChatView
            key={selectedId}
            conversationId={selectedId}
            locale={locale}
            timeZone={timeZone}
            onChanged={() => void loadMe()}
            onBack={() => select(null)}
            justAccepted={selectedId === acceptedId}
            pushes={relay}
          />
        ) : (
          <p class="placeholder">{me && me.conversations.length > 0 ? 'Select a chat to open it.' : 'Your chats appear here.'}</p>
        )}
      </main>
    </div>
  );
}
