import type { Person } from '../directory';
import { THEME_ATTRIBUTE } from '../forge-context';
import { Html, html, jsonScript } from './html';
import { CHROME_CSS } from './chrome-css';

/**
 * The product chrome the app's pages sit in: Jira's top navigation (or the help portal's
 * header), an optional sidebar, breadcrumbs, and the "Viewing as" switcher. The switcher is a
 * plain GET form: the server renders the page again for the chosen user, and that choice is
 * the only identity the page's frames get.
 */
export interface Switcher {
  groups: Array<{ label: string; people: Person[] }>;
  /** Offer "Anonymous visitor" (portal pages). */
  anonymous: boolean;
  /** The chosen account; null = anonymous. */
  current: string | null;
  /** Query parameters to keep when switching (e.g. project). */
  keep?: Record<string, string>;
}

export interface ChromeOptions {
  title: string;
  product: 'jira' | 'portal' | 'sandbox';
  breadcrumbs?: Array<{ label: string; href?: string }>;
  sidebar?: Html;
  switcher?: Switcher;
  body: Html;
  /** The host page's boot data (frames and their tokens); present on pages that run app code. */
  boot?: unknown;
  /** Extra links in the top navigation. */
  nav?: Array<{ label: string; href: string; current?: boolean }>;
}

export function chromePage(options: ChromeOptions): Html {
  const productName = options.product === 'portal' ? 'Help Center' : options.product === 'jira' ? 'Jira' : 'Live Chat Handoff sandbox';
  const nav = options.nav ?? [];
  return html`<!doctype html>
    <html lang="en" data-color-mode="light" data-theme="${THEME_ATTRIBUTE}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        <link rel="stylesheet" href="/host/assets/tokens.css" />
        ${options.boot ? html`<link rel="stylesheet" href="/host/assets/host-page.css" />` : ''}
        <style>
          ${new Html(CHROME_CSS)}
        </style>
      </head>
      <body class="product-${options.product}">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="topnav">
          <a class="brand" href="/">${productName}</a>
          ${
            nav.length
              ? html`<nav aria-label="Product">
                  <ul>
                    ${nav.map((n) => html`<li><a href="${n.href}" ${n.current ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
                  </ul>
                </nav>`
              : ''
          }
          ${options.switcher ? switcherForm(options.switcher) : ''}
        </header>
        <div class="layout${options.sidebar ? ' with-sidebar' : ''}">
          ${options.sidebar ?? ''}
          <main id="main" tabindex="-1">${options.breadcrumbs?.length ? breadcrumbs(options.breadcrumbs) : ''} ${options.body}</main>
        </div>
        <div class="flags" id="host-flags" role="status" aria-live="polite"></div>
        ${
          options.boot
            ? html`${jsonScript('host-boot', options.boot)}
                <script src="/host/assets/host-page.js"></script>`
            : ''
        }
      </body>
    </html>`;
}

function breadcrumbs(items: Array<{ label: string; href?: string }>): Html {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
    <ol>
      ${items.map((item) => html`<li>${item.href ? html`<a href="${item.href}">${item.label}</a>` : item.label}</li>`)}
    </ol>
  </nav>`;
}

function switcherForm(switcher: Switcher): Html {
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${switcher.current === (value === 'anonymous' ? null : value) ? html` selected` : ''}>${label}</option>`;
  return html`<form class="switcher" method="get">
    ${Object.entries(switcher.keep ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <label for="host-user">Viewing as</label>
    <select id="host-user" name="as">
      ${switcher.anonymous ? option('anonymous', 'Anonymous visitor') : ''}
      ${switcher.groups
        .filter((g) => g.people.length > 0)
        .map(
          (g) =>
            html`<optgroup label="${g.label}">${g.people.map((p) => option(p.accountId, `${p.displayName} (${p.accountId})`))}</optgroup>`
        )}
    </select>
    <button type="submit">Switch</button>
  </form>`;
}
