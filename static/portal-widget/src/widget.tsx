/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { POLLING, useLiveUpdates } from '../../shared/src/use-live-updates';
import { run } from '../../../src/frontend/shared/run';
import { ChatPanel } from './chat-panel';
import { ClosedNotice } from './closed-notice';
import { useChatSession } from './use-chat-session';
import { useWidgetVisibility } from './use-widget-visibility';
import type { PartInput } from '../../shared/src/file-upload';

interface Props {
  readonly contextProjectKey: string | null;
  /** A signed-in customer: their running chat, started elsewhere (the Rovo action), is found by their account. */
  readonly signedIn?: boolean;
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * The portal widget: whether it shows (useWidgetVisibility), the customer's chat
 * (useChatSession), kept current while it runs (useLiveUpdates), and the launcher or the panel.
 */
export function Widget({ contextProjectKey, signedIn = false, locale, timeZone }: Props) {
  const [projectKey, setProjectKey] = useState<string | null>(contextProjectKey);
  const [open, setOpen] = useState(false);
  const session = useChatSession(projectKey, signedIn, () => setOpen(true));
  const { visible, closed } = useWidgetVisibility(projectKey, session.running, setProjectKey);
  const { phase } = session.state;
  const waiting = phase === 'waiting';
  useLiveUpdates({
    active: session.running && phase !== 'ended',
    refresh: () => void session.refresh(),
    onPush: session.onPush,
    channel: session.channel,
    // R11: while waiting, a push on the space's queue signal means the position may have moved.
    signal: waiting ? session.queueChannel : undefined,
    polling: waiting ? POLLING.widgetWaiting : POLLING.widget
  });

  const launcherRef = useRef<HTMLButtonElement>(null);
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

  // R22: nothing at all while live chat is not offered here, unless this customer's chat runs.
  if (!projectKey || (!session.running && !open && visible !== true)) return null;

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
          {session.running ? 'Back to your chat' : closed ? 'Leave us a request' : 'Chat with us'}
        </button>
      </div>
    );
  }

  // H1, H3: outside business hours, the closed notice and a request instead of a chat.
  if (closed && !session.running) {
    return (
      <ClosedNotice
        notice={closed}
        locale={locale}
        timeZone={timeZone}
        onMinimize={() => toggle(false)}
        leaveRequest={session.leaveRequest}
      />
    );
  }

  return (
    <ChatPanel
      state={session.state}
      locale={locale}
      timeZone={timeZone}
      onMinimize={() => toggle(false)}
      send={session.send}
      typing={session.typing}
      askForPerson={session.askForPerson}
      end={() => void session.end()}
      startOver={session.startOver}
      rate={session.rate}
      files={session.state.chat ? chatFiles(session.state.chat, () => void session.refresh()) : undefined}
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
