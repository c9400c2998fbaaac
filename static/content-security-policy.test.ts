import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apps, page, inlineContent } = require('./build.js') as {
  apps: string[];
  page: (app: string) => string;
  inlineContent: (html: string) => string[];
};

// Content Security Policy: Forge blocks inline styles and scripts in Custom UI unless manifest.yml
// opts in (permissions.content). The apps opt in to nothing, so their pages must have none; the
// build refuses a page that does. The browser tests (sandbox/host/e2e/content-security-policy.test.ts)
// run the pages under the enforced policy.
describe('Content Security Policy: the Custom UI pages', () => {
  it.each(apps)('%s has no inline style, style attribute, inline script or event handler', (app) => {
    expect(inlineContent(page(app))).toEqual([]);
    expect(fs.existsSync(path.join(__dirname, app, 'public', 'styles.css'))).toBe(true);
    expect(fs.existsSync(path.join(__dirname, 'shared', 'public', 'base.css'))).toBe(true);
  });

  it('finds what the policy would block', () => {
    expect(
      inlineContent('<style>p{}</style><p style="color:red" onclick="x()"></p><script>go()</script><script src="./main.js"></script>')
    ).toEqual(['an inline <style> element', 'a style attribute', 'an inline <script>', 'an inline event handler']);
    expect(inlineContent('<link rel="stylesheet" href="./styles.css" /><script src="./main.js"></script>')).toEqual([]);
  });
});
