import type { ReactNode } from 'react';
import { Heading } from '@forge/react';

/** A settings or admin page section's title: every section's heading is the same level and size. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" size="medium">
      {children}
    </Heading>
  );
}
