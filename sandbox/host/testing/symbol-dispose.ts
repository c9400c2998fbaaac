/**
 * Jest runs a test file in a vm context whose Symbol has no `Symbol.dispose` (Node adds it to
 * its main realm only). playwright-core then defines its handles' dispose method under the key
 * "undefined" while its `using` helper looks for Symbol.for('Symbol.dispose'), and every action
 * in a cross-site (out-of-process) frame fails with "Object not disposable". App frames are
 * cross-site (frame-origin.ts), so the harness gives the test realm the symbol before
 * playwright-core loads. Import this module first.
 */
const symbols = Symbol as unknown as { dispose?: symbol; asyncDispose?: symbol };
symbols.dispose ??= Symbol.for('Symbol.dispose');
symbols.asyncDispose ??= Symbol.for('Symbol.asyncDispose');

export {};
