/// <reference lib="dom" />
/**
 * `bulletin watch` in a real browser: Debian's chromium, driven by puppeteer-core through its
 * executablePath (no browser download). Page 1 renders non-blank, an edit shows up at the same
 * scroll position, a YAML error shows its overlay over the last good PDF, the fix removes it.
 * Runs under `npm run test:slow`, not `npm test` (test/support/slow-suites.js). Skips (saying
 * why) when chromium is absent; .ci/run installs it and runs test:slow with
 * BULLETIN_BROWSER_TESTS=require, so CI never skips it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BIN } from '../cli/helpers';
import { makeTempProject, removeTempProject } from '../e2e/helpers';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env['BULLETIN_BROWSER_TESTS'] === 'require') throw new Error(`BULLETIN_BROWSER_TESTS=require but there is no chromium at ${CHROMIUM}`);
  console.log(`watch browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

interface Shown {
  build: number;
  rendered: number;
  overlay: string;
  pages: number;
}

(available ? describe : describe.skip)('bulletin watch in chromium', () => {
  let root: string;
  let profile: string;
  let watch: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url: string;
  let output = '';

  beforeAll(async () => {
    root = makeTempProject();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-chromium-'));
    watch = spawn(process.execPath, [BIN, 'watch', '2024-02'], { cwd: root, env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    watch.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
    watch.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview address printed:\n${output}`)), 60000);
      const poll = setInterval(() => {
        const m = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m?.[1]) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]);
        }
      }, 50);
    });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 900, height: 1000 });
    await page.goto(url);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    watch?.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
    removeTempProject(root);
  });

  const shown = (): Promise<Shown> =>
    page.evaluate(() => {
      const b = (window as unknown as { __bulletin: Shown & { pages(): number } }).__bulletin;
      return { build: b.build, rendered: b.rendered, overlay: b.overlay, pages: b.pages() };
    });
  const until = async (what: string, test: (s: Shown) => boolean, ms = 60000): Promise<Shown> => {
    const end = Date.now() + ms;
    for (;;) {
      const s = await shown();
      if (test(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s)}\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const allText = (): Promise<string> =>
    page.evaluate(async () => {
      const b = (window as unknown as { __bulletin: { pages(): number; pageText(n: number): Promise<string> } }).__bulletin;
      const texts: string[] = [];
      for (let n = 1; n <= b.pages(); n++) texts.push(await b.pageText(n));
      return texts.join('\n');
    });

  test('page 1 renders, an edit shows up in place, a YAML error shows its overlay and the fix removes it', async () => {
    const first = await until('the first PDF on screen', (s) => s.rendered >= 1);
    // The sample's e-mail copy is some twenty pages; whatever the count, every build keeps it.
    expect(first.pages).toBeGreaterThan(10);
    // Page 1 (the cover) has ink: a good share of its pixels are not white.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('canvas[data-page="1"]') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) dark++;
      return dark / (data.length / 4);
    });
    expect(inked).toBeGreaterThan(0.005);

    // Scrolled to page 5; an edit to an article is on screen after the rebuild, still at page 5.
    const top = await page.evaluate(() => {
      (document.querySelector('canvas[data-page="5"]') as HTMLCanvasElement).scrollIntoView();
      window.scrollBy(0, 37);
      return document.scrollingElement!.scrollTop;
    });
    expect(top).toBeGreaterThan(1000);
    const article = path.join(root, 'issues', '2024-02', 'articles', '05-npcpa-spring-reception.md');
    const original = fs.readFileSync(article, 'utf8');
    expect(await allText()).not.toContain('预览修改测试');
    fs.writeFileSync(article, original.replace(/\n\n([^\n#!])/, '\n\n预览修改测试。$1'));
    const edited = await until('the edited PDF', (s) => s.rendered > first.rendered);
    expect(edited.overlay).toBe('');
    expect((await allText()).replace(/\s/g, '')).toContain('预览修改测试。');
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(top);

    // A YAML mistake: the overlay names the file and line; the last good PDF stays on screen.
    const issueFile = path.join(root, 'issues', '2024-02', 'issue.yaml');
    const issueText = fs.readFileSync(issueFile, 'utf8');
    fs.writeFileSync(issueFile, issueText.replace(/^number: 2$/m, 'number: [2'));
    const broken = await until('the error overlay', (s) => s.overlay !== '' && s.build > edited.build);
    expect(broken.overlay).toMatch(/issues\/2024-02\/issue\.yaml:\d+:\d+: YAML/);
    expect(await page.$eval('#overlay', (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0)).toBe(true);
    expect(broken.rendered).toBe(edited.rendered);
    expect(broken.pages).toBe(first.pages);

    // The fix: the overlay goes, a new PDF comes.
    fs.writeFileSync(issueFile, issueText);
    const fixed = await until('the overlay to go', (s) => s.overlay === '' && s.rendered > broken.rendered);
    expect(fixed.pages).toBe(first.pages);
    expect(await page.$eval('#overlay', (el) => (el as HTMLElement).hidden)).toBe(true);
  }, 240000);
});
