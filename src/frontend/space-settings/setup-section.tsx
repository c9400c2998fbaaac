import { useState } from 'react';
import { Button, CodeBlock, ErrorMessage, HelperMessage, Inline, Label, Select, Stack, Text } from '@forge/react';
import type { SpaceSettings } from '../shared/operations';
import { run } from '../shared/run';
import { escalationLineFor } from './settings-form';
import { SectionTitle } from '../shared/section-title';

interface Props {
  projectKey: string;
  settings: SpaceSettings;
  escalationLine: string | null;
  onSetUp: (escalationLine: string) => void;
}

/** "Set up live chat" (R26): records the setup, then shows the escalation line ready to copy. */
export function SetupSection({ projectKey, settings, escalationLine, onSetUp }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [requestTypeId, setRequestTypeId] = useState<string | null>(settings.requestTypeId);
  const requestTypes = settings.requestTypes ?? [];

  const setUp = async () => {
    setBusy(true);
    setError(null);
    const outcome = await run('space.setup', { projectKey, ...(requestTypeId ? { requestTypeId } : {}) });
    setBusy(false);
    if (outcome.ok) onSetUp(outcome.value.escalationLine);
    else setError(outcome.error.fields.requestTypeId ?? outcome.error.message);
  };

  if (settings.setUp) {
    const line = escalationLine ?? escalationLineFor(projectKey);
    return (
      <Stack space="space.100">
        <SectionTitle>Escalation from Rovo</SectionTitle>
        <Text>
          Live chat is set up. Customers on this space's help portal reach your agents from the chat widget, and Rovo users through the
          app's "Live chat handoff" agent. Tell that agent this line, or paste it into the instructions of any Rovo agent that can use the
          app's escalate-to-human action:
        </Text>
        <CodeBlock language="text" text={line} showLineNumbers={false} shouldWrapLongLines />
        {/* rovo:mcp is the only way to reach an app's action from an agent made in Rovo Studio, and it is EAP (not for production). */}
        <HelperMessage>
          Agents you create in Rovo Studio cannot call this app's action yet: that needs Forge's Rovo MCP module, which is in early access
          and not part of this app. Point their users to the "Live chat handoff" agent or the help portal instead.
        </HelperMessage>
      </Stack>
    );
  }

  const options = requestTypes.map((type) => ({ label: type.name, value: type.id }));
  return (
    <Stack space="space.100">
      <SectionTitle>Set up</SectionTitle>
      <Text>
        Setting up turns on the handoff for this space: customers who ask the AI for a person get one of your agents, and you get the line
        to paste into other Rovo agents.
      </Text>
      {options.length > 0 && (
        <Stack space="space.050">
          <Label labelFor="setup-request-type">Request type for chat work items</Label>
          <Select
            inputId="setup-request-type"
            options={options}
            value={options.find((o) => o.value === requestTypeId) ?? null}
            onChange={(option: { value: string } | null) => setRequestTypeId(option?.value ?? null)}
          />
        </Stack>
      )}
      <Inline>
        <Button appearance="primary" isDisabled={busy} onClick={() => void setUp()}>
          Set up live chat
        </Button>
      </Inline>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </Stack>
  );
}
