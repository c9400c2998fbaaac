import { route } from '@forge/api';
import { z } from 'zod';
import type { CommentSnapshot, JiraCaller, Paragraph } from '../../app/ports/jira';
import { adfText, paragraphsToAdf } from './adf';
import { jiraJson, jiraSend } from './jira-http';

const CommentsSchema = z.object({
  comments: z.array(z.object({ id: z.coerce.string(), author: z.object({ accountId: z.string() }).optional(), body: z.unknown() }))
});

/** An internal note (agents only): the platform API with JSM's `sd.public.comment` property. */
export async function addInternalComment(key: string, paragraphs: readonly Paragraph[]): Promise<void> {
  const body = { body: paragraphsToAdf(paragraphs), properties: [{ key: 'sd.public.comment', value: { internal: true } }] };
  await jiraSend({ as: 'app', method: 'POST', path: route`/rest/api/3/issue/${key}/comment`, body });
}

/** A public reply on the request, as the invocation's user or as the app. */
export async function addPublicReply(key: string, text: string, as: JiraCaller): Promise<void> {
  await jiraSend({ as, method: 'POST', path: route`/rest/servicedeskapi/request/${key}/comment`, body: { body: text, public: true } });
}

/** The newest comments first, public and internal (the app sees both). */
export async function recentComments(key: string, maxResults: number): Promise<CommentSnapshot[]> {
  const path = route`/rest/api/3/issue/${key}/comment?orderBy=${'-created'}&maxResults=${maxResults}`;
  const answer = await jiraJson({ as: 'app', method: 'GET', path }, CommentsSchema);
  return answer.comments.map((c) => ({ id: c.id, authorId: c.author?.accountId ?? null, text: adfText(c.body) }));
}
