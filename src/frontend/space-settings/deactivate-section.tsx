import { useState } from 'react';
import { Button, ErrorMessage, Inline, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import type { SpaceSettings } from '../shared/operations';
import { run } from '../shared/run';
import { SectionTitle } from '../shared/section-title';

interface Props {
  projectKey: string;
  settings: SpaceSettings;
  onDeactivated: (settings: SpaceSettings) => void;
}

/** R27: confirm, deactivate, then list what to remove from other Rovo agents. */
export function DeactivateSection({ projectKey, settings, onDeactivated }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removeFromRovo, setRemoveFromRovo] = useState<readonly string[] | null>(null);

  const deactivate = async () => {
    setBusy(true);
    setError(null);
    const outcome = await run('space.deactivate', { projectKey });
    setBusy(false);
    setConfirming(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    const { removeFromRovo: toRemove, ...next } = outcome.value;
    setRemoveFromRovo(toRemove ?? []);
    onDeactivated(next);
  };

  return (
    <Stack space="space.100">
      <SectionTitle>Deactivate</SectionTitle>
      {/* Until the space is set up again. */}
      {removeFromRovo && !settings.setUp && (
        <SectionMessage appearance="success" title="Live chat is deactivated for this space">
          <Stack space="space.100">
            <Text>
              The chat is hidden on the help portal and Rovo can no longer start chats here. Remove these from your other Rovo agents:
            </Text>
            <List type="unordered">
              {removeFromRovo.map((item) => (
                <ListItem key={item}>{item}</ListItem>
              ))}
            </List>
          </Stack>
        </SectionMessage>
      )}
      {/* Deactivating leaves the on/off switch as it was (the backend's `deactivated` says so): nothing left to deactivate. */}
      {(settings.setUp || (settings.enabled && !settings.deactivated)) && (
        <>
          <Text>
            Deactivating hides the chat on the help portal and makes the escalation action refuse new chats for this space. Chats already
            running continue until they end.
          </Text>
          {confirming ? (
            <SectionMessage appearance="warning" title={`Deactivate live chat for ${projectKey}?`}>
              <Inline space="space.100">
                <Button appearance="danger" isDisabled={busy} onClick={() => void deactivate()}>
                  Yes, deactivate
                </Button>
                <Button appearance="subtle" isDisabled={busy} onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </Inline>
            </SectionMessage>
          ) : (
            <Inline>
              <Button appearance="danger" onClick={() => setConfirming(true)}>
                Deactivate live chat
              </Button>
            </Inline>
          )}
        </>
      )}
      {!settings.setUp && settings.deactivated && !removeFromRovo && (
        <Text>Live chat is deactivated for this space. Set it up again to turn it back on.</Text>
      )}
      {!settings.setUp && !settings.enabled && !settings.deactivated && !removeFromRovo && (
        <Text>Live chat is off and not set up for this space.</Text>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </Stack>
  );
}
