import React, { useCallback, useEffect, useState } from 'react';
import ForgeReconciler, { Inline, Lozenge, Spinner, Stack, Text, useProductContext } from '@forge/react';
import type { Failure } from '../shared/operation-result';
import type { SpaceSettings } from '../shared/operations';
import { LicenseNotice, PageFailure } from '../shared/page-failure';
import { run } from '../shared/run';
import { liveChatState } from './settings-form';
import { OnOffSection } from './on-off-section';
import { SetupSection } from './setup-section';
import { SettingsSection } from './settings-section';
import { BusinessHoursSection } from './business-hours-section';
import { DeactivateSection } from './deactivate-section';
import { SavedRepliesSection } from './saved-replies-section';
import { SpaceReportsSection } from './reports-section';
import { LiveViewSection } from './live-view-section';

/**
 * Space settings → Live chat (jira:projectSettingsPage), for the space's admins: on/off, set up
 * with the escalation line (R26), team and chat settings, business hours (H1), deactivate (R27).
 * Operations: space.settings.get / space.settings.save / space.setup / space.deactivate, and the saved
 * replies' (SR1, saved-replies-section.tsx), the live view's (LV1–LV4, live-view-section.tsx) and the
 * reports' (space.report, RP1–RP5, reports-section.tsx).
 */
function App() {
  const context = useProductContext();
  const projectKey: string | undefined = context?.extension?.project?.key;
  const [settings, setSettings] = useState<SpaceSettings | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // R26's line as "Set up" answered it; a reload falls back to the settings' own line.
  const [escalationLine, setEscalationLine] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!projectKey) return;
    setFailure(null);
    const outcome = await run('space.settings.get', { projectKey });
    if (outcome.ok) setSettings(outcome.value);
    else setFailure(outcome.error);
  }, [projectKey]);

  useEffect(() => {
    void load();
  }, [load]);

  if (failure) {
    return (
      <PageFailure failure={failure} forbidden="Only admins of this space can change its live chat settings." onRetry={() => void load()} />
    );
  }
  if (!projectKey || !settings) return <Spinner label="Loading live chat settings" />;

  const state = liveChatState(settings);
  return (
    <Stack space="space.400">
      {/* Jira shows the page's title ("Live chat") above the app. */}
      <Inline space="space.100" alignBlock="center">
        <Text>{`Live chat in ${projectKey}:`}</Text>
        <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
      </Inline>
      {settings.licenseActive === false && <LicenseNotice notice={settings.notice} />}
      <OnOffSection projectKey={projectKey} settings={settings} onSaved={setSettings} />
      <SetupSection
        projectKey={projectKey}
        settings={settings}
        escalationLine={escalationLine ?? settings.escalationLine ?? null}
        onSetUp={(line) => {
          setEscalationLine(line);
          setSettings({ ...settings, setUp: true });
          // Setup also chose the request type: read the settings back.
          void load();
        }}
      />
      <SettingsSection projectKey={projectKey} settings={settings} onSaved={setSettings} />
      <LiveViewSection projectKey={projectKey} />
      <SavedRepliesSection projectKey={projectKey} />
      <BusinessHoursSection projectKey={projectKey} settings={settings} onSaved={setSettings} />
      <SpaceReportsSection projectKey={projectKey} />
      <DeactivateSection
        projectKey={projectKey}
        settings={settings}
        onDeactivated={(next) => {
          setEscalationLine(null);
          setSettings(next);
        }}
      />
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
