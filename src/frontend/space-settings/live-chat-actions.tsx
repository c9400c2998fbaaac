import { Button, Inline, Label, Select, Stack, Text } from '@forge/react';
import type { LiveView } from '../shared/operations';
import { assignOptions, nameOf, type RunningChat } from './live-view-model';

interface ActionsProps {
  live: LiveView;
  chat: RunningChat;
  chosen: string | undefined;
  busy: boolean;
  onChoose: (accountId: string) => void;
  onTakeBack: () => void;
  onAssign: (accountId: string) => void;
}

/** LV2, LV3 for one chat; while a transfer is pending (one offer at a time, R6) only what it waits for. */
export function ChatActions({ live, chat, chosen, busy, onChoose, onTakeBack, onAssign }: ActionsProps) {
  if (chat.transferTo !== null) return <Text>{`Waiting for ${nameOf(live, chat.transferTo)} to accept`}</Text>;
  const options = assignOptions(live, chat);
  const selected = options.find((o) => o.value === chosen) ?? null;
  const selectId = `assign-${chat.conversationId}`;
  return (
    <Stack space="space.100">
      <Inline>
        <Button isDisabled={busy} onClick={onTakeBack} aria-label={`Put back in queue: ${chat.customerName}'s chat`}>
          Put back in queue
        </Button>
      </Inline>
      {options.length === 0 ? (
        <Text>No other agent can take a chat now.</Text>
      ) : (
        <Stack space="space.050">
          <Label labelFor={selectId}>{`Assign ${chat.customerName}'s chat to…`}</Label>
          <Inline space="space.100" alignBlock="center">
            <Select
              inputId={selectId}
              options={options}
              value={selected}
              onChange={(option: { value: string } | null) => onChoose(option?.value ?? '')}
            />
            <Button
              isDisabled={busy || selected === null}
              onClick={() => selected && onAssign(selected.value)}
              aria-label={`Assign ${chat.customerName}'s chat to the chosen agent`}
            >
              Assign
            </Button>
          </Inline>
        </Stack>
      )}
    </Stack>
  );
}
