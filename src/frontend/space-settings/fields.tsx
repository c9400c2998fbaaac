import type { ReactNode } from 'react';
import { Button, ErrorMessage, HelperMessage, Inline, Label, SectionMessage, Select, Stack, Text, TextArea, Textfield } from '@forge/react';
import type { Notice } from './use-settings-form';

interface FieldProps {
  /** The input's id: also the setting's name, so the backend's field error lands here. */
  name: string;
  label: string;
  help: ReactNode;
  error?: string;
  children: ReactNode;
}

/** A labelled input with its help, or its error in the help's place. */
export function Field({ name, label, help, error, children }: FieldProps) {
  return (
    <Stack space="space.050">
      <Label labelFor={name}>{label}</Label>
      {children}
      {error ? <ErrorMessage>{error}</ErrorMessage> : <HelperMessage>{help}</HelperMessage>}
    </Stack>
  );
}

interface TextSettingProps {
  name: string;
  label: string;
  help: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  /** A number field, or several lines of text (the fallback message); one line of text otherwise. */
  kind?: 'number' | 'lines';
}

/** A setting typed as text, in its Field: invalid while the backend's (or the form's) error for it stands. */
export function TextSetting({ name, label, help, error, value, onChange, kind }: TextSettingProps) {
  const input = { id: name, name, value, isInvalid: Boolean(error) };
  const changed = (event: { target: { value?: unknown } }) => onChange(String(event.target.value ?? ''));
  return (
    <Field name={name} label={label} help={help} error={error}>
      {kind === 'lines' ? (
        <TextArea {...input} onChange={changed} />
      ) : (
        <Textfield {...input} type={kind === 'number' ? 'number' : undefined} onChange={changed} />
      )}
    </Field>
  );
}

interface RequestTypeFieldProps {
  options: { label: string; value: string }[];
  value: string;
  error?: string;
  onChange: (requestTypeId: string) => void;
}

/** A picker of the space's request types; their ids when the backend did not list them. */
export function RequestTypeField({ options, value, error, onChange }: RequestTypeFieldProps) {
  return (
    <Field
      name="requestTypeId"
      label="Request type for chat work items"
      error={error}
      help="Each chat becomes a work item of this request type in the space's queues."
    >
      {options.length > 0 ? (
        <Select
          inputId="requestTypeId"
          options={options}
          value={options.find((o) => o.value === value) ?? null}
          onChange={(option: { value: string } | null) => onChange(option?.value ?? '')}
        />
      ) : (
        <Textfield id="requestTypeId" name="requestTypeId" value={value} onChange={(event) => onChange(String(event.target.value ?? ''))} />
      )}
    </Field>
  );
}

interface SaveFooterProps {
  /** What the section saves, as its titles say it ("Settings", "Business hours"). */
  what: string;
  notice: Notice;
  /** What the saved note says. */
  saved: string;
  busy: boolean;
}

/** A settings section's end: the saved note or why nothing was saved, then its save button. */
export function SaveFooter({ what, notice, saved, busy }: SaveFooterProps) {
  return (
    <>
      {notice?.kind === 'saved' && (
        <SectionMessage appearance="success" title={`${what} saved`}>
          <Text>{saved}</Text>
        </SectionMessage>
      )}
      {notice?.kind === 'failed' && (
        <SectionMessage appearance="error" title={`${what} not saved`}>
          <Text>{notice.message}</Text>
        </SectionMessage>
      )}
      <Inline>
        <Button type="submit" appearance="primary" isDisabled={busy}>
          {`Save ${what.toLowerCase()}`}
        </Button>
      </Inline>
    </>
  );
}
