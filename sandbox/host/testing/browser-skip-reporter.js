// A jest reporter: when the run had no browser, its last line names the browser suites it
// skipped and how to get a browser (see describeInBrowser in browser-harness.ts). Written as the
// process exits, after jest's own summary, so it is the line a newcomer reads last.
const fs = require('node:fs');
const path = require('node:path');
const { findChromium, HOW_TO_GET_ONE } = require('./find-chromium');

class BrowserSkipReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const search = findChromium();
    if (search.path) return;
    const skipped = results.testResults
      .filter((suite) => !suite.testExecError && suite.numPendingTests > 0 && suite.numPassingTests === 0 && suite.numFailingTests === 0)
      .map((suite) => path.relative(this.rootDir, suite.testFilePath));
    if (skipped.length === 0) return;
    const line = `Browser tests skipped, no Chromium found: ${skipped.length} suites (${skipped.join(', ')}); ${HOW_TO_GET_ONE}.`;
    process.once('exit', () => fs.writeSync(2, `\n${line}\n`));
  }
}

module.exports = BrowserSkipReporter;
