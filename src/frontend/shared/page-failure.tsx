import { Button, SectionMessage, Stack, Text } from '@forge/react';
import type { Failure } from './operation-result';

/**
 * A page that could not load: why, in words for the reader, and a way to try again.
 * `forbidden` names who may use the page (R28), so nobody is left guessing.
 */
export function PageFailure({ failure, forbidden, onRetry }: { failure: Failure; forbidden: string; onRetry: () => void }) {
  if (failure.code === 'forbidden') {
    return (
      <SectionMessage appearance="warning" title="You can't change these settings">
        <Text>{forbidden}</Text>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title="Live chat settings could not be loaded">
      <Stack space="space.100">
        <Text>{failure.message}</Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </SectionMessage>
  );
}

const LICENSE_TEXT =
  'No new chats start: the chat is hidden on the help portal and Rovo agents tell customers live chat is unavailable. Chats already running ' +
  "continue until they end. Renew the app's subscription in Jira administration → Apps → Manage apps.";

/** R31: why no new chat starts while the Marketplace license is inactive (the backend's words when it sends them). */
export function LicenseNotice({ notice }: { notice?: string | null }) {
  return (
    <SectionMessage appearance="error" title="The Live chat license is not active">
      <Text>{notice || LICENSE_TEXT}</Text>
    </SectionMessage>
  );
}
