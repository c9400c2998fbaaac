// Where the browser tests find a Chromium, the way a user has one. Plain CommonJS because jest
// loads the run's reporter (browser-skip-reporter.js) without transforming it; the harness and
// the reporter must agree on the answer, so both ask this file.
const fs = require('node:fs');

/** Debian/Ubuntu packages, Google Chrome on Linux and macOS, Chromium on macOS. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
];

const HOW_TO_GET_ONE =
  'install one: `sudo apt-get install chromium` (Debian/Ubuntu), Google Chrome, or `npx playwright install chromium`; or set CHROMIUM_PATH';

function playwrightsOwn() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `{ path, source }` of the first browser found: CHROMIUM_PATH when set (and only it: a path the
 * user named that does not exist is not silently replaced by another), then the known paths,
 * then playwright's own download. `{ path: undefined, looked }` when there is none.
 */
function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
      : { path: undefined, looked: [`CHROMIUM_PATH=${env.CHROMIUM_PATH}`] };
  }
  for (const file of KNOWN_PATHS) if (isExecutable(file)) return { path: file, source: file };
  const own = playwrightsOwn();
  if (own && isExecutable(own)) return { path: own, source: "playwright's download" };
  return { path: undefined, looked: [...KNOWN_PATHS, own ? `playwright's download (${own})` : "playwright's download"] };
}

/** With CI=true a missing browser fails the run: CI must run the browser tests, never skip them. */
function browserRequired(env = process.env) {
  return env.CI === 'true' || env.CI === '1';
}

module.exports = { findChromium, browserRequired, HOW_TO_GET_ONE };
