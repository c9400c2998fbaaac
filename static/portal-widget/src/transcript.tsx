/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import { formatClock } from '../../../src/frontend/shared/format';
import type { ReadFile } from '../../shared/src/file-upload';
import { MessageGroups } from '../../shared/src/message-groups';
import { transcriptOf, type WidgetState } from './widget-state';

const GREETING = 'Hi! I\'m the AI assistant. Ask me anything, or choose "Talk to a person" to chat with our team.';

/** The AI turns, then the live chat with the agent, newest at the bottom. */
export function Transcript({
  state,
  locale,
  timeZone,
  readFile
}: {
  state: WidgetState;
  locale?: string;
  timeZone?: string;
  readFile?: ReadFile;
}) {
  const logRef = useRef<HTMLDivElement>(null);
  const { ai, live } = transcriptOf(state);
  const names = { customer: 'You', agent: state.agentName ?? 'Agent' };

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [ai.length, live.length, state.agentTyping, state.busy]);

  return (
    <div class="log" ref={logRef} role="log" aria-live="polite" aria-label="Chat messages" tabIndex={0}>
      <div class="msg from-ai">
        <p class="who">AI assistant</p>
        <p class="text">{GREETING}</p>
      </div>
      {ai.map((turn, i) => (
        <div key={`ai-${i}`} class={`msg from-${turn.from}`}>
          <p class="who">{turn.from === 'ai' ? 'AI assistant' : 'You'}</p>
          <p class="text">{turn.text}</p>
        </div>
      ))}
      {state.chat && <p class="divider">You asked for a person</p>}
      <MessageGroups messages={live} names={names} clock={(at) => formatClock(at, locale, timeZone)} readFile={readFile} />
      {state.agentTyping && <p class="typing">{state.agentName ?? 'The agent'} is typing…</p>}
      {state.phase === 'ai' && state.busy && <p class="typing">The AI assistant is typing…</p>}
    </div>
  );
}
