/**
 * `bulletin new` → `bulletin import` → `bulletin build` on a throw-away copy of the project, with
 * a .docx written by an independent writer (the `docx` package, not our code), a WeChat page of
 * our own writing saved the way a browser saves it (page.html + page_files/), and pasted text.
 * The imported articles must build, and the PDF's text must be the source's text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, Textbox, TextRun } from 'docx';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { makeTempProject, noSpace, removeTempProject, viewerText } from '../e2e/helpers';
import { runCli } from '../cli/helpers';
import { readPdf } from '../helpers/pdf';

const BODY_SIZE = 12; // 小四, series.yaml

const DOCX = {
  title: '关于做好二〇二四年春季信访工作的通知',
  source: '市信访局',
  date: '2024-03-05',
  paragraphs: ['各区信访部门要认真落实工作责任，确保群众反映的问题件件有着落。', '要坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层。'],
  heading1: '一、总体要求',
  heading2: '（一）工作目标',
  boldLead: '重点强调。',
  afterBold: '各单位要在三月底前完成自查。',
  list: ['排查矛盾纠纷', '化解信访积案'],
  broken: ['第一行在换行符之前', '第二行在换行符之后'],
  caption: '信访接待大厅',
  textBox: '文本框中的提示文字',
} as const;

const WECHAT = {
  title: '市人民调解协会召开年度工作会议',
  account: '人民调解之窗',
  date: '2024-03-08',
  paragraphs: ['3月8日，市人民调解协会召开年度工作会议，总结二〇二三年工作。', '会议强调，要坚持以人民为中心的发展思想，做深做实人民调解工作。'],
  bold: '会议要求',
  caption: '会议现场',
} as const;

const TEXT = {
  title: '信访工作条例学习要点',
  source: '法治日报',
  date: '2024-03-10',
  // A paragraph copied from a PDF, broken mid-sentence, with ASCII punctuation (R4 fixes it).
  raw: '信访工作坚持党的领导,坚持以人民为中心\n的发展思想。',
  clean: '信访工作坚持党的领导，坚持以人民为中心的发展思想。',
  second: '各级机关要依法及时就地解决群众合理诉求。',
};

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7a9cc6' } }).png().toBuffer();
}

async function writeDocx(file: string): Promise<void> {
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18 } }] },
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: DOCX.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `来源：${DOCX.source}　发布时间：2024年3月5日` }),
          new Paragraph({ text: DOCX.paragraphs[0] }),
          new Paragraph({ text: DOCX.heading1, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: DOCX.heading2, heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: DOCX.boldLead, bold: true }), new TextRun(DOCX.afterBold)] }),
          ...DOCX.list.map((item) => new Paragraph({ text: item, numbering: { reference: 'steps', level: 0 } })),
          new Paragraph({ children: [new TextRun(DOCX.broken[0]), new TextRun({ text: DOCX.broken[1], break: 1 })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: await png(1200, 800), transformation: { width: 300, height: 200 } })] }),
          new Paragraph({ text: DOCX.caption, style: 'Caption' }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('单位')] }), new TableCell({ children: [new Paragraph('件数')] })] })] }),
          new Textbox({ style: { width: '200pt', height: '40pt' }, children: [new Paragraph(DOCX.textBox)] }),
          new Paragraph({ text: DOCX.paragraphs[1] }),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

async function writeWechat(dir: string): Promise<string> {
  const filesDir = path.join(dir, '年度会议_files');
  fs.mkdirSync(filesDir);
  await sharp({ create: { width: 1600, height: 1066, channels: 3, background: '#c69a7a' } }).jpeg().toFile(path.join(filesDir, '640.jpeg'));
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${WECHAT.title}</title><script>var createTime = '2024-03-08 18:30';</script></head>
<body id="activity-detail"><div class="rich_media_inner"><div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">
  ${WECHAT.title}
</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${WECHAT.account}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2024年3月8日 18:30</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: visible;">
<section style="margin-bottom: 8px;"><p style="text-indent: 2em;"><span style="font-size: 16px;">${WECHAT.paragraphs[0]}</span></p></section>
<p style="text-align:center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg" src="./年度会议_files/640.jpeg" data-ratio="0.66"></p>
<p style="text-align:center;"><span style="font-size: 12px;color: rgb(136, 136, 136);">${WECHAT.caption}</span></p>
<p><span style="font-weight: bold;">${WECHAT.bold}</span><span>，${WECHAT.paragraphs[1]}</span></p>
<p style="display:none;">隐藏的文字</p>
</div><script>var ct = "1709893800";</script></div></div></body></html>`;
  const file = path.join(dir, '年度会议.html');
  fs.writeFileSync(file, html);
  return file;
}

describe('new → import → build', () => {
  let root: string;
  let inputs: string;
  beforeAll(() => {
    root = makeTempProject();
    inputs = fs.mkdtempSync(path.join(root, 'inbox-'));
  });
  afterAll(() => removeTempProject(root));

  test('the imported articles build and the PDF says what the sources say', async () => {
    const created = await runCli(path.join(root, 'issues', '2024-02'), ['new']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('issues/2024-03/');
    const docx = path.join(inputs, 'Spring Notice.docx');
    await writeDocx(docx);
    const wechat = await writeWechat(inputs);
    const txt = path.join(inputs, 'notes.txt');
    fs.writeFileSync(txt, `${TEXT.title}\n\n来源：${TEXT.source}\n\n发布时间：${TEXT.date}\n\n${TEXT.raw}\n\n　　${TEXT.second}\n`);

    const first = await runCli(root, ['import', docx, wechat, '--issue', '2024-03/', '--section', '行业动态']);
    expect(first.stderr).toBe('');
    // The table is reported at the line of the article where it was.
    expect(first.stdout).toMatch(/issues\/2024-03\/articles\/01-spring-notice\.md:\d+: a table \(1 row\(s\), starting “单位件数”\) was not brought in/);
    expect(first.stdout).toMatch(/issues\/2024-03\/articles\/01-spring-notice\.md:\d+: a text box \(“文本框中的提示文字”\): its text follows here as ordinary paragraphs/);
    const second = await runCli(root, ['import', txt, '--issue', 'issues/2024-03', '--section', '法律法规']);
    expect(second.stdout).toContain('check passed');

    const issueDir = path.join(root, 'issues', '2024-03');
    const issueText = fs.readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8');
    expect(issueText).toMatch(/^# yaml-language-server: \$schema=/);
    expect(issueText).toContain('# ── 栏目与文章');
    expect(parseYaml(issueText).sections).toEqual([
      { title: '行业动态', articles: [{ file: 'articles/01-spring-notice.md' }, { file: 'articles/02-年度会议.md' }] },
      { title: '法律法规', articles: [{ file: 'articles/03-notes.md' }] },
    ]);

    const docxMd = fs.readFileSync(path.join(issueDir, 'articles', '01-spring-notice.md'), 'utf8');
    expect(docxMd).toContain(`title: ${DOCX.title}\nsource: ${DOCX.source}\ndate: ${DOCX.date}\n`);
    expect(docxMd).toContain(`\n## ${DOCX.heading1}\n`);
    expect(docxMd).toContain(`\n### ${DOCX.heading2}\n`);
    expect(docxMd).toContain(`\n**${DOCX.boldLead}**${DOCX.afterBold}\n`);
    expect(docxMd).toContain(`\n1.${DOCX.list[0]}\n\n2.${DOCX.list[1]}\n`);
    expect(docxMd).toContain(`\n![${DOCX.caption}](../images/01-1.png)\n`);
    expect((await sharp(path.join(issueDir, 'images', '01-1.png')).metadata()).width).toBe(1200);
    const wechatMd = fs.readFileSync(path.join(issueDir, 'articles', '02-年度会议.md'), 'utf8');
    expect(wechatMd).toContain(`title: ${WECHAT.title}\nsource: ${WECHAT.account}\ndate: ${WECHAT.date}\n`);
    expect(wechatMd).toContain(`![${WECHAT.caption}](../images/02-1.jpg)`);
    expect(wechatMd).not.toContain('隐藏');
    const textMd = fs.readFileSync(path.join(issueDir, 'articles', '03-notes.md'), 'utf8');
    expect(textMd).toContain(`title: ${TEXT.title}\nsource: ${TEXT.source}\ndate: ${TEXT.date}\n`);

    const built = await runCli(root, ['build', '2024-03']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const pdf = fs.readdirSync(path.join(root, 'out', '2024-03')).find((f) => f.endsWith('.pdf') && !f.endsWith('-print.pdf'));
    const report = readPdf(path.join(root, 'out', '2024-03', pdf ?? ''));
    const text = noSpace(report.pages.map((p) => viewerText(p, BODY_SIZE)).join(''));
    // Every source text in the PDF, in the source's order.
    const expected = [
      DOCX.title, ...DOCX.paragraphs.slice(0, 1), DOCX.heading1, DOCX.heading2, DOCX.boldLead + DOCX.afterBold, `1.${DOCX.list[0]}`, `2.${DOCX.list[1]}`, ...DOCX.broken, DOCX.caption, DOCX.textBox, DOCX.paragraphs[1],
      WECHAT.title, WECHAT.paragraphs[0], WECHAT.caption, `${WECHAT.bold}，${WECHAT.paragraphs[1]}`,
      TEXT.title, TEXT.clean, TEXT.second,
    ];
    let at = 0;
    for (const piece of expected) {
      const found = text.indexOf(noSpace(piece), at);
      expect({ piece, found: found >= 0 }).toEqual({ piece, found: true });
      at = found + noSpace(piece).length;
    }
  }, 180000);

  test('importing a source again is refused, whatever it is called now, and writes nothing', async () => {
    const issueDir = path.join(root, 'issues', '2024-03');
    const docxMd = fs.readFileSync(path.join(issueDir, 'articles', '01-spring-notice.md'), 'utf8');
    expect(docxMd).toMatch(/^---\n# imported: Spring Notice\.docx sha256:[0-9a-f]{16}\n/);
    const before = { yaml: fs.readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8'), articles: fs.readdirSync(path.join(issueDir, 'articles')), images: fs.readdirSync(path.join(issueDir, 'images')) };
    const renamed = path.join(inputs, '春季通知（修订）.docx');
    fs.copyFileSync(path.join(inputs, 'Spring Notice.docx'), renamed);
    const again = await runCli(root, ['import', renamed, '--issue', '2024-03']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('春季通知（修订）.docx: already imported (same content) as issues/2024-03/articles/01-spring-notice.md');
    const fresh = path.join(inputs, 'fresh.txt');
    fs.writeFileSync(fresh, '一篇新的文章\n\n正文。\n');
    const twice = await runCli(root, ['import', fresh, fresh, '--issue', '2024-03']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('fresh.txt: the same file (same content) as');
    expect({ yaml: fs.readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8'), articles: fs.readdirSync(path.join(issueDir, 'articles')), images: fs.readdirSync(path.join(issueDir, 'images')) }).toEqual(before);
  }, 60000);
});
