/** @jsxImportSource preact */
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { AttachButton } from '../../shared/src/attach-button';
import { Composer } from '../../shared/src/composer';
import { RatingForm } from './rating-form';
import type { ReadFile, SendPart } from '../../shared/src/file-upload';
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
  /** A file to the agent, and a sent file read back (set once the chat with a person started). */
  readonly files?: { readonly sendPart: SendPart; readonly read: ReadFile; readonly onSent: () => void };
}

/** The open widget: where the customer stands, the transcript, the composer and what they can do next. */
export function ChatPanel({ state, locale, timeZone, onMinimize, send, typing, askForPerson, end, startOver, rate, files }: Props) {
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
        <Transcript state={state} locale={locale} timeZone={timeZone} readFile={files?.read} />
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
          {files && state.phase === 'active' && (
            <AttachButton disabled={!canWrite(state)} sendPart={files.sendPart} onSent={files.onSent} />
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
