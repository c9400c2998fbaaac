/**
 * The space settings form, as pure functions: what the fields show, what a save sends, and the
 * texts derived from the settings (fallback preview, team warning, escalation line).
 */
import type { SpaceSettings } from '../shared/operations';

/** What the admin edits: numbers stay text until saved, so a half-typed value is not lost. */
export interface SettingsForm {
  readonly timeToAssignMinutes: string;
  readonly offerTimeoutSeconds: string;
  readonly timeToReplyMinutes: string;
  readonly teamId: string;
  readonly showOnlyWhenAvailable: boolean;
  readonly requestTypeId: string;
  readonly fallbackMessage: string;
}

export type NumberField = 'timeToAssignMinutes' | 'offerTimeoutSeconds' | 'timeToReplyMinutes';

/** The field names are the settings' own, so the backend's field errors land beside them. */
export const NUMBER_FIELDS: readonly {
  readonly name: NumberField;
  readonly label: string;
  readonly unit: string;
  readonly help: string;
}[] = [
  {
    name: 'timeToAssignMinutes',
    label: 'Time to assign',
    unit: 'minutes',
    help: 'If no agent accepts within this time, the customer sees the fallback message. 1–60 minutes.'
  },
  {
    name: 'offerTimeoutSeconds',
    label: 'Offer timeout',
    unit: 'seconds',
    help: 'How long an agent has to accept an offer before it goes to the next agent and they are set to Away. 30–600 seconds.'
  },
  {
    name: 'timeToReplyMinutes',
    label: 'Time to reply',
    unit: 'minutes',
    help: 'The agent is reminded if they have not replied within this time after accepting; the chat ends after twice this time. 1–60 minutes.'
  }
];

export function formFromSettings(settings: SpaceSettings): SettingsForm {
  return {
    timeToAssignMinutes: String(settings.timeToAssignMinutes),
    offerTimeoutSeconds: String(settings.offerTimeoutSeconds),
    timeToReplyMinutes: String(settings.timeToReplyMinutes),
    teamId: settings.teamId ?? '',
    showOnlyWhenAvailable: settings.showOnlyWhenAvailable,
    requestTypeId: settings.requestTypeId ?? '',
    fallbackMessage: settings.fallbackMessage
  };
}

export type SettingsPatch = Record<string, string | number | boolean | null>;

export type FormCheck =
  { readonly ok: true; readonly patch: SettingsPatch } | { readonly ok: false; readonly fields: Record<string, string> };

/**
 * What "Save" sends: every field of the form. Ranges are the backend's to judge (one source of
 * truth, and nothing saved partially); only text that is not a number at all is caught here.
 * An empty team means no team; an empty request type is left as it is.
 */
export function patchFromForm(form: SettingsForm): FormCheck {
  const fields: Record<string, string> = {};
  const patch: SettingsPatch = {};
  for (const { name, label, unit } of NUMBER_FIELDS) {
    const text = form[name].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) fields[name] = `Enter ${label} as a number of ${unit}`;
    else patch[name] = value;
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  patch.teamId = form.teamId.trim() === '' ? null : form.teamId.trim();
  patch.showOnlyWhenAvailable = form.showOnlyWhenAvailable;
  if (form.requestTypeId !== '') patch.requestTypeId = form.requestTypeId;
  patch.fallbackMessage = form.fallbackMessage;
  return { ok: true, patch };
}

export const WORK_ITEM_PLACEHOLDER = '{workItem}';

/** The key the preview uses for {workItem}: the space's own key, so the admin sees a real-looking one. */
export function exampleWorkItemKey(projectKey: string): string {
  return `${projectKey}-123`;
}

/** What a customer would read when the chat is missed. */
export function fallbackPreview(template: string, workItemKey: string): string {
  return template.split(WORK_ITEM_PLACEHOLDER).join(workItemKey);
}

export const FALLBACK_MAX_CHARS = 1000;

export function charactersLeft(text: string): number {
  return FALLBACK_MAX_CHARS - [...text].length;
}

export const TEAM_LIMIT = 100;

/** R4: a team over 100 members cannot use availability, and the visibility toggle counts as off. */
export function teamWarning(teamSize: number | null | undefined): string | null {
  if (teamSize === null || teamSize === undefined || teamSize <= TEAM_LIMIT) return null;
  return (
    `This team has ${teamSize} members; live chat supports at most ${TEAM_LIMIT}. ` +
    'Its agents cannot change their availability, and "Show chat only when an agent is available" is treated as off. Choose a smaller team.'
  );
}

/**
 * R26's line for other Rovo agents. The backend's own line (from "Set up", or with the
 * settings) wins; this one is shown only when a reload brought none.
 */
export function escalationLineFor(projectKey: string): string {
  return (
    `Escalate by starting a live chat (Project key: ${projectKey}) only when the user explicitly asks for a person, ` +
    'or self-service is exhausted and the user is still unsatisfied.'
  );
}

/** The status the page header shows. */
export function liveChatState(settings: Pick<SpaceSettings, 'enabled' | 'setUp' | 'deactivated'>): {
  label: string;
  appearance: 'success' | 'moved' | 'default' | 'removed';
} {
  if (settings.deactivated && !settings.setUp) return { label: 'Deactivated', appearance: 'removed' };
  if (!settings.enabled) return { label: 'Off', appearance: 'default' };
  return settings.setUp ? { label: 'On', appearance: 'success' } : { label: 'Not set up', appearance: 'moved' };
}
