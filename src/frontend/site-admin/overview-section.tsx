import { useCallback, useEffect, useState } from 'react';
import { DynamicTable, Lozenge, SectionMessage, Stack, Text } from '@forge/react';
import type { Outcome } from '../shared/operation-result';
import type { SiteOverview } from '../shared/operations';
import { run } from '../shared/run';
import { overviewSummary, sortSpaces, spaceState } from './overview';
import { RefreshButton, SectionHeader } from '../shared/section-title';

const HEAD = {
  cells: [
    { key: 'space', content: 'Space' },
    { key: 'state', content: 'Live chat' },
    { key: 'available', content: 'Agents available now' },
    { key: 'waiting', content: 'Chats waiting' },
    { key: 'active', content: 'Chats active' }
  ]
};

/** Spaces with live chat, agents available now, chats waiting and active (`site.overview`). */
export function OverviewSection() {
  const [overview, setOverview] = useState<Outcome<SiteOverview> | null>(null);

  const load = useCallback(async () => {
    setOverview(null);
    setOverview(await run('site.overview', {}));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack space="space.100">
      <SectionHeader title="Site overview">
        <RefreshButton onRefresh={() => void load()} />
      </SectionHeader>
      {overview === null && <Text>Loading the overview…</Text>}
      {overview?.ok === false && (
        <SectionMessage appearance="information" title="The overview isn't available right now">
          <Text>
            {overview.error.code === 'forbidden'
              ? overview.error.message
              : 'Spaces, available agents and chats could not be read. Try Refresh in a moment; Maximum conversations can still be changed above.'}
          </Text>
        </SectionMessage>
      )}
      {overview?.ok && (
        <Stack space="space.100">
          <Text>{overviewSummary(overview.value.spaces)}</Text>
          <DynamicTable
            caption="Service spaces and their live chat"
            head={HEAD}
            rows={sortSpaces(overview.value.spaces).map((space) => {
              const state = spaceState(space);
              return {
                key: space.projectKey,
                cells: [
                  { key: 'space', content: `${space.name} (${space.projectKey})` },
                  { key: 'state', content: <Lozenge appearance={state.appearance}>{state.label}</Lozenge> },
                  { key: 'available', content: String(space.availableAgents) },
                  { key: 'waiting', content: String(space.waiting) },
                  { key: 'active', content: String(space.active) }
                ]
              };
            })}
            emptyView={<Text>No service spaces yet.</Text>}
          />
        </Stack>
      )}
    </Stack>
  );
}
