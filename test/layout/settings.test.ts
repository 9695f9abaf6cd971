/**
 * resolveSettings: the one place series defaults are applied, and where page geometry that
 * cannot be printed is refused with the line of the series file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlFile } from '../../src/manifest/parse';
import { validateSeries } from '../../src/manifest/validate';
import { DEFAULT_TYPOGRAPHY, resolveSettings } from '../../src/settings';
import { errorOf, wording } from '../helpers/errors';
import { render } from '../../src/messages';

const SERIES = fs.readFileSync(path.resolve(__dirname, '..', '..', 'issues', 'series.yaml'), 'utf8');

function resolve(text: string) {
  const parsed = parseYamlFile(text, 'issues/series.yaml');
  return resolveSettings(validateSeries(parsed), (p) => parsed.locate(p));
}

const lineOf = (text: string, key: RegExp) => text.split('\n').findIndex((l) => key.test(l)) + 1;

test('the sample series resolves with every default applied once', () => {
  const settings = resolve(SERIES.replace(/^typography:[\s\S]*?(?=^\S)/m, ''));
  expect(settings.typography).toEqual(DEFAULT_TYPOGRAPHY);
  expect(settings.press.binding).toBe('saddle-stitch');
  expect(settings.press.bleed).toBeCloseTo((3 * 72) / 25.4, 6);
  expect(settings.page.textWidth).toBe(38 * 12);
});

test('A5 with 38 characters of 小四 is refused at page.charsPerLine, with how many fit', () => {
  const a5 = SERIES.replace(/^(\s+width:\s*).*$/m, '$1148mm').replace(/^(\s+height:\s*).*$/m, '$1210mm');
  const err = errorOf(() => resolve(a5));
  const problem = err.diagnostics.find((d) => /charsPerLine/.test(render(d)));
  expect(problem?.location).toMatchObject({ file: 'issues/series.yaml', line: lineOf(a5, /^\s+charsPerLine:/) });
  expect(wording(problem)).toMatch(/outer margin of -\d/);
  // 148 mm − 26 mm inner − 5 mm safe zone = 117 mm = 27.6 characters of 12 pt.
  expect(problem?.hint).toEqual({ code: 'settings.chars-per-line-too-many.hint', params: { fits: 27 } });
  // And 34 lines of 20 pt from 32 mm do not leave room for the folio on a 210 mm page.
  expect(err.diagnostics.some((d) => d.location.line === lineOf(a5, /^\s+linesPerPage:/))).toBe(true);
});
