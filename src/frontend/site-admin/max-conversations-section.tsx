import { useEffect, useState } from 'react';
import { Button, ErrorMessage, Form, HelperMessage, Inline, Label, SectionMessage, Stack, Text, Textfield } from '@forge/react';
import type { SiteSettings } from '../shared/operations';
import { run } from '../shared/run';
import { SectionTitle } from '../shared/section-title';

/** R5: one maximum for every agent on the site, with what it means. */
export function MaxConversationsSection({ settings, onSaved }: { settings: SiteSettings; onSaved: (settings: SiteSettings) => void }) {
  const [value, setValue] = useState(String(settings.maxConversations));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => setValue(String(settings.maxConversations)), [settings]);

  const save = async () => {
    setSaved(false);
    const text = value.trim();
    const number = Number(text);
    if (text === '' || !Number.isFinite(number)) {
      setError('Enter Maximum conversations as a number between 1 and 20');
      return;
    }
    setBusy(true);
    const outcome = await run('site.settings.save', { maxConversations: number });
    setBusy(false);
    if (outcome.ok) {
      setError(null);
      setSaved(true);
      onSaved(outcome.value);
    } else {
      setError(outcome.error.fields.maxConversations ?? outcome.error.message);
    }
  };

  return (
    <Form onSubmit={() => save()}>
      <Stack space="space.100">
        <SectionTitle>Maximum conversations</SectionTitle>
        <Text>
          The most chats one agent handles at a time, across all spaces: chats they have accepted and not resolved, plus offers waiting for
          their answer. An agent at the maximum gets no new offers; new chats wait in their space's queue, first come first served, until a
          slot frees. Lowering it never ends a chat already running.
        </Text>
        <Label labelFor="maxConversations">Maximum conversations per agent</Label>
        <Textfield
          id="maxConversations"
          name="maxConversations"
          type="number"
          value={value}
          isInvalid={error !== null}
          onChange={(event) => {
            setValue(String(event.target.value ?? ''));
            setSaved(false);
          }}
        />
        {error ? <ErrorMessage>{error}</ErrorMessage> : <HelperMessage>A whole number from 1 to 20. The default is 3.</HelperMessage>}
        {saved && (
          <SectionMessage appearance="success" title="Maximum conversations saved">
            <Text>{`Agents now take up to ${settings.maxConversations} chats at a time.`}</Text>
          </SectionMessage>
        )}
        <Inline>
          <Button type="submit" appearance="primary" isDisabled={busy}>
            Save
          </Button>
        </Inline>
      </Stack>
    </Form>
  );
}
