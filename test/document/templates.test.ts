import { wording } from '../helpers/errors';
import { BulletinError } from '../../src/errors';
import { compileTemplate } from '../../src/document/templates';

const at = { file: 'issues/series.yaml', line: 70, column: 11 };

describe('compileTemplate', () => {
  it('fills fields without HTML escaping', () => {
    expect(compileTemplate('folio', '— {{folio}} —', at)({ folio: 3 })).toBe('— 3 —');
    expect(compileTemplate('runningHead', '{{title}}', at)({ title: 'A & B <C>' })).toBe('A & B <C>');
  });

  it('names the template and its line for an unknown field', () => {
    const fill = compileTemplate('coverIssueLine', '{{year}}年第{{numbr}}期', at);
    let caught: unknown;
    try {
      fill({ year: 2024, number: 2 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(BulletinError);
    expect((caught as BulletinError).diagnostics[0]).toEqual({
      severity: 'error',
      location: at,
      code: 'document.template-unknown-field',
      params: { where: 'templates.coverIssueLine', missing: 'numbr' },
      hint: { code: 'document.template-unknown-field.hint', params: { fields: '{{year}} {{number}}' } },
    });
  });

  it('reports a syntax error when compiling', () => {
    expect(() => compileTemplate('folio', '{{folio', at)).toThrow(/^issues\/series\.yaml:70:11: templates\.folio: /);
  });
});

describe('compileTemplate refuses what could hide a field (issue #13)', () => {
  const message = (source: string, fields: Record<string, string | number> = { title: '题', folio: 1 }): string | undefined => {
    try {
      compileTemplate('runningHead', source, at)(fields);
      return undefined;
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      return wording(err.diagnostics[0]);
    }
  };

  it.each([
    ['{{#with title}}{{this}}{{/with}}', /\{\{#with\}\} is not allowed/],
    ['{{#each title}}x{{/each}}', /\{\{#each\}\} is not allowed/],
    ['{{lookup this "title"}}', /\{\{lookup …\}\} is not allowed/],
    ['{{> head}}', /a partial/],
    ['{{../title}}', /\{\{\.\.\/title\}\} is not allowed/],
    ['{{@root.title}}', /is not allowed/],
    ['{{#if (eq title "x")}}x{{/if}}', /sub-expression/],
  ])('%s', (source, expected) => {
    expect(message(source)).toMatch(expected);
  });

  it('checks the field that {{#if}} and {{#unless}} test, also in an {{else if}} chain', () => {
    expect(message('{{#if titel}}{{title}}{{/if}}')).toBe('templates.runningHead: unknown field {{titel}}');
    expect(message('{{#unless folo}}x{{/unless}}')).toBe('templates.runningHead: unknown field {{folo}}');
    expect(message('{{#if folio}}a{{else if titl}}b{{/if}}')).toBe('templates.runningHead: unknown field {{titl}}');
    expect(message('{{#if folio}}{{title}}{{else}}—{{/if}}')).toBeUndefined();
  });

  it('limits what a template may produce', () => {
    const long = '{{title}}'.repeat(200);
    expect(message(long, { title: '很长的标题' })).toMatch(/is 1,000 characters long \(limit 500\)/);
    expect(message('{{title}}', { title: '短' })).toBeUndefined();
  });
});

it('refuses a backslash-escaped {{…}}, which would print a refused helper as text', () => {
  expect(() => compileTemplate('runningHead', '\\{{lookup this "year"}}', { file: 'issues/series.yaml', line: 29 })).toThrow(/a backslash before \{\{ would print the braces themselves/);
});
