/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { AGENT_STATUSES } from '../../../src/frontend/shared/labels';
import type { AgentMe, AgentStatus } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { loadText, statusNoticeText, type StatusNotice } from './inbox-state';

/** R1: the agent's availability, for the whole site; R4's refusal is shown as the backend words it. */
export function StatusSwitch({ me, notice, onChanged }: { me: AgentMe; notice: StatusNotice; onChanged: (status: AgentStatus) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (status: AgentStatus) => {
    setBusy(true);
    setError(null);
    const outcome = await run('agent.setStatus', { status });
    setBusy(false);
    if (outcome.ok) onChanged(outcome.value.status ?? status);
    else setError(outcome.error.message);
  };

  const help = AGENT_STATUSES.find((s) => s.status === me.status)?.help;
  const noticeText = statusNoticeText(notice);
  return (
    <div class="status">
      <label for="agent-status">Availability</label>
      <select
        id="agent-status"
        class={`status-select status-${me.status}`}
        value={me.status}
        disabled={busy}
        aria-describedby="agent-status-help"
        onChange={(event) => void change((event.currentTarget as HTMLSelectElement).value as AgentStatus)}
      >
        {AGENT_STATUSES.map((s) => (
          <option key={s.status} value={s.status}>
            {s.label}
          </option>
        ))}
      </select>
      <p id="agent-status-help" class="hint">
        {help} {loadText(me)}.
      </p>
      {noticeText && (
        <p class="notice" role="status">
          {noticeText}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
