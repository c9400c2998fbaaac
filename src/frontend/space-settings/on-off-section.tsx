import { useState } from 'react';
import { ErrorMessage, HelperMessage, Inline, Label, Stack, Toggle } from '@forge/react';
import type { SpaceSettings } from '../shared/operations';
import { run } from '../shared/run';
import { SectionTitle } from '../shared/section-title';

/** Live chat on/off: saved at once, like Jira's own feature switches. */
export function OnOffSection({
  projectKey,
  settings,
  onSaved
}: {
  projectKey: string;
  settings: SpaceSettings;
  onSaved: (settings: SpaceSettings) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    const outcome = await run('space.settings.save', { projectKey, enabled: !settings.enabled });
    setBusy(false);
    if (outcome.ok) onSaved(outcome.value);
    else setError(outcome.error.fields.enabled ?? outcome.error.message);
  };

  return (
    <Stack space="space.100">
      <SectionTitle>Help portal chat</SectionTitle>
      <Inline space="space.100" alignBlock="center">
        <Toggle id="live-chat-enabled" isChecked={settings.enabled} isDisabled={busy} onChange={() => void toggle()} />
        <Label labelFor="live-chat-enabled">Live chat</Label>
      </Inline>
      <HelperMessage>
        Customers see the chat on this space's help portal when live chat is on and set up. Turning it off hides the chat; chats already
        running continue until they end.
      </HelperMessage>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </Stack>
  );
}
