import React, { useCallback, useEffect, useRef, useState } from 'react';
import ForgeReconciler, {
  Box,
  Button,
  Heading,
  Inline,
  Lozenge,
  SectionMessage,
  Spinner,
  Stack,
  Text,
  useProductContext,
  xcss
} from '@forge/react';
import type { Failure } from '../shared/operation-result';
import { hasEnded, type AgentConversationView, type ReaderAccess } from '../shared/operations';
import { conversationStatus, type Tone } from '../shared/labels';
import { run } from '../shared/run';
import { lastSeq, mergeMessages } from '../shared/transcript';
import { panelModel, type PanelTurn } from './panel-model';

/** While a chat runs, the panel reads new messages this often (afterSeq: only what is new). */
const REFRESH_MS = 10_000;

const aiPartStyle = xcss({ backgroundColor: 'color.background.discovery', padding: 'space.150', borderRadius: 'radius.small' });

/**
 * The chat work item's panel (jira:issuePanel): the transcript and status for the assigned agent
 * and participants; everyone else is told why they see nothing (R18).
 * Operation: conversation.get, for the conversation of this work item (the issue comes from the
 * panel's context, not the payload).
 */
function App() {
  const context = useProductContext();
  const issueKey: string | undefined = context?.extension?.issue?.key;
  const [view, setView] = useState<AgentConversationView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const viewRef = useRef<AgentConversationView | null>(null);

  const load = useCallback(async () => {
    const held = viewRef.current;
    const afterSeq = held ? lastSeq(held.messages) : undefined;
    const outcome = await run('conversation.get', afterSeq === undefined ? {} : { afterSeq });
    if (!outcome.ok) {
      setFailure(outcome.error);
      return;
    }
    const next = { ...outcome.value, messages: mergeMessages(held?.messages ?? [], outcome.value.messages ?? []) };
    viewRef.current = next;
    setFailure(null);
    setView(next);
  }, []);

  useEffect(() => {
    if (!issueKey) return;
    void load();
  }, [issueKey, load]);

  useEffect(() => {
    if (!view || hasEnded(view.status)) return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [view?.status, load]);

  if (failure?.code === 'forbidden') {
    return (
      <SectionMessage appearance="information" title="You can't see this conversation">
        <Text>
          Only the agent assigned to this chat and agents added to it as participants can read its messages. Ask the assigned agent to add
          you if you need to help.
        </Text>
      </SectionMessage>
    );
  }
  if (failure?.code === 'not_found') return <Text>No live chat belongs to this work item.</Text>;
  if (failure) {
    return (
      <SectionMessage appearance="error" title="The chat could not be loaded">
        <Stack space="space.100">
          <Text>{failure.message}</Text>
          <Button onClick={() => void load()}>Try again</Button>
        </Stack>
      </SectionMessage>
    );
  }
  if (!view) return <Spinner label="Loading the chat" />;

  const status = conversationStatus(view.status);
  // R18: the backend says what this reader may see.
  if (view.access !== 'full') return <Restricted access={view.access} view={view} statusLabel={status.label} statusTone={status.tone} />;

  const model = panelModel(view, { locale: context?.locale, timeZone: context?.timezone });
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance={status.tone}>{status.label}</Lozenge>
        <Text>{`Customer: ${view.customerName}`}</Text>
      </Inline>
      {model.aiPart.length > 0 && <AiPart turns={model.aiPart} />}
      <Stack space="space.100">
        <Heading as="h3" size="xsmall">
          Live chat
        </Heading>
        {model.livePart.length === 0 ? (
          <Text>No messages with an agent yet.</Text>
        ) : (
          model.livePart.map((turn) => <Turn key={turn.key} turn={turn} />)
        )}
        {view.customerTyping && !hasEnded(view.status) && <Text color="color.text.subtle">{`${view.customerName} is typing…`}</Text>}
      </Stack>
    </Stack>
  );
}

/** R18: the offered agent sees what they need to decide; everyone else only that the chat exists, and why. */
function Restricted({
  access,
  view,
  statusLabel,
  statusTone
}: {
  access: ReaderAccess;
  view: AgentConversationView;
  statusLabel: string;
  statusTone: Tone;
}) {
  if (access === 'offer') {
    const turns = panelModel({ ...view, messages: [] }).aiPart;
    return (
      <Stack space="space.200">
        <SectionMessage appearance="information" title="This chat is offered to you">
          <Stack space="space.050">
            <Text weight="bold">{view.summary}</Text>
            <Text>Accept it in the Live chat inbox to read and answer the customer's messages.</Text>
          </Stack>
        </SectionMessage>
        {turns.length > 0 && <AiPart turns={turns} />}
      </Stack>
    );
  }
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Text>Live chat:</Text>
        <Lozenge appearance={statusTone}>{statusLabel}</Lozenge>
      </Inline>
      <SectionMessage appearance="information" title="You can't see this conversation">
        {/* An ended chat (a missed one has nobody to ask) already left its transcript here. */}
        {hasEnded(view.status) ? (
          <Text>
            Only the agent assigned to this chat and the agents they added could read its messages. Its transcript is on this work item as
            an internal note.
          </Text>
        ) : (
          <Text>
            Only the agent assigned to this chat and the agents they add to it can read its messages. Ask the assigned agent to add you if
            you need to help. The transcript is added to this work item as an internal note when the chat ends.
          </Text>
        )}
      </SectionMessage>
    </Stack>
  );
}

function AiPart({ turns }: { turns: readonly PanelTurn[] }) {
  return (
    <Box xcss={aiPartStyle}>
      <Stack space="space.100">
        <Heading as="h3" size="xsmall">
          AI conversation before the handoff
        </Heading>
        {turns.map((turn) => (
          <Turn key={turn.key} turn={turn} />
        ))}
      </Stack>
    </Box>
  );
}

function Turn({ turn }: { turn: PanelTurn }) {
  return (
    <Stack space="space.025">
      <Text weight="bold">{turn.when ? `${turn.who} · ${turn.when}` : turn.who}</Text>
      {turn.texts.map((text, i) => (
        <Text key={i}>{text}</Text>
      ))}
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
