import { ErrorMessage, Form, HelperMessage, Inline, Label, SectionMessage, Stack, Text, Textfield, Toggle } from '@forge/react';
import { Field, RequestTypeField, SaveFooter, TextSetting } from './fields';
import type { SpaceSettings } from '../shared/operations';
import {
  NUMBER_FIELDS,
  charactersLeft,
  exampleWorkItemKey,
  fallbackPreview,
  formFromSettings,
  patchFromForm,
  teamWarning
} from './settings-form';
import { useSettingsForm } from './use-settings-form';
import { SectionTitle } from '../shared/section-title';

interface Props {
  projectKey: string;
  settings: SpaceSettings;
  onSaved: (settings: SpaceSettings) => void;
}

/** Team and chat settings, saved together: the backend refuses all or saves all. */
export function SettingsSection({ projectKey, settings, onSaved }: Props) {
  const {
    form,
    edit,
    fieldErrors,
    notice,
    busy,
    save: saveSettings,
    refuse
  } = useSettingsForm(projectKey, settings, formFromSettings, onSaved);

  const save = async () => {
    const check = patchFromForm(form);
    if (!check.ok) {
      refuse(check.fields, 'Nothing was saved. Correct the fields marked below.');
      return;
    }
    await saveSettings(check.patch);
  };

  const warning = settings.teamWarning ?? teamWarning(settings.teamSize);
  const requestTypeOptions = (settings.requestTypes ?? []).map((type) => ({ label: type.name, value: type.id }));
  const preview = fallbackPreview(form.fallbackMessage, exampleWorkItemKey(projectKey));

  return (
    <Form onSubmit={() => save()}>
      <Stack space="space.200">
        <SectionTitle>Team and chat settings</SectionTitle>
        {NUMBER_FIELDS.map((field) => (
          <TextSetting
            key={field.name}
            kind="number"
            name={field.name}
            label={`${field.label} (${field.unit})`}
            help={field.help}
            error={fieldErrors[field.name]}
            value={form[field.name]}
            onChange={(value) => edit({ [field.name]: value })}
          />
        ))}

        <TextSetting
          name="teamId"
          label="Team"
          help={teamHelp(settings.teamSize)}
          error={fieldErrors.teamId}
          value={form.teamId}
          onChange={(teamId) => edit({ teamId })}
        />
        {warning && (
          <SectionMessage appearance="warning" title="This team is too large for live chat">
            <Text>{warning}</Text>
          </SectionMessage>
        )}

        <Stack space="space.050">
          <Inline space="space.100" alignBlock="center">
            <Toggle
              id="showOnlyWhenAvailable"
              isChecked={form.showOnlyWhenAvailable}
              onChange={() => edit({ showOnlyWhenAvailable: !form.showOnlyWhenAvailable })}
            />
            <Label labelFor="showOnlyWhenAvailable">Show chat only when an agent is available</Label>
          </Inline>
          {fieldErrors.showOnlyWhenAvailable ? (
            <ErrorMessage>{fieldErrors.showOnlyWhenAvailable}</ErrorMessage>
          ) : (
            <HelperMessage>When on, the help portal shows the chat only while at least one agent of the space is Available.</HelperMessage>
          )}
        </Stack>

        {/* Chosen at setup (settings table); changed here afterwards. */}
        {settings.setUp && (
          <RequestTypeField
            options={requestTypeOptions}
            value={form.requestTypeId}
            error={fieldErrors.requestTypeId}
            onChange={(requestTypeId) => edit({ requestTypeId })}
          />
        )}

        <Field
          name="defaultLabel"
          label="Default label"
          help="Every chat work item gets this label; it can't be changed. Missed chats also get live-chat-missed."
        >
          <Textfield id="defaultLabel" name="defaultLabel" value={settings.defaultLabel} isReadOnly />
        </Field>

        <TextSetting
          kind="lines"
          name="fallbackMessage"
          label="Fallback message"
          help={`What the customer reads when no agent can take the chat. {workItem} becomes the work item's key. ${charactersLeft(form.fallbackMessage)} characters left.`}
          error={fieldErrors.fallbackMessage}
          value={form.fallbackMessage}
          onChange={(fallbackMessage) => edit({ fallbackMessage })}
        />
        <SectionMessage appearance="information" title={`Preview with ${exampleWorkItemKey(projectKey)}`}>
          <Text>{preview}</Text>
        </SectionMessage>

        <SaveFooter what="Settings" notice={notice} saved="Your changes apply to new chats." busy={busy} />
      </Stack>
    </Form>
  );
}

function teamHelp(teamSize: number | null | undefined): string {
  const size = typeof teamSize === 'number' ? `The team has ${teamSize} members. ` : '';
  return (
    `${size}The ID of the Atlassian team whose members take this space's chats (the last part of the team's profile address). ` +
    "Leave it empty to use everyone with the space's agent permission. At most 100 members are supported."
  );
}
