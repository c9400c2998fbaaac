import { route } from '@forge/api';
import { Comment, ErrorCollection, PageOfComments } from './answer-schemas';
import { PagedRequestComment } from './answer-schemas';
import { adf, jsonBody, parsed, siteHarness } from './site-harness';

async function withRequest() {
  const h = siteHarness();
  await h.asApp(
    route`/rest/servicedeskapi/request`,
    jsonBody('POST', { serviceDeskId: '2', requestTypeId: '10', raiseOnBehalfOf: 'customer-dana', requestFieldValues: { summary: 'Help' } })
  );
  return { h, key: 'SUP-1' };
}

describe('POST /rest/api/3/issue/{issueIdOrKey}/comment', () => {
  it('adds a public comment by default, and an internal note with the sd.public.comment property', async () => {
    const { h, key } = await withRequest();
    const reply = await h.asUser('agent-ana', route`/rest/api/3/issue/${key}/comment`, jsonBody('POST', { body: adf('First reply') }));
    expect(reply.status).toBe(201);
    expect(await parsed(reply, Comment)).toMatchObject({ jsdPublic: true, author: { accountId: 'agent-ana' }, body: adf('First reply') });
    const note = await h.asApp(
      route`/rest/api/3/issue/${key}/comment`,
      jsonBody('POST', { body: adf('Transcript'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] })
    );
    expect((await parsed(note, Comment)).jsdPublic).toBe(false);
    expect(h.events.filter((e) => e.eventType === 'avi:jira:commented:issue')).toHaveLength(2);
    const customerView = await parsed(
      await h.asUser('customer-dana', route`/rest/servicedeskapi/request/${key}/comment`),
      PagedRequestComment
    );
    expect(customerView.values.map((c) => c.body)).toEqual(['First reply']);
  });

  it('refuses a string body (v3 takes ADF), an empty body and one over 32,767 characters', async () => {
    const { h, key } = await withRequest();
    const text = await h.asApp(route`/rest/api/3/issue/${key}/comment`, jsonBody('POST', { body: 'plain' }));
    expect((await parsed(text, ErrorCollection)).errors).toEqual({ comment: 'Comment body is not valid!' });
    const empty = await h.asApp(
      route`/rest/api/3/issue/${key}/comment`,
      jsonBody('POST', { body: { type: 'doc', version: 1, content: [] } })
    );
    expect((await parsed(empty, ErrorCollection)).errors).toEqual({ comment: 'Comment body can not be empty!' });
    const long = await h.asApp(route`/rest/api/3/issue/${key}/comment`, jsonBody('POST', { body: adf('x'.repeat(32_700)) }));
    expect(long.status).toBe(400);
    expect((await parsed(long, ErrorCollection)).errors.comment).toMatch(/32,767 characters/);
    expect(h.site.comments(key)).toEqual([]);
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}/comment', () => {
  it('pages the comments oldest first, or newest first with orderBy=-created', async () => {
    const { h, key } = await withRequest();
    for (const text of ['one', 'two', 'three']) {
      await h.asApp(route`/rest/api/3/issue/${key}/comment`, jsonBody('POST', { body: adf(text) }));
      await h.clock.advance(1000);
    }
    const page = await parsed(await h.asApp(route`/rest/api/3/issue/${key}/comment?startAt=1&maxResults=1`), PageOfComments);
    expect({ total: page.total, bodies: page.comments.map((c) => c.body) }).toEqual({ total: 3, bodies: [adf('two')] });
    const newest = await parsed(await h.asApp(route`/rest/api/3/issue/${key}/comment?orderBy=-created`), PageOfComments);
    expect(newest.comments[0].body).toEqual(adf('three'));
    expect((await h.asApp(route`/rest/api/3/issue/${key}/comment?orderBy=author`)).status).toBe(400);
  });
});
