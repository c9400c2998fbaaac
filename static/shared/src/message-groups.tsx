/** @jsxImportSource preact */
import { groupBySender, senderLabel, type Message } from '../../../src/frontend/shared/transcript';
import { AttachmentView } from './attachment-view';
import type { ReadFile } from './file-upload';

interface Props {
  readonly messages: readonly Message[];
  readonly names: { readonly customer?: string; readonly agent?: string };
  readonly clock: (at: number) => string;
  /** Reads a sent file back for its preview; without it a file shows as its name. */
  readonly readFile?: ReadFile;
}

/** Messages under their sender's name and time, one bubble per run of a sender; system lines centred. */
export function MessageGroups({ messages, names, clock, readFile }: Props) {
  return (
    <>
      {groupBySender(messages).map((group) => {
        const first = group.messages[0];
        if (group.from === 'system') {
          return (
            <p key={first.seq} class="msg from-system">
              {first.text}
            </p>
          );
        }
        return (
          <div key={first.seq} class={`msg from-${group.from}`}>
            <p class="who">
              {senderLabel(group.from, names, first.authorName)} <span class="time">{clock(first.at)}</span>
            </p>
            {group.messages.map((m) =>
              m.attachment && readFile ? (
                <AttachmentView key={m.seq} attachment={m.attachment} read={readFile} />
              ) : (
                <p key={m.seq} class="text">
                  {m.text}
                </p>
              )
            )}
          </div>
        );
      })}
    </>
  );
}
