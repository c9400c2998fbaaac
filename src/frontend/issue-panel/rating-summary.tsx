import { Heading, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { AgentConversationView } from '../shared/operations';

/** The stars as text, for readers and screen readers alike: "★★★★☆ 4 of 5". */
export function starsText(stars: number): string {
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} ${stars} of 5`;
}

/** X1: the customer's rating of the ended chat (also a label and an internal comment on the work item). */
export function RatingSummary({ rating }: { rating: AgentConversationView['rating'] }) {
  if (rating === undefined) return null;
  return (
    <Stack space="space.050">
      <Heading as="h3" size="xsmall">
        Customer rating
      </Heading>
      {rating === null ? (
        <Text color="color.text.subtle">The customer has not rated this chat.</Text>
      ) : (
        <Stack space="space.050">
          <Inline space="space.100" alignBlock="center">
            <Lozenge
              appearance={rating.stars >= 4 ? 'success' : rating.stars <= 2 ? 'removed' : 'default'}
            >{`${rating.stars} of 5`}</Lozenge>
            <Text>{starsText(rating.stars)}</Text>
          </Inline>
          {rating.comment && <Text>{`“${rating.comment}”`}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
