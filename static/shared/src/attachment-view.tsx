/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { AttachmentRef } from '../../../src/domain';
import { fetchFile, type ReadFile } from './file-upload';

/**
 * A file in the transcript: an image as a preview, a PDF as a download link, each from a
 * `blob:` URL of the file's bytes as the app keeps them (Forge's frame CSP allows `blob:`
 * images; the frame cannot load Jira's attachment URLs itself).
 */
export function AttachmentView({ attachment, read }: { attachment: AttachmentRef; read: ReadFile }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void fetchFile(attachment.id, read).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setError(outcome.error.message);
      made = URL.createObjectURL(outcome.value);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachment.id]);

  const size = `${Math.max(1, Math.round(attachment.size / 1024))} KB`;
  return (
    <figure class={`attachment attachment-${attachment.kind}`}>
      {attachment.kind === 'image' && url && (
        <img
          class="attachment-preview"
          src={url}
          alt={`Image: ${attachment.fileName}`}
          onLoad={(event) => keepNewestInView(event.currentTarget)}
        />
      )}
      {attachment.kind === 'image' && !url && !error && <p class="attachment-loading">Loading the image…</p>}
      <figcaption>
        {url ? (
          <a href={url} download={attachment.fileName}>
            {attachment.kind === 'pdf' ? `PDF: ${attachment.fileName}` : attachment.fileName}
          </a>
        ) : (
          <span>{attachment.fileName}</span>
        )}{' '}
        <span class="attachment-size">({size})</span>
        {error && (
          <span class="error" role="alert">
            {' '}
            {error}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** A preview that loads in the newest message grows the log: keep its end in view, as for a new message. */
function keepNewestInView(img: HTMLImageElement): void {
  const log = img.closest('[role="log"]');
  const messages = log?.querySelectorAll('.msg');
  if (log && messages && messages[messages.length - 1]?.contains(img)) log.scrollTop = log.scrollHeight;
}
