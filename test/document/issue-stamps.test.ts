/** The stamps of the other issues, which the issue sequence compares an issue with. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readIssueStamps, stampCacheUse } from '../../src/document/issue-stamps';

const MINI = path.join(__dirname, '..', 'fixtures', 'mini');

describe('readIssueStamps', () => {
  it('reads every issue of the project', () => {
    expect(readIssueStamps(MINI).map((s) => s.id)).toContain('2024-03');
  });

  it('leaves out the issue being built, whose file the loader has parsed already', () => {
    const all = readIssueStamps(MINI);
    const others = readIssueStamps(MINI, '2024-03');
    expect(others.map((s) => s.id)).not.toContain('2024-03');
    expect(others).toEqual(all.filter((s) => s.id !== '2024-03'));
  });
});

describe('the kept stamps', () => {
  let dir: string;
  let project: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-stamps-'));
    project = path.join(dir, 'project');
    cacheDir = path.join(dir, 'cache');
    for (const [id, number, date] of [['2024-01', 1, '2024-01-31'], ['2024-02', 2, '2024-02-29'], ['2024-03', 3, '2024-03-31']] as const) {
      fs.mkdirSync(path.join(project, 'issues', id), { recursive: true });
      fs.writeFileSync(path.join(project, 'issues', id, 'issue.yaml'), `series: ../series.yaml\nnumber: ${number}\ndate: ${date}\n`);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The stamps, and how many manifests were read and how many stamps served kept. */
  const stamps = (except?: string, keptIn: 'as the environment says' | string = cacheDir) => {
    const before = { ...stampCacheUse };
    const found = keptIn === 'as the environment says' ? readIssueStamps(project, except) : readIssueStamps(project, except, keptIn);
    return { found, read: stampCacheUse.read - before.read, kept: stampCacheUse.kept - before.kept };
  };
  const manifest = (id: string) => path.join(project, 'issues', id, 'issue.yaml');

  it('reads each manifest once, then serves the same stamps from the cache', () => {
    const first = stamps();
    expect(first).toMatchObject({ read: 3, kept: 0 });
    expect(first.found.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(stamps()).toEqual({ found: first.found, read: 0, kept: 3 });
    expect(stamps('2024-02')).toEqual({ found: first.found.filter((s) => s.id !== '2024-02'), read: 0, kept: 2 });
  });

  it('reads a manifest again once it is written, even at the same size and modification time', () => {
    const file = manifest('2024-02');
    // A whole second, which utimes can set back exactly (it cannot give nanoseconds).
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    stamps();
    const before = fs.statSync(file, { bigint: true });
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('number: 2', 'number: 7'));
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    const after = fs.statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    const again = stamps();
    expect(again).toMatchObject({ read: 1, kept: 2 });
    expect(again.found.find((s) => s.id === '2024-02')?.number).toBe(7);
  });

  it('keeps that a manifest has no stamp until it is corrected, and forgets removed issues', () => {
    fs.writeFileSync(manifest('2024-03'), 'number: [unclosed\n');
    expect(stamps()).toMatchObject({ read: 3 });
    expect(stamps()).toMatchObject({ read: 0, kept: 3 });
    expect(stamps().found.map((s) => s.id)).toEqual(['2024-01', '2024-02']);
    fs.writeFileSync(manifest('2024-03'), 'number: 3\ndate: 2024-03-31\n');
    expect(stamps()).toMatchObject({ read: 1, kept: 2 });
    fs.rmSync(path.join(project, 'issues', '2024-01'), { recursive: true });
    expect(stamps().found.map((s) => s.id)).toEqual(['2024-02', '2024-03']);
    const [file] = fs.readdirSync(cacheDir);
    expect((JSON.parse(fs.readFileSync(path.join(cacheDir, file!), 'utf8')) as [string][]).map(([id]) => id)).toEqual(['2024-02', '2024-03']);
  });

  it('reads every manifest when the kept file is damaged or of another shape, and writes nothing when off', () => {
    stamps();
    const [file] = fs.readdirSync(cacheDir);
    for (const damaged of ['{"cut', '[["2024-01",["x",{"id":"2024-02","number":1,"date":"2024-01-31"}]]]', '[["2024-01",["x",{"id":"2024-01","number":"1","date":"2024-01-31"}]]]']) {
      fs.writeFileSync(path.join(cacheDir, file!), damaged);
      expect(stamps()).toMatchObject({ read: 3, kept: 0 });
    }
    expect(stamps()).toMatchObject({ read: 0, kept: 3 });
    // The tests' environment turns the cache off (test/support/global-setup.js), as BULLETIN_STAMP_CACHE=off does.
    expect(process.env.BULLETIN_STAMP_CACHE).toBe('off');
    expect(stamps(undefined, 'as the environment says')).toMatchObject({ read: 3, kept: 0 });
    expect(fs.readdirSync(cacheDir)).toEqual([file]);
  });
});
