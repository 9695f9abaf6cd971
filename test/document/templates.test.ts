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
      message: 'templates.coverIssueLine: unknown field {{numbr}}',
      hint: 'fields available here: {{year}} {{number}}',
    });
  });

  it('reports a syntax error when compiling', () => {
    expect(() => compileTemplate('folio', '{{folio', at)).toThrow(/^issues\/series\.yaml:70:11: templates\.folio: /);
  });
});
