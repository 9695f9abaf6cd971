/** R4 paste artefacts: invisible characters, 同意., unpaired * and _, lines Markdown would join. */
import { segmentsOf } from '../../src/lint/segments';
import { article, BODY_LINE as L, fixed, lint } from './helpers';

describe('R4 paste artefacts', () => {
  it('reports each invisible character, in the body and the front matter, and --fix removes it', () => {
    expect(lint('调解\u00ADwork\u200B，会\u2060议')).toEqual([`${L}:3 \u00AD→`, `${L}:8 \u200B→`, `${L}:11 \u2060→`]);
    expect(lint('正文', '标\u200B题')).toEqual(['2:9 \u200B→']);
    expect(fixed('调解\u00AD工作\u200B\u200D完成\uFEFF。')).toBe('调解工作完成。');
  });

  it('leaves the invisible characters out of the visible text the other rules see', () => {
    expect(segmentsOf(article('调解\u00AD工作')).map((s) => s.text)).toEqual(['标题', '调解工作']);
  });

  it('warns on "同意." and fixes it to "同意。", leaving 1.5, www.x.cn and ... alone', () => {
    expect(lint('我们同意.')).toEqual([`${L}:5 .→。`]);
    expect(fixed('会议同意.明天再议。')).toBe('会议同意。明天再议。');
    expect(lint('增长1.5倍，见www.gov.cn的说明')).toEqual([]);
  });

  it('warns on a * or _ that pairs with nothing, never on emphasis or an escaped one', () => {
    expect(lint('面积为3*4米，另有*号标注')).toEqual([`${L}:11 warning`]);
    expect(lint('文件report_2024_final.docx')).toEqual([]);
    expect(lint('正文*着重*结束，**粗体**，\\*号')).toEqual([]);
    expect(lint('未闭合的_下划线')).toEqual([`${L}:5 warning`]);
  });

  it('warns when numbered items on consecutive lines would be one paragraph, and --fix separates them', () => {
    expect(lint('1.加强组织领导。\n2.完善工作机制。\n（3）强化保障。')).toEqual([`${L + 1}:1 →\n`, `${L + 2}:1 →\n`]);
    expect(fixed('1.加强组织领导。\n2.完善工作机制。')).toBe('1.加强组织领导。\n\n2.完善工作机制。');
    // A number that only continues a sentence ("12.5%") is not an item; a hard break already keeps the line.
    expect(lint('同比增长\n12.5%，其中')).toEqual([]);
    expect(lint('1.加强组织领导。\\\n2.完善工作机制。')).toEqual([]);
  });

  it('warns when a list of names typed one per line would be joined', () => {
    expect(lint('张三\n李四\n王五')).toEqual([`${L + 1}:1 warning`]);
    expect(lint('张三\\\n李四\\\n王五')).toEqual([]);
    expect(lint('这是一个正常的段落，\n在这里换行，\n然后继续写。')).toEqual([]);
  });

  it('treats a line of only ideographic spaces as a blank line', () => {
    expect(segmentsOf(article('第一段。\n\u3000\u3000\n第二段。')).map((s) => s.text)).toEqual(['标题', '第一段。', '第二段。']);
  });
});
