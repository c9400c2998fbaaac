/**
 * A tagged template for the host's server-rendered pages: interpolated values are escaped
 * unless they are themselves `html` fragments (or arrays of them).
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | Value[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** JSON for a `<script type="application/json">` block: `<` is escaped so no tag can close it. */
export function jsonScript(id: string, value: unknown): Html {
  return new Html(`<script id="${escapeHtml(id)}" type="application/json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);
}

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
