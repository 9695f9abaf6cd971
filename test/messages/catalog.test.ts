/**
 * The catalogs: every code is worded in both languages (the compiler checks that each exists with
 * the same params; this checks that each can be worded), the wording follows LANG at the moment of
 * printing, and the README's table of codes is the catalog's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic, inputError } from '../../src/errors';
import { allCodes, blankParams, codeTable, type Message, message, render } from '../../src/messages';

const HAN = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function withLang<T>(lang: string, fn: () => T): T {
  const saved = { LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'] };
  process.env['LANG'] = lang;
  delete process.env['LC_ALL'];
  delete process.env['LC_MESSAGES'];
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('every code', () => {
  const codes = allCodes();

  it('is dotted and lowercase, and there are many', () => {
    expect(codes.length).toBeGreaterThan(300);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
  });

  // ajv's own words, localised by ajv-i18n and passed through as params.
  const passedThrough = new Set(['manifest.schema-other']);
  // Lists what is wrong from two flags; blank params set both, so nothing is listed.
  const mayBeEmpty = new Set(['preflight.ua.title.missing']);

  it.each(codes)('%s is worded in English and Chinese with its params', (code) => {
    const blank = { code, params: blankParams() } as Message;
    const en = render(blank, 'en');
    const zh = render(blank, 'zh');
    for (const text of [en, zh]) {
      if (!mayBeEmpty.has(code)) expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|\[object |NaN/);
    }
    // Chinese, unless the entry is only PDF names and figures (`/Lang {lang}`), the same in both.
    if (zh !== en && !passedThrough.has(code) && !mayBeEmpty.has(code)) expect(zh).toMatch(HAN);
  });
});

describe('wording when printed', () => {
  const err = () => inputError({ file: 'issue.yaml', line: 3, column: 1 }, message('manifest.unknown-property', { name: 'editr' }), message('manifest.did-you-mean', { guess: 'editor' }));

  it('follows LANG at the moment of printing, not when the error was made', () => {
    const made = withLang('C', err);
    expect(withLang('zh_CN.UTF-8', () => formatDiagnostic(made.diagnostics[0]!))).toBe('issue.yaml:3:1: 未知的属性 "editr"\n  提示：是否应为 "editor"？');
    expect(withLang('C', () => formatDiagnostic(made.diagnostics[0]!))).toBe('issue.yaml:3:1: unknown property "editr"\n  hint: did you mean "editor"?');
    expect(withLang('zh_CN.UTF-8', () => made.message)).toContain('未知的属性');
  });

  it('puts a manifest path and the warning prefix in the language too', () => {
    const d = { severity: 'warning' as const, location: { file: 'series.yaml', line: 2, path: 'page.width' }, ...message('manifest.empty') };
    expect(withLang('zh_CN.UTF-8', () => formatDiagnostic(d))).toBe('series.yaml:2: 警告：page.width: 不能为空');
    expect(withLang('C', () => formatDiagnostic(d))).toBe('series.yaml:2: warning: page.width: must not be empty');
  });
});

describe('README', () => {
  it('lists every code with its wording, as the catalogs have them', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const table = /<!-- codes:start -->\n([\s\S]*?)\n<!-- codes:end -->/.exec(readme)?.[1];
    // Regenerate with: npm run build && node -e "console.log(require('./dist/messages').codeTable())"
    expect(table).toBe(codeTable());
  });
});
