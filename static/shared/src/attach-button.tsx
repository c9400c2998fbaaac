/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { ACCEPTED_TYPES, uploadFile, type SendPart } from './file-upload';

/** "Attach a file": images and PDFs up to 10 MB, sent in parts; the server's refusal is shown as it says it. */
export function AttachButton({ disabled, sendPart, onSent }: { disabled: boolean; sendPart: SendPart; onSent: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setBusy(file.name);
    const outcome = await uploadFile(file, sendPart);
    setBusy(null);
    if (outcome.ok) onSent();
    else setError(outcome.error.message);
  };

  return (
    <div class="attach">
      <label class={`button attach-button${disabled || busy ? ' disabled' : ''}`}>
        {busy ? `Sending ${busy}…` : 'Attach a file'}
        <input
          type="file"
          class="visually-hidden"
          accept={ACCEPTED_TYPES}
          disabled={disabled || busy !== null}
          aria-describedby="attach-hint"
          onChange={(event) => void choose(event.currentTarget)}
        />
      </label>
      <span id="attach-hint" class="visually-hidden">
        Images (PNG, JPEG, GIF, WebP) or a PDF, up to 10 MB.
      </span>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
