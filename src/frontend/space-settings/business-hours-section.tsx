import { Form, Inline, Label, SectionMessage, Stack, Text, Toggle } from '@forge/react';
import { SaveFooter, TextSetting } from './fields';
import type { SpaceSettings } from '../shared/operations';
import { DAYS, formFromHours, hoursFromForm } from './business-hours-form';
import { useSettingsForm } from './use-settings-form';
import { SectionTitle } from '../shared/section-title';

interface Props {
  projectKey: string;
  settings: SpaceSettings;
  onSaved: (settings: SpaceSettings) => void;
}

/** The form from the settings' business hours. */
const formFromBusinessHours = (settings: SpaceSettings) => formFromHours(settings.businessHours);

/**
 * H1: when live chat is open. Outside these hours the widget shows the closed message with the
 * next opening and offers to leave a request (H3); no chat is routed (H2). Saved on its own: the
 * backend checks the whole value and saves all of it or nothing.
 */
export function BusinessHoursSection({ projectKey, settings, onSaved }: Props) {
  const { form, edit, fieldErrors, notice, busy, save } = useSettingsForm(projectKey, settings, formFromBusinessHours, onSaved);

  return (
    <Form onSubmit={() => save({ businessHours: hoursFromForm(form) })}>
      <Stack space="space.200">
        <SectionTitle>Business hours</SectionTitle>
        <Inline space="space.100" alignBlock="center">
          <Toggle id="businessHoursOn" isChecked={form.on} onChange={() => edit({ on: !form.on })} />
          <Label labelFor="businessHoursOn">Open only during business hours</Label>
        </Inline>
        {form.on && (
          <Stack space="space.200">
            <TextSetting
              name="businessHours.timeZone"
              label="Time zone"
              error={fieldErrors['businessHours.timeZone']}
              help="An IANA time zone name, such as Europe/Berlin or America/New_York. Opening times follow its daylight saving changes."
              value={form.timeZone}
              onChange={(timeZone) => edit({ timeZone })}
            />
            {fieldErrors['businessHours.week'] && (
              <SectionMessage appearance="error" title="Weekly schedule">
                <Text>{fieldErrors['businessHours.week']}</Text>
              </SectionMessage>
            )}
            {DAYS.map(({ day, label }) => (
              <TextSetting
                key={day}
                name={`businessHours.week.${day}`}
                label={label}
                error={fieldErrors[`businessHours.week.${day}`]}
                help="Opening times as HH:MM-HH:MM (24-hour), several separated by commas; empty for closed."
                value={form.days[day]}
                onChange={(text) => edit({ days: { ...form.days, [day]: text } })}
              />
            ))}
            <TextSetting
              name="businessHours.holidays"
              label="Holidays"
              error={fieldErrors['businessHours.holidays']}
              help="Dates closed all day, as YYYY-MM-DD separated by commas (in the space's time zone)."
              value={form.holidays}
              onChange={(holidays) => edit({ holidays })}
            />
            <TextSetting
              name="businessHours.closedMessage"
              label="Closed message"
              kind="lines"
              error={fieldErrors['businessHours.closedMessage']}
              help="What customers read outside business hours. {opening} becomes the next opening, in the customer's own time zone. 1–500 characters."
              value={form.closedMessage}
              onChange={(closedMessage) => edit({ closedMessage })}
            />
          </Stack>
        )}
        <SaveFooter
          what="Business hours"
          notice={notice}
          saved={form.on ? 'Outside these hours customers can leave a request.' : 'Live chat is open at all hours.'}
          busy={busy}
        />
      </Stack>
    </Form>
  );
}
