/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';

/** A form whose submit runs `onSubmit` in the page (no navigation): the composer, the rating, a request. */
export function SubmitForm({
  class: className,
  onSubmit,
  children
}: {
  class: string;
  onSubmit: () => Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <form
      class={className}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The last error, announced (role="alert"); nothing when there is none. */
export function ErrorAlert({ error }: { error: string | null }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A panel form's one primary action. */
export function PanelSubmit({ disabled, children }: { disabled: boolean; children: ComponentChildren }) {
  return (
    <div class="panel-actions">
      <button type="submit" class="button primary" disabled={disabled}>
        {children}
      </button>
    </div>
  );
}
