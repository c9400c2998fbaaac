import { useEffect, useState } from 'preact/hooks';
import { run } from '../../../src/frontend/shared/run';

/** R22: while no chat runs, the widget asks again whether to show itself (an agent may come online). */
const VISIBILITY_EVERY_MS = 30_000;

/**
 * Whether the widget shows itself on this portal page (R22, `widget.status`): asked now and
 * every 30 s while no chat runs (a running chat shows whatever the answer); null until the
 * first answer. Without a space from the page's context (`projectKey` null), the portal's
 * space comes from the answer, through `onSpace`.
 */
export function useWidgetVisibility(
  projectKey: string | null,
  chatRunning: boolean,
  onSpace: (projectKey: string) => void
): boolean | null {
  const [visible, setVisible] = useState<boolean | null>(null);

  useEffect(() => {
    if (chatRunning) return;
    const check = async () => {
      const outcome = await run('widget.status', projectKey ? { projectKey } : {});
      if (!outcome.ok) return setVisible(false);
      if (!projectKey && outcome.value.projectKey) onSpace(outcome.value.projectKey);
      setVisible(outcome.value.visible === true);
    };
    void check();
    const timer = window.setInterval(() => void check(), VISIBILITY_EVERY_MS);
    return () => window.clearInterval(timer);
    // onSpace is the widget's state setter: stable.
  }, [chatRunning, projectKey]);

  return visible;
}
