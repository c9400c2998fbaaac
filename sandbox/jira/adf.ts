/**
 * Atlassian Document Format: the rich text of v3 bodies (description, comments). The fake stores
 * every body as ADF and turns it into plain text where JSM's API answers with strings. The schema
 * checks the document structure Jira checks (a `doc` of known node types, text nodes with text);
 * it does not check every node's attributes.
 */
import { z } from 'zod';

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: AdfMark[];
  content?: AdfNode[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

const NODE_TYPES = [
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'mention',
  'emoji',
  'inlineCard',
  'blockCard',
  'date',
  'status',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'mediaSingle',
  'mediaGroup',
  'media',
  'expand'
] as const;

const MarkSchema = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() });

export const AdfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(NODE_TYPES),
      text: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z.array(MarkSchema).optional(),
      content: z.array(AdfNodeSchema).optional()
    })
    // Jira refuses empty text nodes ("text node must have non-empty text").
    .refine((node) => node.type !== 'text' || (typeof node.text === 'string' && node.text.length > 0), {
      message: 'text nodes need non-empty text'
    })
);

export const AdfDocSchema: z.ZodType<AdfDoc> = z.object({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(AdfNodeSchema)
});

/** Plain text to ADF the way Jira's editor would: a paragraph per line, blank lines dropped. */
export function textToAdf(text: string): AdfDoc {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line): AdfNode => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', version: 1, content: paragraphs };
}

function nodeText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') return String(node.attrs?.text ?? '@');
  const inner = (node.content ?? []).map(nodeText);
  const isBlockContainer = ['bulletList', 'orderedList', 'blockquote', 'panel', 'table', 'tableRow', 'expand'].includes(node.type);
  return inner.join(isBlockContainer ? '\n' : '');
}

/** ADF to the plain text JSM's request APIs answer with (blocks on their own lines). */
export function adfToText(doc: AdfDoc): string {
  return doc.content.map(nodeText).join('\n');
}

/**
 * Jira stores a v3 body as its ADF JSON, and its 32,767-character limit applies to that stored
 * form, so markup counts too: a long transcript hits the limit before its text alone would.
 */
export function adfStoredLength(doc: AdfDoc): number {
  return JSON.stringify(doc).length;
}
