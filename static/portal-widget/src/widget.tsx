/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { POLLING, useLiveUpdates } from '../../shared/src/use-live-updates';
import { ChatPanel } from './chat-panel';
import { useChatSession } from './use-chat-session';
import { useWidgetVisibility } from './use-widget-visibility';

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
  const visible = useWidgetVisibility(projectKey, session.running, setProjectKey);
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
          {session.running ? 'Back to your chat' : 'Chat with us'}
        </button>
      </div>
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
    />
  );
}
