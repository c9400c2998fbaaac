import { deflateSync } from 'node:zlib';
import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser } from '../testing/browser-harness';
import { closePage, eventually } from './steps';
import { acceptOffer, availableInbox, openChatWorkItemKey, openWidget, phoneShot, useHostHarness, widgetStatus, write } from './setup';

// A1 in Chromium: a customer sends a photo from the portal's widget, on a phone; the agent sees
// its preview in the inbox, drawn from a blob: URL under the frames' enforced CSP, and the file
// is on the work item. Screenshots for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

const h = useHostHarness();

/** A real PNG (so the browser draws it): a sky over a green field, `width` × `height`. */
function photo(width: number, height: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x += 1) rows.push(...(y < height * 0.6 ? [110, 170, 230] : [70, 150 + ((x * 3) % 40), 60]));
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describeInBrowser('attachments from the portal to the inbox', () => {
  it('A1: customer-dana sends a photo from her phone; agent-ana sees its preview, and it is on the work item', async () => {
    const { page: agentPage, inbox } = await availableInbox(h, 'agent-ana');
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana', viewport: 'phone' });
    const widget = await openWidget(portal);
    await write(widget, 'Message to the AI assistant', 'My router shows a red light');
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    await acceptOffer(inbox);
    await widgetStatus(widget).filter({ hasText: 'You are chatting with Ana Souza.' }).waitFor();

    // The customer attaches the photo (the file picker's input, as a person choosing a file).
    const image = photo(320, 200);
    await widget.locator('input[type="file"]').setInputFiles({ name: 'router-lights.png', mimeType: 'image/png', buffer: image });
    const own = widget.getByRole('img', { name: 'Image: router-lights.png' });
    await own.waitFor();

    // The agent's inbox shows the preview, drawn (a blocked or broken image has no natural width).
    const preview = inbox.getByRole('img', { name: 'Image: router-lights.png' });
    await preview.waitFor({ timeout: 15_000 });
    await eventually(
      () => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth),
      (width) => width === 320,
      10_000,
      'the preview to be drawn'
    );
    await expect(own.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBe(320);
    await h.screenshot(agentPage, 'inbox-attachment');
    await phoneShot(h, portal, 'portal-phone-attachment');
    expect(await seriousA11yViolations(agentPage)).toEqual([]);
    expect(await seriousA11yViolations(portal)).toEqual([]);

    // On the work item, put there by the app for the customer, byte for byte.
    const key = await openChatWorkItemKey(inbox);
    const [attached] = h.server.holder.sandbox.jira.attachments(key);
    expect(attached).toMatchObject({ filename: 'router-lights.png', mimeType: 'image/png', size: image.length });
    expect(Buffer.from(attached.base64, 'base64').equals(image)).toBe(true);

    // A file that is not an image, named as one, is refused with the server's words.
    await widget
      .locator('input[type="file"]')
      .setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from('MZ this is a program') });
    await widget.getByRole('alert').filter({ hasText: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.' }).waitFor();
    expect(h.server.holder.sandbox.jira.attachments(key)).toHaveLength(1);
    await closePage(portal);
    await closePage(agentPage);
  });
});
