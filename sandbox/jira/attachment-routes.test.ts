import { route, type RequestInit } from '@forge/api';
import { Attachments, ErrorCollection } from './answer-schemas';
import { jsonBody, parsed, siteHarness } from './site-harness';

async function withRequest() {
  const h = siteHarness();
  await h.asApp(
    route`/rest/servicedeskapi/request`,
    jsonBody('POST', { serviceDeskId: '2', requestTypeId: '10', raiseOnBehalfOf: 'customer-dana', requestFieldValues: { summary: 'Help' } })
  );
  return { h, key: 'SUP-1' };
}

/** A multipart upload as requestJira takes one: the form's bytes, its boundary in the Content-Type. */
async function upload(
  bytes: Buffer,
  fileName: string,
  type: string,
  headers: Record<string, string> = { 'X-Atlassian-Token': 'no-check' }
): Promise<RequestInit> {
  const form = new FormData();
  form.append('file', new Blob([Uint8Array.from(bytes)], { type }), fileName);
  const encoded = new Response(form);
  return {
    method: 'POST',
    headers: { 'Content-Type': encoded.headers.get('content-type') ?? '', ...headers },
    body: await encoded.arrayBuffer()
  };
}

describe('POST /rest/api/3/issue/{issueIdOrKey}/attachments', () => {
  it('A1: puts the file on the work item as the caller and answers jira.js’s Attachment list', async () => {
    const { h, key } = await withRequest();
    const file = Buffer.from('%PDF-1.7\nguide');
    const answer = await h.asUser(
      'agent-ana',
      route`/rest/api/3/issue/${key}/attachments`,
      await upload(file, 'guide.pdf', 'application/pdf')
    );
    expect(answer.status).toBe(200);
    const [created] = await parsed(answer, Attachments);
    expect(created).toMatchObject({
      filename: 'guide.pdf',
      size: file.length,
      mimeType: 'application/pdf',
      author: { accountId: 'agent-ana' }
    });
    const [kept] = h.site.attachments(key);
    expect(Buffer.from(kept.base64, 'base64').equals(file)).toBe(true);
  });

  it('A1: is blocked without X-Atlassian-Token: no-check (XSRF), and refused to a portal customer (no Create Attachments)', async () => {
    const { h, key } = await withRequest();
    const file = Buffer.from('%PDF-1.7\n');
    const blocked = await h.asUser(
      'agent-ana',
      route`/rest/api/3/issue/${key}/attachments`,
      await upload(file, 'a.pdf', 'application/pdf', {})
    );
    expect(blocked.status).toBe(403);
    expect((await parsed(blocked, ErrorCollection)).errorMessages).toEqual(['XSRF check failed']);
    const customer = await h.asUser(
      'customer-dana',
      route`/rest/api/3/issue/${key}/attachments`,
      await upload(file, 'a.pdf', 'application/pdf')
    );
    expect([403, 404]).toContain(customer.status);
    expect(h.site.attachments(key)).toEqual([]);
  });

  it('A1: answers 413 for a file over the site’s attachment limit, and keeps nothing', async () => {
    const { h, key } = await withRequest();
    h.site.setAttachmentLimit(10);
    const answer = await h.asApp(route`/rest/api/3/issue/${key}/attachments`, await upload(Buffer.alloc(11, 1), 'big.png', 'image/png'));
    expect(answer.status).toBe(413);
    expect(h.site.attachments(key)).toEqual([]);
  });
});
