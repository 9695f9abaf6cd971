/**
 * The JSON schemas in schemas/ compile under ajv's strict mode and accept the shipped issue
 * (issues/series.yaml, issues/2024-02/issue.yaml and every article's front matter); unknown
 * and missing keys are rejected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const ISSUE_DIR = path.join(ROOT, 'issues', '2024-02');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

function readYaml(file: string): unknown {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** The YAML between the opening and closing --- lines of a Markdown file. */
function frontMatter(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return parse(m[1] ?? '');
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const ajv = new Ajv({ allErrors: true, strict: true });
const schemas = {
  series: readJson('schemas/series.schema.json'),
  issue: readJson('schemas/issue.schema.json'),
  article: readJson('schemas/article.schema.json'),
};
const validate: Record<keyof typeof schemas, ValidateFunction> = {
  series: ajv.compile(schemas.series),
  issue: ajv.compile(schemas.issue),
  article: ajv.compile(schemas.article),
};

function expectValid(v: ValidateFunction, data: unknown, what: string): void {
  const ok = v(data);
  if (!ok) throw new Error(`${what} does not validate:\n${ajv.errorsText(v.errors, { separator: '\n' })}`);
  expect(ok).toBe(true);
}

describe('schemas', () => {
  it.each(Object.entries(schemas))('%s schema declares draft-07, $id, title and description', (name, schema) => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(`https://bulletin.local/schemas/${name}.schema.json`);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });
});

describe('shipped issue 2024-02', () => {
  const series = readYaml(path.join(ROOT, 'issues', 'series.yaml'));
  const issue = readYaml(path.join(ISSUE_DIR, 'issue.yaml')) as {
    series: string;
    sections: { articles: { file: string }[] }[];
  };

  it('series.yaml validates', () => {
    expectValid(validate.series, series, 'issues/series.yaml');
  });

  it('issue.yaml validates and points at the series file', () => {
    expectValid(validate.issue, issue, 'issues/2024-02/issue.yaml');
    expect(fs.existsSync(path.join(ISSUE_DIR, issue.series))).toBe(true);
  });

  it('every article front matter validates', () => {
    const files = issue.sections.flatMap((s) => s.articles.map((a) => a.file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expectValid(validate.article, frontMatter(path.join(ISSUE_DIR, file)), file);
    }
  });
});

describe('rejections', () => {
  const series = readYaml(path.join(ROOT, 'issues', 'series.yaml')) as Record<string, unknown>;
  const issue = readYaml(path.join(ISSUE_DIR, 'issue.yaml')) as Record<string, unknown>;

  it('rejects an unknown key', () => {
    const data = clone(series) as { page: Record<string, unknown> };
    data.page['colour'] = 'red';
    expect(validate.series(data)).toBe(false);
    expect(validate.series.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/page',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'colour' },
      }),
    );
  });

  it('rejects a missing required key', () => {
    const data = clone(issue);
    delete data['editor'];
    expect(validate.issue(data)).toBe(false);
    expect(validate.issue.errors).toContainEqual(
      expect.objectContaining({ instancePath: '', keyword: 'required', params: { missingProperty: 'editor' } }),
    );
  });

  it('rejects a length without a unit and a front matter without a title', () => {
    const data = clone(series) as { page: Record<string, unknown> };
    data.page['width'] = '210';
    expect(validate.series(data)).toBe(false);
    expect(validate.article({ source: '国家信访局' })).toBe(false);
  });
});
