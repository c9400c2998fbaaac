import React, { useCallback, useEffect, useState } from 'react';
import ForgeReconciler, { Spinner, Stack, Text } from '@forge/react';
import type { Failure } from '../shared/operation-result';
import type { SiteSettings } from '../shared/operations';
import { LicenseNotice, PageFailure } from '../shared/page-failure';
import { run } from '../shared/run';
import { MaxConversationsSection } from './max-conversations-section';
import { OverviewSection } from './overview-section';
import { SiteReportsSection } from './reports-section';

/**
 * Jira administration → Apps → Live chat (jira:adminPage), for site admins: Maximum
 * conversations (R5) and the site overview.
 * Operations: site.settings.get / site.settings.save, site.overview, and site.report (RP1–RP5).
 */
function App() {
  const [settings, setSettings] = useState<SiteSettings | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    const outcome = await run('site.settings.get', {});
    if (outcome.ok) setSettings(outcome.value);
    else setFailure(outcome.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (failure)
    return (
      <PageFailure failure={failure} forbidden="Only Jira site admins can change live chat's site settings." onRetry={() => void load()} />
    );
  if (!settings) return <Spinner label="Loading live chat settings" />;

  return (
    <Stack space="space.400">
      {/* Jira shows the page's title ("Live chat") above the app. */}
      <Text>
        Hands customers from the AI on your help portals to a person. Each service space turns it on and sets it up in its space settings.
      </Text>
      {settings.licenseActive === false && <LicenseNotice notice={settings.notice} />}
      <MaxConversationsSection settings={settings} onSaved={setSettings} />
      <OverviewSection />
      <SiteReportsSection />
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
