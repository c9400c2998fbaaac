import type { ServerResponse } from 'node:http';
import type { Sandbox } from '../runtime/sandbox';

/** The sandbox's start page: what is running and how to script it. The app's own pages join it with the frontends. */
export function serveStartPage(sandbox: Sandbox, res: ServerResponse): void {
  const usage = sandbox.meter.snapshot();
  const projects = ['SUP', 'HR'].map((key) => sandbox.jira.project(key)).filter((p) => p !== undefined);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live Chat Handoff sandbox</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;color:#172b4d}code{background:#f1f2f4;padding:0 .25rem;border-radius:3px}</style>
</head><body>
<h1>Live Chat Handoff sandbox</h1>
<p>The app runs here on a local Forge-compatible runtime, against a fake Jira Service Management site. Virtual time: <code>${new Date(sandbox.clock.now()).toISOString()}</code>.</p>
<h2>Spaces</h2>
<ul>${projects.map((p) => `<li><code>${p.key}</code> ${escapeHtml(p.name)}</li>`).join('')}</ul>
<h2>Scripting API</h2>
<p><code>POST /api/reset</code>, <code>POST /api/invoke</code>, <code>POST /api/action</code>, <code>POST /api/clock/advance</code>, <code>POST /api/settle</code>, <code>GET /api/usage</code>, <code>POST /api/faults</code>, and the fake Jira under <code>/jira/rest/...</code> (see the README).</p>
<h2>Usage so far</h2>
<p>${usage['invocations.resolver']} resolver invocations, ${usage['kvs.writes']} KVS writes, ${usage['queue.events']} queue events, ${usage['jira.requests']} Jira requests.</p>
</body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
