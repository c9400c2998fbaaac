import type { Sandbox } from '../../runtime/sandbox';
import { chromePage } from './chrome';
import { html, type Html } from './html';
import { jiraNav } from './surface-pages';

/**
 * The usage meter: what the app has cost the platform so far (what Forge bills or rate-limits),
 * with the largest breakdowns. `POST /api/usage/reset` starts it over.
 */
const LABELS: Array<[keyof ReturnType<Sandbox['meter']['snapshot']>, string]> = [
  ['invocations.resolver', 'Resolver invocations'],
  ['invocations.action', 'Rovo action invocations'],
  ['invocations.consumer', 'Queue consumer invocations'],
  ['invocations.scheduledTrigger', 'Scheduled trigger invocations'],
  ['invocations.productTrigger', 'Product event trigger invocations'],
  ['compute.ms', 'Compute time (ms)'],
  ['kvs.reads', 'KVS reads'],
  ['kvs.readBytes', 'KVS bytes read'],
  ['kvs.writes', 'KVS writes'],
  ['kvs.writeBytes', 'KVS bytes written'],
  ['kvs.transactions', 'KVS transactions'],
  ['kvs.conflicts', 'KVS transactions cancelled (conflicts)'],
  ['kvs.refused', 'KVS requests refused (429/5xx)'],
  ['queue.events', 'Queue events'],
  ['realtime.publishes', 'Realtime publishes'],
  ['realtime.subscriptions', 'Realtime subscriptions'],
  ['realtime.signs', 'Realtime tokens signed'],
  ['realtime.refused', 'Realtime refused (no right token)'],
  ['llm.calls', 'LLM calls'],
  ['jira.requests', 'Jira requests'],
  ['logs.lines', 'Log lines']
];

export function usageTable(sandbox: Sandbox): Html {
  const usage = sandbox.meter.snapshot();
  return html`<table class="data">
    <caption class="subtle" style="text-align:left">
      Totals since the sandbox started or was reset
    </caption>
    <thead>
      <tr>
        <th scope="col">Metric</th>
        <th scope="col">Total</th>
      </tr>
    </thead>
    <tbody>
      ${LABELS.map(
        ([key, label]) =>
          html`<tr>
            <th scope="row">${label}</th>
            <td>${Math.round(Number(usage[key]))}</td>
          </tr>`
      )}
    </tbody>
  </table>`;
}

export function usagePage(sandbox: Sandbox): Html {
  const details = Object.entries(sandbox.meter.snapshot().byDetail)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30);
  const body = html`<h1>Usage meter</h1>
    <p>Virtual time: ${new Date(sandbox.clock.now()).toISOString()}. The same numbers as JSON: <a href="/api/usage">/api/usage</a>.</p>
    ${usageTable(sandbox)}
    <h2>Largest items</h2>
    ${
      details.length
        ? html`<table class="data">
            <thead>
              <tr>
                <th scope="col">Metric and detail</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              ${details.map(
                ([k, v]) =>
                  html`<tr>
                    <td>${k}</td>
                    <td>${Math.round(v)}</td>
                  </tr>`
              )}
            </tbody>
          </table>`
        : html`<p>Nothing recorded yet.</p>`
    }`;
  return chromePage({ title: 'Usage meter - Live Chat Handoff sandbox', product: 'jira', nav: jiraNav('usage', null), body });
}
