import type { ReactNode } from 'react';
import { Button, Heading, Inline } from '@forge/react';

/** A settings or admin page section's title: every section's heading is the same level and size. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" size="medium">
      {children}
    </Heading>
  );
}

/** A section's title with its controls at the right end of the line (a period choice, Refresh). */
export function SectionHeader({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Inline spread="space-between" alignBlock="center">
      <SectionTitle>{title}</SectionTitle>
      {children}
    </Inline>
  );
}

/** The subtle button that reads a section's live figures again; `label` when the page has another Refresh. */
export function RefreshButton({ onRefresh, label = 'Refresh' }: { onRefresh: () => void; label?: string }) {
  return (
    <Button appearance="subtle" iconBefore="refresh" onClick={onRefresh}>
      {label}
    </Button>
  );
}
