/** @jsxImportSource preact */
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { Composer } from '../../shared/src/composer';
import { RatingForm } from './rating-form';
import { Transcript } from './transcript';
import { WaitEstimate } from './wait-estimate';
import { canRate, canWrite, endNotice, statusLine, type WidgetState } from './widget-state';

interface Props {
  readonly state: WidgetState;
  readonly locale?: string;
  readonly timeZone?: string;
  readonly onMinimize: () => void;
  readonly send: (text: string) => Promise<Outcome<unknown>>;
  readonly typing: () => void;
  readonly askForPerson: () => void;
  readonly end: () => void;
  readonly startOver: () => void;
  /** X1: chat.rate for this chat. */
  readonly rate: (stars: number, comment: string) => Promise<Outcome<{ stars: number }>>;
}

/** The open widget: where the customer stands, the transcript, the composer and what they can do next. */
export function ChatPanel({ state, locale, timeZone, onMinimize, send, typing, askForPerson, end, startOver, rate }: Props) {
  const notice = endNotice(state);
  const running = state.phase === 'waiting' || state.phase === 'active';
  return (
    <div class="widget">
      <section id="chat-panel" class="panel" aria-labelledby="chat-title">
        <header class="panel-header">
          <div>
            <h1 id="chat-title">{state.phase === 'active' && state.agentName ? state.agentName : 'Chat with us'}</h1>
            <p class="status" role="status">
              {statusLine(state)}
            </p>
            {state.phase === 'waiting' && <WaitEstimate estimate={state.waitEstimate} />}
          </div>
          <button type="button" class="button subtle" onClick={onMinimize}>
            Minimize
          </button>
        </header>
        <Transcript state={state} locale={locale} timeZone={timeZone} />
        {notice && (
          <p class="end-notice" role="status">
            {notice}
          </p>
        )}
        {state.error && (
          <p class="error" role="alert">
            {state.error}
          </p>
        )}
        <footer class="panel-footer">
          {canRate(state) && <RatingForm key={state.chat?.conversationId} rate={rate} />}
          {state.phase !== 'ended' && (
            <Composer
              label={state.chat ? 'Message to the agent' : 'Message to the AI assistant'}
              disabled={!canWrite(state)}
              send={send}
              typing={typing}
              onSent={() => undefined}
            />
          )}
          <div class="panel-actions">
            {state.phase === 'ai' && (
              <button type="button" class="button" disabled={state.busy} onClick={askForPerson}>
                Talk to a person
              </button>
            )}
            {running && state.chat && (
              <button type="button" class="button" disabled={state.busy} onClick={end}>
                End chat
              </button>
            )}
            {state.phase === 'ended' && (
              <button type="button" class="button" onClick={startOver}>
                Start a new chat
              </button>
            )}
          </div>
        </footer>
      </section>
    </div>
  );
}
