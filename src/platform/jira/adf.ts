import type { Paragraph } from '../../app/ports/jira';

/**
 * Plain text to Atlassian Document Format, as Jira's v3 bodies take it: one paragraph per
 * entry, line breaks inside an entry as hardBreaks. Empty lines are dropped (Jira refuses
 * empty text nodes).
 */
export interface AdfDoc {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly AdfParagraph[];
}

interface AdfParagraph {
  readonly type: 'paragraph';
  readonly content: ReadonlyArray<{ type: 'text'; text: string; marks?: Array<{ type: 'strong' }> } | { type: 'hardBreak' }>;
}

export function paragraphsToAdf(paragraphs: readonly Paragraph[]): AdfDoc {
  const content: AdfParagraph[] = [];
  for (const { lead, text } of paragraphs) {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const inline: Array<AdfParagraph['content'][number]> = [];
    if (lead) inline.push({ type: 'text', text: lines.length > 0 ? `${lead} ` : lead, marks: [{ type: 'strong' }] });
    lines.forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hardBreak' });
      inline.push({ type: 'text', text: line });
    });
    if (inline.length > 0) content.push({ type: 'paragraph', content: inline });
  }
  return { type: 'doc', version: 1, content };
}

/** What Jira counts against its 32,767-character body limit: the stored ADF JSON. */
export function adfLength(doc: AdfDoc): number {
  return JSON.stringify(doc).length;
}

/** The text of a document, paragraphs joined by newlines (to look for a marker). */
export function adfText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const node = value as { text?: unknown; content?: unknown; type?: unknown };
  const own = typeof node.text === 'string' ? node.text : '';
  const children = Array.isArray(node.content) ? node.content.map(adfText).join(node.type === 'doc' ? '\n' : '') : '';
  return own + children;
}
