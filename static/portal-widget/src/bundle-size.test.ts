/** The widget loads on every portal page, phones included: its size is a budget, checked here. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sizes } = require('../../build.js') as { sizes: (app: string) => Promise<{ raw: number; gzipped: number }> };

describe('Custom UI bundle sizes', () => {
  it('the portal widget stays under 30 KB gzipped (JavaScript, HTML and CSS)', async () => {
    expect((await sizes('portal-widget')).gzipped).toBeLessThan(30 * 1024);
  });

  it('the agent inbox stays under 40 KB gzipped (JavaScript, HTML and CSS)', async () => {
    expect((await sizes('agent-inbox')).gzipped).toBeLessThan(40 * 1024);
  });
});
