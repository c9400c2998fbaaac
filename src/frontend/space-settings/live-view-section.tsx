import { useCallback, useEffect, useState } from 'react';
import { DynamicTable, Lozenge, SectionMessage, Stack, Text } from '@forge/react';
import type { Outcome } from '../shared/operation-result';
import type { LiveView } from '../shared/operations';
import { run } from '../shared/run';
import { formatClock } from '../shared/format';
import { RefreshButton, SectionHeader } from '../shared/section-title';
import { ChatActions } from './live-chat-actions';
import {
  agentStatusAppearance,
  agentStatusText,
  durationSince,
  LIVE_VIEW_REFRESH_MS,
  loadText,
  nameOf,
  runningChats,
  type RunningChat
} from './live-view-model';

interface Props {
  projectKey: string;
}

type Notice = { kind: 'done' | 'failed'; title: string; message: string } | null;

const AGENTS_HEAD = {
  cells: [
    { key: 'agent', content: 'Agent' },
    { key: 'status', content: 'Status' },
    { key: 'load', content: 'Load (all spaces)' },
    { key: 'chats', content: 'Chats here' }
  ]
};
const CHATS_HEAD = {
  cells: [
    { key: 'customer', content: 'Customer' },
    { key: 'agent', content: 'Agent' },
    { key: 'since', content: 'Since' },
    { key: 'item', content: 'Work item' },
    { key: 'actions', content: 'Actions' }
  ]
};
const QUEUE_HEAD = {
  cells: [
    { key: 'position', content: 'Place' },
    { key: 'customer', content: 'Customer' },
    { key: 'wait', content: 'Waiting for' },
    { key: 'item', content: 'Work item' }
  ]
};

/**
 * The live view (README "Operations beyond PRODUCT.md": LV1–LV4): the space's agents with their
 * status as routing counts it (R1, R2), their load (R5) and running chats, and the waiting queue
 * (R11). Read with space.liveView.get on open and every 10 s while the page is open (an admin's
 * page: a handful of KVS reads each); a chat can be put back in the queue (LV2) or assigned to an
 * agent who can take it (LV3: they get it as a transfer offer and the chat is theirs once they accept).
 */
export function LiveViewSection({ projectKey }: Props) {
  const [view, setView] = useState<Outcome<LiveView> | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => setView(await run('space.liveView.get', { projectKey })), [projectKey]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), LIVE_VIEW_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (done: Omit<NonNullable<Notice>, 'kind'>, call: () => ReturnType<typeof run<'space.liveView.takeBack'>>) => {
    setBusy(true);
    const outcome = await call();
    setBusy(false);
    if (outcome.ok) setNotice({ kind: 'done', ...done });
    else
      setNotice({
        kind: 'failed',
        title: 'Nothing was changed',
        message: outcome.error.fields.accountId ?? outcome.error.message
      });
    await load();
  };

  const takeBack = (chat: RunningChat) =>
    act({ title: 'Back in the queue', message: `${chat.customerName}'s chat is back in the ${projectKey} queue at its place.` }, () =>
      run('space.liveView.takeBack', { projectKey, conversationId: chat.conversationId })
    );
  const assign = (live: LiveView, chat: RunningChat, accountId: string) =>
    act(
      {
        title: 'Offered as a transfer',
        message: `${nameOf(live, accountId)} is offered ${chat.customerName}'s chat; ${chat.agentName} keeps it until they accept.`
      },
      () => run('space.liveView.reassign', { projectKey, conversationId: chat.conversationId, accountId })
    );

  return (
    <Stack space="space.200">
      <SectionHeader title="Live view">
        <RefreshButton onRefresh={() => void load()} />
      </SectionHeader>
      <Text>
        Who is chatting with whom and who is waiting, as routing sees it now. Refreshes every 10 seconds while this page is open. You see
        who and since when, never the messages.
      </Text>
      {notice && (
        <SectionMessage appearance={notice.kind === 'failed' ? 'error' : 'success'} title={notice.title}>
          <Text>{notice.message}</Text>
        </SectionMessage>
      )}
      {view === null && <Text>Loading the live view…</Text>}
      {view?.ok === false && (
        <SectionMessage appearance="information" title="The live view isn't available right now">
          <Text>{view.error.message}</Text>
        </SectionMessage>
      )}
      {view?.ok && (
        <LiveTables live={view.value} choice={choice} busy={busy} onChoose={setChoice} onTakeBack={takeBack} onAssign={assign} />
      )}
    </Stack>
  );
}

interface TablesProps {
  live: LiveView;
  choice: Record<string, string>;
  busy: boolean;
  onChoose: (choice: Record<string, string>) => void;
  onTakeBack: (chat: RunningChat) => void;
  onAssign: (live: LiveView, chat: RunningChat, accountId: string) => void;
}

function LiveTables({ live, choice, busy, onChoose, onTakeBack, onAssign }: TablesProps) {
  const chats = runningChats(live);
  return (
    <Stack space="space.200">
      <DynamicTable
        caption="Agents of this space"
        head={AGENTS_HEAD}
        rows={live.agents.map((agent) => ({
          key: agent.accountId,
          cells: [
            { key: 'agent', content: agent.name },
            { key: 'status', content: <Lozenge appearance={agentStatusAppearance(agent)}>{agentStatusText(agent)}</Lozenge> },
            { key: 'load', content: loadText(agent, live.maxConversations) },
            {
              key: 'chats',
              content: [
                ...agent.chats.map((c) => c.customerName),
                ...agent.offers.map((o) => `${o.customerName} (offered, not accepted yet)`)
              ].join(', ')
            }
          ]
        }))}
        emptyView={<Text>This space has no agents.</Text>}
      />
      <DynamicTable
        caption="Running chats in this space"
        head={CHATS_HEAD}
        rows={chats.map((chat) => ({
          key: chat.conversationId,
          cells: [
            { key: 'customer', content: chat.customerName },
            { key: 'agent', content: chat.agentName },
            { key: 'since', content: `${formatClock(chat.since)} (${durationSince(chat.since, live.now)})` },
            { key: 'item', content: chat.workItemKey },
            {
              key: 'actions',
              content: (
                <ChatActions
                  live={live}
                  chat={chat}
                  chosen={choice[chat.conversationId]}
                  busy={busy}
                  onChoose={(accountId) => onChoose({ ...choice, [chat.conversationId]: accountId })}
                  onTakeBack={() => onTakeBack(chat)}
                  onAssign={(accountId) => onAssign(live, chat, accountId)}
                />
              )
            }
          ]
        }))}
        emptyView={<Text>No chat is running in this space.</Text>}
      />
      <DynamicTable
        caption="Customers waiting for an agent, first come first served"
        head={QUEUE_HEAD}
        rows={live.waiting.map((customer) => ({
          key: customer.conversationId,
          cells: [
            { key: 'position', content: String(customer.position) },
            { key: 'customer', content: customer.customerName },
            { key: 'wait', content: durationSince(customer.waitingSince, live.now) },
            { key: 'item', content: customer.workItemKey }
          ]
        }))}
        emptyView={<Text>Nobody is waiting.</Text>}
      />
      {live.moreWaiting && <Text>More customers wait behind these.</Text>}
    </Stack>
  );
}
