import { useEffect, useState } from 'react';
import { Button, Form, Heading, Inline, Label, SectionMessage, Stack, Text, TextArea, Textfield, Toggle } from '@forge/react';
import { Field } from './fields';
import type { SpaceSettings } from '../shared/operations';
import { run } from '../shared/run';
import { DAYS, formFromHours, hoursFromForm, type BusinessHoursForm } from './business-hours-form';

interface Props {
  projectKey: string;
  settings: SpaceSettings;
  onSaved: (settings: SpaceSettings) => void;
}

type Notice = { kind: 'saved' } | { kind: 'failed'; message: string } | null;

/**
 * H1: when live chat is open. Outside these hours the widget shows the closed message with the
 * next opening and offers to leave a request (H3); no chat is routed (H2). Saved on its own: the
 * backend checks the whole value and saves all of it or nothing.
 */
export function BusinessHoursSection({ projectKey, settings, onSaved }: Props) {
  const [form, setForm] = useState<BusinessHoursForm>(() => formFromHours(settings.businessHours));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setForm(formFromHours(settings.businessHours)), [settings]);

  const edit = (patch: Partial<BusinessHoursForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setNotice(null);
  };

  const save = async () => {
    setBusy(true);
    const outcome = await run('space.settings.save', { projectKey, businessHours: hoursFromForm(form) });
    setBusy(false);
    if (outcome.ok) {
      setFieldErrors({});
      setNotice({ kind: 'saved' });
      onSaved(outcome.value);
    } else {
      setFieldErrors(outcome.error.fields);
      setNotice({ kind: 'failed', message: `Nothing was saved. ${outcome.error.message}` });
    }
  };

  return (
    <Form onSubmit={() => save()}>
      <Stack space="space.200">
        <Heading as="h2" size="medium">
          Business hours
        </Heading>
        <Inline space="space.100" alignBlock="center">
          <Toggle id="businessHoursOn" isChecked={form.on} onChange={() => edit({ on: !form.on })} />
          <Label labelFor="businessHoursOn">Open only during business hours</Label>
        </Inline>
        {form.on && (
          <Stack space="space.200">
            <Field
              name="businessHours.timeZone"
              label="Time zone"
              error={fieldErrors['businessHours.timeZone']}
              help="An IANA time zone name, such as Europe/Berlin or America/New_York. Opening times follow its daylight saving changes."
            >
              <Textfield
                id="businessHours.timeZone"
                name="businessHours.timeZone"
                value={form.timeZone}
                isInvalid={Boolean(fieldErrors['businessHours.timeZone'])}
                onChange={(event) => edit({ timeZone: String(event.target.value ?? '') })}
              />
            </Field>
            {fieldErrors['businessHours.week'] && (
              <SectionMessage appearance="error" title="Weekly schedule">
                <Text>{fieldErrors['businessHours.week']}</Text>
              </SectionMessage>
            )}
            {DAYS.map(({ day, label }) => (
              <Field
                key={day}
                name={`businessHours.week.${day}`}
                label={label}
                error={fieldErrors[`businessHours.week.${day}`]}
                help="Opening times as HH:MM-HH:MM (24-hour), several separated by commas; empty for closed."
              >
                <Textfield
                  id={`businessHours.week.${day}`}
                  name={`businessHours.week.${day}`}
                  value={form.days[day]}
                  isInvalid={Boolean(fieldErrors[`businessHours.week.${day}`])}
                  onChange={(event) => edit({ days: { ...form.days, [day]: String(event.target.value ?? '') } })}
                />
              </Field>
            ))}
            <Field
              name="businessHours.holidays"
              label="Holidays"
              error={fieldErrors['businessHours.holidays']}
              help="Dates closed all day, as YYYY-MM-DD separated by commas (in the space's time zone)."
            >
              <Textfield
                id="businessHours.holidays"
                name="businessHours.holidays"
                value={form.holidays}
                isInvalid={Boolean(fieldErrors['businessHours.holidays'])}
                onChange={(event) => edit({ holidays: String(event.target.value ?? '') })}
              />
            </Field>
            <Field
              name="businessHours.closedMessage"
              label="Closed message"
              error={fieldErrors['businessHours.closedMessage']}
              help="What customers read outside business hours. {opening} becomes the next opening, in the customer's own time zone. 1–500 characters."
            >
              <TextArea
                id="businessHours.closedMessage"
                name="businessHours.closedMessage"
                value={form.closedMessage}
                isInvalid={Boolean(fieldErrors['businessHours.closedMessage'])}
                onChange={(event) => edit({ closedMessage: String(event.target.value ?? '') })}
              />
            </Field>
          </Stack>
        )}
        {notice?.kind === 'saved' && (
          <SectionMessage appearance="success" title="Business hours saved">
            <Text>{form.on ? 'Outside these hours customers can leave a request.' : 'Live chat is open at all hours.'}</Text>
          </SectionMessage>
        )}
        {notice?.kind === 'failed' && (
          <SectionMessage appearance="error" title="Business hours not saved">
            <Text>{notice.message}</Text>
          </SectionMessage>
        )}
        <Inline>
          <Button type="submit" appearance="primary" isDisabled={busy}>
            Save business hours
          </Button>
        </Inline>
      </Stack>
    </Form>
  );
}
