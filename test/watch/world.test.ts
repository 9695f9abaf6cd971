/**
 * The World seam behind `bulletin watch`: a rebuild after a one-article edit reads only that
 * file, loads no font and converts no image again, and sets only that article again — and gives
 * the same pages as a build from scratch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { World } from '../../src/world';
import { makeTempProject, removeTempProject } from '../e2e/helpers';

let root: string;
beforeAll(() => {
  root = makeTempProject();
  // Fonts of its own, not hard links to the repository's: the suites running alongside link those
  // into their projects, and each new link changes the files' change time, which the World
  // rightly takes for a possible edit (it would load the fonts again).
  const fonts = path.join(root, 'fonts');
  for (const name of fs.readdirSync(fonts)) {
    const file = path.join(fonts, name);
    if (!fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    fs.rmSync(file); // unlink first: writing into the link would write into the repository's file
    fs.writeFileSync(file, bytes);
  }
});
afterAll(() => removeTempProject(root));

test('a rebuild after an edit reads, converts and sets only what changed', async () => {
  const world = new World(true);
  await buildIssue(root, '2024-02', { world, preview: true });
  const reads = world.reads;
  const made = new Map(world.made);
  const set = world.articlesSet();
  expect(set).toBe(9);
  // The four faces and the one default fallback font (HanaMinB, for Extension B and beyond).
  expect(made.get('font')).toBe(5);
  const article = path.join(root, 'issues', '2024-02', 'articles', '05-npcpa-spring-reception.md');
  fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace('。', '；'));
  const again = await buildIssue(root, '2024-02', { world, preview: true });

  expect(world.reads - reads).toBe(1);
  expect(world.made.get('font')).toBe(5);
  expect(world.made.get('image-size')).toBe(made.get('image-size'));
  expect(world.made.get('email-image')).toBe(made.get('email-image'));
  expect((world.made.get('markdown') ?? 0) - (made.get('markdown') ?? 0)).toBe(1);
  expect(world.articlesSet() - set).toBe(1);

  // The remembered pieces make the same pages as a fresh build.
  const fresh = await buildIssue(root, '2024-02', { preview: true });
  expect(JSON.stringify(again.layout.pages)).toBe(JSON.stringify(fresh.layout.pages));
  expect(again.layout.stats).toEqual(fresh.layout.stats);
}, 120000);
