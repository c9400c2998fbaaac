import { useEffect, useState } from 'react';
import type { OperationInput } from '../../contract/operations';
import type { SpaceSettings } from '../shared/operations';
import { run } from '../shared/run';

export type Notice = { kind: 'saved' } | { kind: 'failed'; message: string } | null;

/**
 * A space settings section's form, saved on its own through `space.settings.save` (the backend
 * checks the whole patch and saves all of it or nothing). An edit clears the last notice.
 */
export function useSettingsForm<F>(
  projectKey: string,
  settings: SpaceSettings,
  formFrom: (settings: SpaceSettings) => F,
  onSaved: (settings: SpaceSettings) => void
) {
  const [form, setForm] = useState<F>(() => formFrom(settings));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  // Another section (on/off, deactivate) may change the settings; keep the form in step.
  useEffect(() => setForm(formFrom(settings)), [settings, formFrom]);

  const edit = (patch: Partial<F>) => {
    setForm((current) => ({ ...current, ...patch }));
    setNotice(null);
  };

  const refuse = (fields: Record<string, string>, message: string) => {
    setFieldErrors(fields);
    setNotice({ kind: 'failed', message });
  };

  const save = async (patch: Omit<OperationInput<'space.settings.save'>, 'projectKey'>) => {
    setBusy(true);
    const outcome = await run('space.settings.save', { projectKey, ...patch });
    setBusy(false);
    if (outcome.ok) {
      setFieldErrors({});
      setNotice({ kind: 'saved' });
      onSaved(outcome.value);
    } else {
      refuse(outcome.error.fields, `Nothing was saved. ${outcome.error.message}`);
    }
  };

  return { form, edit, fieldErrors, notice, busy, save, refuse };
}
