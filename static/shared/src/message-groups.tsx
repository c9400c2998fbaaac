/** @jsxImportSource preact */
import { groupBySender, senderLabel, type Message } from '../../../src/frontend/shared/transcript';

interface Props {
  readonly messages: readonly Message[];
  readonly names: { readonly customer?: string; readonly agent?: string };
  readonly clock: (at: number) => string;
}

/** Messages under their sender's name and time, one bubble per run of a sender; system lines centred. */
export function MessageGroups({ messages, names, clock }: Props) {
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
            {group.messages.map((m) => (
              <p key={m.seq} class="text">
                {m.text}
              </p>
            ))}
          </div>
        );
      })}
    </>
  );
}
