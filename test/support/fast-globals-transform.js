/**
 * ts-jest, plus one line: each module binds the ECMAScript built-ins it reads (Math, Infinity,
 * typed arrays…) to local constants of the same name.
 *
 * Why: jest runs every module inside a `vm` context, and on Node 20 reading a global there goes
 * through the context's interceptors on every access, even in an optimised hot loop. The line
 * breaker's `Math.max`/`Infinity` made the invariant sweep ~6× slower under jest than the same code
 * under plain node (15 s against 2.4 s, measured). The constants are the very same objects the
 * context holds, so nothing changes but the lookup: only built-ins jest never swaps are bound
 * (not Date, timers, console or process, which fake timers and spies replace or patch), a name
 * the file declares itself is left alone, and the line is joined to the first one so every line
 * number in a stack trace stays right.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const { TsJestTransformer } = require('ts-jest');

/** Part of every cache key: an edit to this file re-transforms everything. */
const SELF = crypto.createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 16);

const BUILT_INS = [
  'Math', 'JSON', 'Reflect', 'Intl', 'Infinity', 'NaN',
  'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'RegExp',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError',
  'ArrayBuffer', 'DataView', 'Float64Array', 'Float32Array', 'Int32Array', 'Int16Array', 'Int8Array',
  'Uint32Array', 'Uint16Array', 'Uint8Array', 'Uint8ClampedArray',
  'parseInt', 'parseFloat', 'isFinite', 'isNaN', 'Buffer',
];

/**
 * The binding line for `code`: every built-in it names and neither declares nor assigns (a
 * destructured or shorthand mention counts as a declaration: leaving one out only costs speed).
 */
function bindingsFor(code) {
  const names = BUILT_INS.filter(
    (name) =>
      new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(code) &&
      !new RegExp(`\\b(?:var|let|const|function|class)\\s+${name}(?![\\w$])|[{,]\\s*${name}\\s*[,}=:]|(?<![\\w$.])${name}\\s*=(?!=)`).test(code),
  );
  return names.length === 0 ? '' : `const { ${names.join(', ')} } = globalThis;`;
}

/**
 * Puts `line` after the leading comments and a "use strict" directive (which must stay the first
 * statement, or the module would turn sloppy), on the same line.
 */
function prepend(code, line) {
  if (line === '') return code;
  const head = /^(?:#![^\n]*\n)?(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*(?:(?:"use strict"|'use strict');?)?/.exec(code)[0];
  // A directive written without its semicolon gets one, or the line would run into it.
  return `${head}${/["']$/.test(head) ? ';' : ''}${line}${code.slice(head.length)}`;
}

/** The transformed module with its bindings line. */
function withBindings(result) {
  return typeof result === 'string' ? prepend(result, bindingsFor(result)) : { ...result, code: prepend(result.code, bindingsFor(result.code)) };
}

const isTypeScript = (file) => file.endsWith('.ts');

class FastGlobalsTransformer extends TsJestTransformer {
  // TypeScript goes through ts-jest first; the JavaScript of node_modules (fontkit, pdfkit,
  // pdf-lib… run in the same context) only gets the line.
  process(sourceText, sourcePath, options) {
    return withBindings(isTypeScript(sourcePath) ? super.process(sourceText, sourcePath, options) : { code: sourceText });
  }

  async processAsync(sourceText, sourcePath, options) {
    return withBindings(isTypeScript(sourcePath) ? await super.processAsync(sourceText, sourcePath, options) : { code: sourceText });
  }

  getCacheKey(fileContent, filePath, options) {
    return `${super.getCacheKey(fileContent, filePath, options)}:${SELF}`;
  }

  async getCacheKeyAsync(fileContent, filePath, options) {
    return `${await super.getCacheKeyAsync(fileContent, filePath, options)}:${SELF}`;
  }
}

module.exports = { createTransformer: (options) => new FastGlobalsTransformer(options) };
