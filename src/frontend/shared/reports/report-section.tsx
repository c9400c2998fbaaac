import { useCallback, useEffect, useState } from 'react';
import { BarChart, Button, ButtonGroup, CodeBlock, DynamicTable, Inline, LineChart, SectionMessage, Stack, Text } from '@forge/react';
import type { Outcome } from '../operation-result';
import { RefreshButton, SectionHeader } from '../section-title';
import {
  agentName,
  chatsPerDayData,
  latencyPerDayData,
  medianAndP90,
  percentText,
  ratingText,
  reportSummaryText,
  type Report,
  type ReportFigures
} from './report-view';

const FIGURE_HEAD = [
  { key: 'chats', content: 'Chats' },
  { key: 'missed', content: 'Missed or expired' },
  { key: 'assign', content: 'Time to assign (median / p90)' },
  { key: 'reply', content: 'Time to first reply (median / p90)' },
  { key: 'rating', content: 'Rating (ratings)' }
];

function figureCells(figures: ReportFigures) {
  return [
    { key: 'chats', content: String(figures.chats) },
    { key: 'missed', content: percentText(figures.missedRate) },
    { key: 'assign', content: medianAndP90(figures.timeToAssign) },
    { key: 'reply', content: medianAndP90(figures.timeToFirstReply) },
    { key: 'rating', content: ratingText(figures.ratings) }
  ];
}

/**
 * The reports (RP1–RP5) on the space settings page and the Jira admin page: the last 7 or 30 UTC
 * days, chats per day and the median times as UI Kit's own charts, per space (the site) and per
 * agent, and the CSV to copy (a UI Kit page can write no file: README, "Reports").
 */
export function ReportSection({
  load,
  spaceNames
}: {
  load: (days: 7 | 30) => Promise<Outcome<Report>>;
  /** The site report's space names, by key (absent on a space's own page, which has no per-space table). */
  spaceNames?: (report: Report) => Record<string, string> | null;
}) {
  const [days, setDays] = useState<7 | 30>(7);
  const [report, setReport] = useState<Outcome<Report> | null>(null);
  const [showCsv, setShowCsv] = useState(false);

  const read = useCallback(async () => {
    setReport(null);
    setReport(await load(days));
  }, [load, days]);

  useEffect(() => {
    void read();
  }, [read]);

  return (
    <Stack space="space.200">
      <SectionHeader title="Reports">
        <Inline space="space.100" alignBlock="center">
          <ButtonGroup label="Period">
            <Button isSelected={days === 7} onClick={() => setDays(7)}>
              Last 7 days
            </Button>
            <Button isSelected={days === 30} onClick={() => setDays(30)}>
              Last 30 days
            </Button>
          </ButtonGroup>
          {/* Named apart from the site overview's Refresh on the same page (a page has one Refresh). */}
          <RefreshButton onRefresh={() => void read()} label="Reload report" />
        </Inline>
      </SectionHeader>
      {report === null && <Text>Loading the report…</Text>}
      {report?.ok === false && (
        <SectionMessage appearance="information" title="The report isn't available right now">
          <Text>
            {report.error.code === 'forbidden' ? report.error.message : 'The figures could not be read. Try Reload report in a moment.'}
          </Text>
        </SectionMessage>
      )}
      {report?.ok && <ReportBody report={report.value} names={spaceNames?.(report.value) ?? null} showCsv={showCsv} onCsv={setShowCsv} />}
    </Stack>
  );
}

function ReportBody({
  report,
  names,
  showCsv,
  onCsv
}: {
  report: Report;
  names: Record<string, string> | null;
  showCsv: boolean;
  onCsv: (show: boolean) => void;
}) {
  const latency = latencyPerDayData(report);
  return (
    <Stack space="space.200">
      <Text>{reportSummaryText(report)} A chat is counted once it has ended, on the day it was requested.</Text>
      <BarChart
        title="Chats per day"
        subtitle="Chats requested each day, and those missed or expired"
        data={chatsPerDayData(report)}
        xAccessor="day"
        yAccessor="count"
        colorAccessor="series"
        height={280}
      />
      {latency.length > 0 && (
        <LineChart
          title="Median times per day"
          subtitle="Seconds, at most (bucketed)"
          data={latency}
          xAccessor="day"
          yAccessor="seconds"
          colorAccessor="series"
          height={280}
        />
      )}
      <DynamicTable
        caption="All chats in the period"
        head={{ cells: FIGURE_HEAD }}
        rows={[{ key: 'total', cells: figureCells(report.total) }]}
      />
      {names && (
        <DynamicTable
          caption="Per space"
          head={{ cells: [{ key: 'space', content: 'Space' }, ...FIGURE_HEAD] }}
          rows={report.spaces.map(({ projectKey, figures }) => ({
            key: projectKey,
            cells: [
              { key: 'space', content: names[projectKey] ? `${names[projectKey]} (${projectKey})` : projectKey },
              ...figureCells(figures)
            ]
          }))}
          emptyView={<Text>No chat has ended in this period.</Text>}
        />
      )}
      <DynamicTable
        caption="Per agent"
        head={{
          cells: [
            { key: 'agent', content: 'Agent' },
            { key: 'accepted', content: 'Accepted' },
            { key: 'resolved', content: 'Resolved' },
            { key: 'expired', content: 'Expired' },
            FIGURE_HEAD[2],
            FIGURE_HEAD[3],
            FIGURE_HEAD[4]
          ]
        }}
        rows={report.agents.map(({ accountId, figures }) => ({
          key: accountId,
          cells: [
            { key: 'agent', content: agentName(report, accountId) },
            { key: 'accepted', content: String(figures.accepted) },
            { key: 'resolved', content: String(figures.resolved) },
            { key: 'expired', content: String(figures.expired) },
            { key: 'assign', content: medianAndP90(figures.timeToAssign) },
            { key: 'reply', content: medianAndP90(figures.timeToFirstReply) },
            { key: 'rating', content: ratingText(figures.ratings) }
          ]
        }))}
        emptyView={<Text>No agent took a chat in this period.</Text>}
      />
      <Inline space="space.100" alignBlock="center">
        <Button onClick={() => onCsv(!showCsv)}>{showCsv ? 'Hide CSV' : 'Export CSV'}</Button>
        {showCsv && <Text>Copy the text below into a file ending in .csv; spreadsheets open it as a table.</Text>}
      </Inline>
      {showCsv && <CodeBlock language="text" text={report.csv} />}
    </Stack>
  );
}
